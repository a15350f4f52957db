import { css } from 'lit';

/** The records editor's own layout (the shared form styles are studio-styles.ts). */
export const recordsStyles = css`
  :host {
    display: block;
  }
  ul,
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .with-insert {
    display: flex;
    gap: var(--cartable-space-1);
    align-items: start;
  }
  .with-insert > input,
  .with-insert > textarea {
    flex: 1;
    min-width: 0;
  }
  .with-insert > .picker {
    flex: 0 0 10.5rem;
    width: 10.5rem;
  }
  .picker {
    margin-top: var(--cartable-space-1);
  }
  label.check {
    display: flex;
    gap: var(--cartable-space-2);
    align-items: center;
    font-weight: normal;
    font-size: var(--cartable-font-size);
  }
  .label {
    margin: var(--cartable-space-2) 0 var(--cartable-space-1);
    font-size: var(--cartable-font-size-small);
    font-weight: 600;
  }
  .ordered li,
  .missing li {
    display: flex;
    align-items: center;
    gap: var(--cartable-space-1);
    padding: var(--cartable-space-1) 0;
    border-bottom: 1px solid var(--cartable-border);
  }
  .ordered .name,
  .missing code {
    flex: 1;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  button.icon {
    min-width: 2rem;
    padding: 0;
  }
  .fields > li {
    border-bottom: 1px solid var(--cartable-border);
    padding: var(--cartable-space-1) 0;
  }
  .missing-fields {
    margin: var(--cartable-space-2) 0;
  }
  .missing-fields > summary {
    font-weight: 600;
  }
  summary {
    cursor: pointer;
    padding: var(--cartable-space-1) 0;
  }
  .section {
    border: 1px solid var(--cartable-border);
    border-radius: var(--cartable-radius);
    padding: var(--cartable-space-2) var(--cartable-space-3);
    margin-bottom: var(--cartable-space-2);
  }
  fieldset > h3 {
    margin-top: var(--cartable-space-4);
  }
  h4 {
    margin: 0;
    font-size: var(--cartable-font-size);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cartable-space-1);
    margin-top: var(--cartable-space-2);
  }
  .preview {
    margin: 0 0 var(--cartable-space-4);
    padding: var(--cartable-space-3);
    background: var(--cartable-bg);
    border-radius: var(--cartable-radius);
  }
  .preview-head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cartable-space-2);
    align-items: baseline;
  }
  .preview-head h3 {
    flex: 1;
  }
  .muted {
    color: var(--cartable-muted);
    font-size: var(--cartable-font-size-small);
  }
  cartable-popup.record {
    max-height: 22rem;
    overflow: auto;
  }
  fieldset.values {
    margin: var(--cartable-space-2) 0;
  }
  .count {
    font-weight: 600;
    margin: var(--cartable-space-2) 0 0;
  }
  .count.warn {
    color: var(--cartable-danger);
  }
`;
