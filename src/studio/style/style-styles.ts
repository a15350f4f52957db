import { css } from 'lit';

/** The style editor's own layout (the shared form styles come from shell/studio-styles.ts). */
export const styleEditorStyles = css`
  :host {
    display: block;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cartable-space-3);
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: var(--cartable-space-1);
    margin: 0;
    font-weight: normal;
    font-size: var(--cartable-font-size);
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0 var(--cartable-space-3);
    align-items: end;
  }
  .colour-fields {
    display: flex;
    gap: var(--cartable-space-1);
    align-items: center;
  }
  .colour-fields .hex {
    font-family: ui-monospace, monospace;
    min-width: 0;
  }
  .entries {
    list-style: none;
    margin: var(--cartable-space-2) 0 0;
    padding: 0;
  }
  .entry {
    border-top: 1px solid var(--cartable-border);
    padding: var(--cartable-space-2) 0;
  }
  .entry-title {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .count {
    color: var(--cartable-muted);
  }
  .remove {
    margin-top: var(--cartable-space-2);
  }
  .add {
    margin-top: var(--cartable-space-2);
  }
  .add button {
    flex: 0 0 auto;
  }
`;
