import { css } from 'lit';

/** Form styles every studio editor shares (tokens only: the site's theme applies). */
export const studioForm = css`
  fieldset {
    border: 1px solid var(--cartable-border);
    border-radius: var(--cartable-radius);
    margin: 0 0 var(--cartable-space-4);
    padding: var(--cartable-space-3);
  }
  legend,
  h2,
  h3 {
    font-weight: 600;
    margin: 0 0 var(--cartable-space-2);
  }
  h2 {
    font-size: var(--cartable-font-size-large);
  }
  h3 {
    font-size: var(--cartable-font-size);
  }
  label {
    display: block;
    margin: var(--cartable-space-2) 0 var(--cartable-space-1);
    font-size: var(--cartable-font-size-small);
    font-weight: 600;
  }
  input,
  select,
  textarea {
    font: inherit;
    color: var(--cartable-text);
    background: var(--cartable-surface);
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    padding: var(--cartable-space-1) var(--cartable-space-2);
    width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: auto;
  }
  input[type='color'] {
    width: 3rem;
    height: 2rem;
    padding: 0;
  }
  [aria-invalid='true'] {
    border-color: var(--cartable-danger);
  }
  .field-problems {
    margin: var(--cartable-space-1) 0 0;
    padding: 0;
    list-style: none;
    color: var(--cartable-danger);
    font-size: var(--cartable-font-size-small);
  }
  .row {
    display: flex;
    gap: var(--cartable-space-2);
    align-items: end;
  }
  .row > * {
    flex: 1;
  }
  button {
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    background: var(--cartable-surface);
    padding: var(--cartable-space-1) var(--cartable-space-3);
    min-height: 2rem;
  }
  button:hover:not(:disabled) {
    background: var(--cartable-hover);
  }
  button.primary,
  button.primary:hover:not(:disabled) {
    background: var(--cartable-accent);
    color: var(--cartable-accent-contrast);
    border-color: var(--cartable-accent);
  }
  button.primary:hover:not(:disabled) {
    text-decoration: underline;
  }
  button:disabled,
  button.primary:disabled {
    cursor: not-allowed;
    background: var(--cartable-surface);
    border-color: var(--cartable-border-strong);
    color: var(--cartable-muted);
  }
  .hint {
    color: var(--cartable-muted);
    font-size: var(--cartable-font-size-small);
    margin: var(--cartable-space-1) 0;
  }
`;
