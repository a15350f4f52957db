import { css, unsafeCSS } from 'lit';
import { CROSSHAIR_SIZE } from '../../tools/crosshair.js';
import { NARROW } from '../narrow-screen.js';

/** The toolbar's layout: a labelled column under the zoom buttons; on a phone, an « Outils » menu and a bottom sheet. */
export const toolsStyles = css`
  :host {
    position: absolute;
    inset: 0;
    z-index: 3;
    pointer-events: none;
  }
  .bar,
  .panel,
  .menu {
    pointer-events: auto;
  }
  .dock {
    position: absolute;
    top: 0.5rem;
    right: 0.5rem;
    display: flex;
    flex-direction: row-reverse;
    align-items: flex-start;
    gap: 0.5rem;
    /* A set height (the dock lets clicks through): a map shortened by the table scrolls the column. */
    height: calc(100% - 3rem);
  }
  /* Under the zoom buttons (top right, 2 × 2.5rem) when the map shows them. */
  :host([zoom]) .dock {
    top: 6.1rem;
    height: calc(100% - 8.6rem);
  }
  .bar {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
    padding: 0.25rem;
    border-radius: var(--cartable-radius);
    background: var(--cartable-surface);
    box-shadow: var(--cartable-shadow-small);
    max-height: 100%;
    overflow-y: auto;
  }
  .bar > * {
    flex-shrink: 0;
  }
  /* A narrow column: each icon with its name under it (beside it, the open panel would cover the map). */
  .tool {
    display: inline-flex;
    flex-direction: column;
    align-items: center;
    gap: 0.15rem;
    width: 5.6rem;
    min-height: 2.4rem;
    padding: 0.3rem 0.2rem;
    border: 1px solid transparent;
    border-radius: var(--cartable-radius);
    background: transparent;
    color: var(--cartable-text);
    font: inherit;
    font-size: 0.74rem;
    line-height: 1.15;
    text-align: center;
    overflow-wrap: break-word;
    text-wrap: balance;
  }
  .tool:hover {
    background: var(--cartable-hover);
  }
  .tool[aria-pressed='true'] {
    background: var(--cartable-accent);
    color: var(--cartable-accent-contrast);
  }
  .tool svg {
    flex: none;
    width: 1.4rem;
    height: 1.4rem;
  }
  .menu {
    display: none;
  }
  .panel {
    width: min(21rem, calc(100vw - 5rem));
    max-height: 100%;
    overflow: auto;
    padding: 0.75rem;
    border-radius: var(--cartable-radius-large);
    background: var(--cartable-surface);
    box-shadow: var(--cartable-shadow-medium);
    position: relative;
  }
  .close {
    position: absolute;
    top: 0.35rem;
    right: 0.35rem;
  }
  .crosshair .halo {
    stroke: var(--cartable-surface);
  }
  .crosshair .line {
    stroke: var(--cartable-crosshair);
  }
  .crosshair {
    position: absolute;
    left: 50%;
    top: 50%;
    margin: ${unsafeCSS(-CROSSHAIR_SIZE / 2)}px 0 0 ${unsafeCSS(-CROSSHAIR_SIZE / 2)}px;
  }
  .message {
    position: absolute;
    left: 50%;
    bottom: 2.4rem;
    transform: translateX(-50%);
    max-width: calc(100% - 2rem);
    padding: 0.4rem 0.8rem;
    border-radius: 10px;
    background: color-mix(in srgb, var(--cartable-header-bg) 94%, transparent);
    color: var(--cartable-header-text);
    font-size: 0.9rem;
    pointer-events: auto;
  }
  .message:empty {
    display: none;
  }
  @media ${unsafeCSS(NARROW)} {
    .dock {
      flex-direction: column;
      align-items: flex-end;
      height: auto;
    }
    /* On a phone the unfolded menu is a list: the icon beside its name, larger targets. */
    .tool {
      flex-direction: row;
      gap: 0.45rem;
      width: auto;
      min-height: 2.75rem;
      padding: 0 0.7rem 0 0.5rem;
      font-size: 0.95rem;
      text-align: start;
      white-space: nowrap;
    }
    .menu {
      display: inline-flex;
      min-height: 2.4rem;
      background: var(--cartable-surface);
      box-shadow: var(--cartable-shadow-small);
    }
    .bar.folded {
      display: none;
    }
    /* A phone keeps the height for the sheet: the « Outils » menu sits left of the zoom buttons. */
    :host([zoom]) .dock {
      top: 0.5rem;
      right: 3.75rem;
      height: auto;
      max-height: calc(100% - 3rem);
    }
    .panel {
      position: fixed;
      left: 0;
      right: 0;
      bottom: 0;
      width: auto;
      max-height: 55%;
      border-radius: 14px 14px 0 0;
      z-index: 9;
    }
  }
`;
