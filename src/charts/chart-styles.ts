import { css } from 'lit';

/**
 * The chart's look, all from --cartable-* tokens (no fallbacks: the theme defines them once). The
 * export (export.ts) reads the resolved values of these properties from the drawn chart.
 */
export const chartStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  figure {
    margin: 0;
  }
  figcaption {
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
    margin-bottom: 0.5rem;
  }
  .title {
    font-weight: 600;
    font-size: 1.05rem;
  }
  .summary,
  .description,
  .empty {
    color: var(--cartable-muted);
    font-size: 0.9rem;
  }
  .empty {
    margin: 0.75rem 0;
  }
  svg {
    display: block;
    overflow: visible;
    font-family: var(--cartable-font);
  }
  text {
    fill: var(--cartable-text);
    font-size: 13px;
  }
  .count {
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .track {
    fill: var(--cartable-hover);
  }
  .slice {
    stroke: var(--cartable-surface);
    stroke-width: 2;
  }
  .item {
    outline: none;
  }
  .item.selectable {
    cursor: pointer;
  }
  .hit {
    fill: transparent;
  }
  .chosen text {
    font-weight: 700;
  }
  .item.selectable:hover .hit {
    fill: var(--cartable-hover);
  }
  .focus-ring {
    fill: none;
    stroke: var(--cartable-focus);
    stroke-width: 3;
  }
`;
