import { css, unsafeCSS } from 'lit';
import { NARROW } from '../narrow-screen.js';

/** The map view's own styles (the header has its own): side panel, map stage, table panel, popup holders, embed extras. */
export const mapViewStyles = css`
  :host {
    display: grid;
    grid-template-rows: auto 1fr;
    grid-template-columns: minmax(0, 1fr);
    height: 100%;
    min-height: 0;
    background: var(--cartable-bg);
  }
  .body {
    position: relative;
    display: flex;
    min-height: 0;
  }
  aside {
    flex: none;
    width: var(--cartable-panel-width);
    overflow: auto;
    background: var(--cartable-surface);
    border-inline-end: 1px solid var(--cartable-border);
    padding: 0.75rem;
  }
  aside[hidden] {
    display: none;
  }
  aside h2 {
    font-size: 0.8rem;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--cartable-muted);
    margin: 0.25rem 0 0.5rem;
  }
  aside section + section {
    margin-top: 1.1rem;
    padding-top: 0.9rem;
    border-top: 1px solid var(--cartable-border);
  }
  .map-area {
    position: relative;
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
  }
  .stage {
    position: relative;
    flex: 1;
    min-height: 0;
  }
  /* The report panel takes the right of the map (26rem): the map's buttons move beside it. */
  .stage:has(> cartable-report:not([hidden]):not([narrow])) cartable-tools {
    right: 26rem;
  }
  .stage:has(> cartable-report:not([hidden]):not([narrow])) .ol-zoom {
    right: calc(26rem + 0.75rem);
  }
  .map {
    position: absolute;
    inset: 0;
    background: var(--cartable-map-bg);
  }
  .map:focus-visible {
    outline: var(--cartable-focus-width) solid var(--cartable-focus);
    outline-offset: -3px;
  }
  .attributions {
    position: absolute;
    right: 0;
    bottom: 0;
    max-width: 100%;
    padding: 0.15rem 0.5rem;
    background: color-mix(in srgb, var(--cartable-surface) 88%, transparent);
    font-size: 0.75rem;
    border-top-left-radius: 6px;
    color: var(--cartable-text);
  }
  .table-panel {
    flex: none;
    /* The table sets its own height (a handle resizes it); the map keeps 8rem at least. */
    max-height: calc(100% - 8rem);
    display: flex;
    flex-direction: column;
    border-top: 2px solid var(--cartable-border-strong);
    background: var(--cartable-surface);
  }
  /* On a phone the table covers the map (the map keeps its size underneath). */
  .table-panel.full {
    position: absolute;
    z-index: 7;
    inset: 0;
    height: auto;
    max-height: none;
    border-top: 0;
  }
  .table-panel cartable-table {
    flex: 1;
    min-height: 0;
    /* Beside a chart, the table takes the width left (its grid scrolls), never more. */
    min-width: 0;
  }
  .table-body {
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
  }
  .table-panel.full.with-chart cartable-table {
    display: none;
  }
  .table-choice {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    padding: 0.35rem 0.75rem 0;
    font-size: 0.9rem;
  }
  .popup-holder {
    position: absolute;
    z-index: 5;
    pointer-events: none;
  }
  .popup-holder > * {
    pointer-events: auto;
  }
  .popup-holder.popup {
    top: 0;
    left: 0;
    width: min(22rem, calc(100% - 16px));
    max-height: min(26rem, 58%);
    display: flex;
  }
  .popup-holder.panel {
    top: 0.75rem;
    right: 4rem;
    bottom: 2.2rem;
    width: min(24rem, calc(100% - 5rem));
    display: flex;
    align-items: flex-start;
  }
  .popup-holder.sheet {
    left: 0;
    right: 0;
    bottom: 0;
    max-height: 55%;
    display: flex;
  }
  .popup-holder > cartable-popup {
    width: 100%;
    max-height: 100%;
    display: flex;
    flex-direction: column;
  }
  .tooltip {
    position: absolute;
    top: 0;
    left: 0;
    z-index: 4;
    pointer-events: none;
    max-width: 16rem;
    padding: 0.2rem 0.5rem;
    border-radius: 4px;
    background: color-mix(in srgb, var(--cartable-header-bg) 92%, transparent);
    color: var(--cartable-header-text);
    font-size: 0.85rem;
  }
  .notice {
    position: absolute;
    left: 50%;
    top: 0.75rem;
    transform: translateX(-50%);
    z-index: 6;
    max-width: calc(100% - 8rem);
    padding: 0.35rem 0.8rem;
    border-radius: 10px;
    background: color-mix(in srgb, var(--cartable-header-bg) 92%, transparent);
    color: var(--cartable-header-text);
    font-size: 0.88rem;
  }
  .notice:empty {
    display: none;
  }
  /* Embed mode: the hint of a gesture left to the host page, the full-screen button, the full map link. */
  .gesture-hint {
    position: absolute;
    inset: 0;
    z-index: 8;
    display: grid;
    place-items: center;
    padding: 1rem;
    text-align: center;
    pointer-events: none;
    background: var(--cartable-scrim);
    color: var(--cartable-scrim-text);
    font-size: 1.1rem;
    font-weight: 600;
  }
  .fullscreen {
    position: absolute;
    top: 0.5rem;
    left: 0.5rem;
    z-index: 3;
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    background: var(--cartable-surface);
    color: var(--cartable-text);
    padding: 0.2rem 0.5rem;
    font-size: 0.85rem;
  }
  .map-error {
    position: absolute;
    inset: 1rem;
    display: grid;
    place-items: center;
    text-align: center;
  }
  /* Until the search code has loaded, a plain box of the same size takes its place. */
  .search-standin {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.4rem;
    padding: 0.35rem 0.7rem;
    font: inherit;
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    background: var(--cartable-surface);
    color: var(--cartable-text);
  }
  @media ${unsafeCSS(NARROW)} {
    aside {
      position: absolute;
      z-index: 10;
      left: 0;
      right: 0;
      bottom: 0;
      width: auto;
      max-height: 62%;
      border: 0;
      border-top-left-radius: 14px;
      border-top-right-radius: 14px;
      box-shadow: var(--cartable-shadow-sheet);
    }
    /* An embed is often short: its layer sheet leaves the map more than half of it. */
    :host([embedded]) aside {
      max-height: 45%;
    }
    /* The « Outils » button and the zoom sit top right: the notice keeps to their left. */
    .notice {
      left: 0.75rem;
      transform: none;
      max-width: calc(100% - 11rem);
    }
  }
  /* A phone sheet minimised under another (src/ui/layout/): hidden, kept as it was. */
  .minimised-table .table-panel,
  .minimised-record .popup-holder {
    display: none;
  }
`;
