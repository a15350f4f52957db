import { css } from 'lit';

/** The studio's own layout: its bar, the editor beside the preview, the tabs and the problems line. */
export const shellStyles = css`
  :host {
    display: grid;
    /* minmax(0, …): the editor's panel scrolls, never the page. */
    grid-template-rows: auto minmax(0, 1fr);
    height: 100%;
    /* clip, not hidden: a field scrolled into view moves its panel, never the whole studio. */
    overflow: clip;
    background: var(--cartable-bg);
  }
  .bar {
    display: flex;
    align-items: center;
    gap: var(--cartable-space-3);
    padding: var(--cartable-space-2) var(--cartable-space-4);
    background: var(--cartable-header-bg);
    color: var(--cartable-header-text);
  }
  .bar h1 {
    font-size: var(--cartable-font-size-large);
    margin: 0;
  }
  .bar .title {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .bar button {
    color: var(--cartable-text);
  }
  .work {
    display: grid;
    grid-template-columns: minmax(24rem, 30rem) minmax(0, 1fr);
    min-height: 0;
  }
  .editor {
    display: grid;
    grid-template-rows: auto auto minmax(0, 1fr);
    min-height: 0;
    border-right: 1px solid var(--cartable-border);
    background: var(--cartable-surface);
  }
  [role='tablist'] {
    display: flex;
    border-bottom: 1px solid var(--cartable-border);
  }
  [role='tab'] {
    flex: 1;
    border: 0;
    border-radius: 0;
    border-bottom: 3px solid transparent;
    background: none;
    padding: var(--cartable-space-2);
  }
  [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--cartable-accent);
    font-weight: 600;
  }
  .problems {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cartable-space-1) var(--cartable-space-2);
    padding: var(--cartable-space-2) var(--cartable-space-4);
    color: var(--cartable-danger);
    font-size: var(--cartable-font-size-small);
    border-bottom: 1px solid var(--cartable-border);
  }
  .problems p {
    margin: 0;
  }
  .problems.none {
    color: var(--cartable-success);
  }
  .problems button {
    min-height: 1.75rem;
    padding: 0 var(--cartable-space-2);
    font-size: var(--cartable-font-size-small);
  }
  [role='tabpanel'] {
    overflow: auto;
    padding: var(--cartable-space-4);
    min-height: 0;
  }
  :host([narrow]) .bar {
    flex-wrap: wrap;
    row-gap: var(--cartable-space-1);
  }
  .narrow-note {
    flex-basis: 100%;
    margin: 0;
    font-size: var(--cartable-font-size-small);
  }
  .preview-area {
    display: grid;
    grid-template-rows: minmax(0, 1fr);
    min-height: 0;
    min-width: 0;
  }
  .bar button:disabled {
    color: var(--cartable-muted);
  }
`;
