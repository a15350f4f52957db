import { css } from 'lit';

/** The chart panel beside the table (desktop) or alone in its place (phone). */
export const chartPanelStyles = css`
  /* Beside the table: a column of its own; on a phone, the whole panel. */
  :host {
    position: relative;
    flex: 0 0 min(24rem, 36%);
    min-width: 0;
    border-inline-end: 1px solid var(--cartable-border);
    background: var(--cartable-surface);
  }
  /* Out of the flow: the table sets the panel's height, a tall chart scrolls within it. */
  .frame {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
  }
  :host([narrow]) {
    flex: 1 1 auto;
    border: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.6rem;
    padding: 0.45rem 0.75rem;
    border-bottom: 1px solid var(--cartable-border);
  }
  h2 {
    margin: 0;
    font-size: 1rem;
  }
  .spacer {
    flex: 1;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    padding: 0.4rem 0.75rem 0;
  }
  .tool {
    min-height: 2rem;
    padding: 0.2rem 0.6rem;
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    background: var(--cartable-surface);
    font-size: 0.875rem;
  }
  .tool[aria-pressed='true'] {
    border-color: var(--cartable-accent);
    background: var(--cartable-accent);
    color: var(--cartable-accent-contrast);
  }
  .body {
    flex: 1;
    min-height: 0;
    overflow: auto;
    padding: 0.4rem 0.75rem;
  }
  cartable-chart {
    display: block;
  }
  .message {
    margin: 1rem 0;
    padding: 0.75rem;
    border: 1px dashed var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    text-align: center;
  }
  .foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    padding: 0.4rem 0.75rem;
    border-top: 1px solid var(--cartable-border);
    font-size: 0.875rem;
  }
  .filter {
    margin: 0;
    flex-basis: 100%;
  }
`;
