import { css } from 'lit';
import { CARD_HEIGHT, ROW_HEIGHT } from './layout.js';

/** The table's own styles (the theme's `base` comes first, in the element). */
export const tableStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    /* Above the map's own controls (z-index 3) when a short map lets them reach down to the table. */
    position: relative;
    z-index: 4;
    min-height: 0;
    height: 100%;
    background: var(--cartable-surface);
  }
  /* The handle on the top edge: a strip a finger or a pointer finds, drawn as a short bar. */
  .resize {
    position: absolute;
    z-index: 1;
    top: -5px;
    left: 0;
    right: 0;
    height: 12px;
    cursor: row-resize;
    touch-action: none;
  }
  .resize::before {
    content: '';
    position: absolute;
    left: calc(50% - 1.5rem);
    top: 4px;
    width: 3rem;
    height: 4px;
    border-radius: 2px;
    background: var(--cartable-border-strong);
  }
  .resize:hover::before,
  .resize:focus-visible::before {
    background: var(--cartable-focus);
  }
  .resize:focus-visible {
    outline: var(--cartable-focus-width) solid var(--cartable-focus);
    outline-offset: -3px;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.75rem;
    padding: 0.45rem 0.75rem;
    border-bottom: 1px solid var(--cartable-border);
  }
  h2 {
    margin: 0;
    font-size: 1rem;
  }
  .count {
    color: var(--cartable-muted);
    font-size: 0.9rem;
  }
  .spacer {
    flex: 1;
  }
  input[type='search'],
  input[type='number'],
  input[type='date'] {
    font: inherit;
    min-height: 2.1rem;
    padding: 0.2rem 0.5rem;
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    background: var(--cartable-surface);
    color: inherit;
  }
  input[type='search'] {
    width: min(16rem, 100%);
  }
  .tool {
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    background: var(--cartable-surface);
    min-height: 2.1rem;
    padding: 0.15rem 0.6rem;
    font-size: 0.9rem;
  }
  .tool[aria-pressed='true'],
  .tool[aria-expanded='true'] {
    background: var(--cartable-hover);
  }
  label.switch {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    font-size: 0.9rem;
  }
  .note {
    width: 100%;
    margin: 0;
    font-size: 0.85rem;
    color: var(--cartable-muted);
  }
  /* Popovers live in the top layer: never clipped by the table. placePopover() sets their place and room. */
  .popover {
    position: fixed;
    inset: auto;
    margin: 0;
    box-sizing: border-box;
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0.3rem;
    color: var(--cartable-text);
    background: var(--cartable-surface);
    border: 1px solid var(--cartable-border);
    border-radius: var(--cartable-radius);
    box-shadow: var(--cartable-shadow-medium);
  }
  /* Widths set on the closed popovers too: placePopover() reads them before they show. */
  .filters {
    width: 46rem;
  }
  /* Every value list shows whole: the popover scrolls, not each list. */
  .filters:popover-open {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    align-items: start;
    gap: 0.6rem 0.9rem;
    padding: 0.5rem 0.75rem 0.75rem;
  }
  .popover-head {
    grid-column: 1 / -1;
    display: flex;
    align-items: center;
    justify-content: space-between;
  }
  fieldset {
    border: 1px solid var(--cartable-border);
    border-radius: var(--cartable-radius);
    padding: 0.3rem 0.6rem 0.5rem;
    margin: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    font-size: 0.9rem;
  }
  fieldset label {
    display: flex;
    align-items: center;
    gap: 0.35rem;
    font-size: 0.88rem;
    min-height: 1.7rem;
  }
  .range {
    display: flex;
    gap: 0.4rem;
    align-items: center;
  }
  .range input {
    width: 7.5rem;
  }
  .export-menu {
    min-width: 15rem;
  }
  .export-menu:popover-open {
    display: flex;
    flex-direction: column;
  }
  .export-menu button {
    text-align: start;
    border: 0;
    background: none;
    padding: 0.4rem 0.5rem;
    border-radius: 4px;
  }
  .export-menu button:hover {
    background: var(--cartable-hover);
  }
  .grid {
    flex: 1;
    min-height: 0;
    display: flex;
    flex-direction: column;
    overflow: hidden;
  }
  .scroller {
    flex: 1;
    min-height: 0;
    overflow: auto;
    position: relative;
    overscroll-behavior: contain;
    /* What takes focus on the right is scrolled clear of the pinned column, not under it. */
    scroll-padding-inline-start: var(--pinned);
  }
  .header,
  .row {
    display: grid;
    grid-template-columns: var(--columns);
    min-width: max-content;
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 2;
    background: var(--cartable-bg);
    border-bottom: 1px solid var(--cartable-border);
    font-size: 0.88rem;
  }
  .header [role='columnheader'] {
    padding: 0;
  }
  /* The name column stays at the left edge when the grid scrolls sideways. */
  .header [role='columnheader']:first-child,
  .row .cell:first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: inherit;
    box-shadow: 1px 0 0 var(--cartable-border);
  }
  .header [role='columnheader']:first-child {
    background: var(--cartable-bg);
  }
  .header button {
    width: 100%;
    height: 100%;
    border: 0;
    background: none;
    text-align: start;
    font-weight: 600;
    padding: 0.45rem 0.6rem;
    display: flex;
    gap: 0.3rem;
    align-items: center;
  }
  .row {
    position: absolute;
    left: 0;
    right: 0;
    height: ${ROW_HEIGHT}px;
    align-items: center;
    border-bottom: 1px solid var(--cartable-border);
    cursor: pointer;
    font-size: 0.9rem;
    /* Opaque: the pinned cell takes it, and the cells scrolled under it vanish. */
    background: var(--cartable-surface);
    /* A row's layout never affects another's: scrolling redraws only rows. */
    contain: layout style;
  }
  .row:hover {
    background: var(--cartable-hover);
  }
  .row[aria-selected='true'] {
    background: var(--cartable-selection-bg);
  }
  .row[aria-selected='true'] .cell:first-child {
    box-shadow: inset 4px 0 0 var(--cartable-selection), 1px 0 0 var(--cartable-border);
  }
  .row:focus-visible {
    outline: var(--cartable-focus-width) solid var(--cartable-focus);
    outline-offset: -3px;
  }
  .cell {
    padding: 0 0.6rem;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .cell.num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .sort {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    padding: 0.4rem 0.75rem;
    border-bottom: 1px solid var(--cartable-border);
    font-size: 0.9rem;
  }
  .sort label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
  }
  .sort select {
    font: inherit;
    min-height: 2.1rem;
    max-width: 12rem;
  }
  .card {
    position: absolute;
    left: 0.5rem;
    right: 0.5rem;
    height: ${CARD_HEIGHT - 8}px;
    padding: 0.45rem 0.7rem;
    border: 1px solid var(--cartable-border);
    border-radius: var(--cartable-radius-large);
    overflow: hidden;
    cursor: pointer;
    background: var(--cartable-surface);
  }
  .card[aria-selected='true'] {
    border-color: var(--cartable-selection);
    box-shadow: inset 4px 0 0 var(--cartable-selection);
  }
  .card strong {
    display: block;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .card dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 0.5rem;
    margin: 0.2rem 0 0;
    font-size: 0.85rem;
  }
  .card dt {
    color: var(--cartable-muted);
  }
  .card dd {
    margin: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .empty {
    padding: 1rem;
    color: var(--cartable-muted);
  }
`;
