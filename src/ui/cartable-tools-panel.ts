import { css } from 'lit';

/** Styles shared by the tools' panels (measure, coordinates, print). */
export const panelStyles = css`
  :host {
    display: block;
    font-size: 0.92rem;
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1rem;
  }
  p {
    margin: 0.4rem 0;
  }
  .hint {
    color: var(--cartable-muted);
    font-size: 0.85rem;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0.5rem 0;
  }
  .button {
    min-height: 2.25rem;
  }
  .button[aria-pressed='true'] {
    background: var(--cartable-accent);
    color: var(--cartable-accent-contrast);
  }
  .button:disabled {
    opacity: 0.55;
    cursor: default;
  }
  .status {
    min-height: 1.2em;
    font-size: 0.88rem;
  }
  .error {
    color: var(--cartable-danger);
    font-weight: 600;
  }
  input[type='text'] {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.25rem;
    padding: 0.3rem 0.5rem;
    font: inherit;
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0.5rem 0;
  }
  legend,
  label.block {
    font-weight: 600;
    display: block;
    margin-bottom: 0.2rem;
  }
`;
