/** The report panel's styles (cartable-report). */
import { css } from 'lit';
import { base } from '../theme.js';

export const reportStyles = [
  base,
  css`
    :host {
      position: absolute;
      z-index: 9;
      top: 0;
      right: 0;
      bottom: 0;
      width: min(26rem, 100%);
      display: flex;
      flex-direction: column;
      background: var(--cartable-surface);
      border-inline-start: 1px solid var(--cartable-border);
      box-shadow: var(--cartable-shadow-medium);
    }
    :host([hidden]) {
      display: none;
    }
    /* The centre of the map beside the panel, which « Centre de la carte » takes. */
    .aim .halo {
      stroke: var(--cartable-surface);
    }
    .aim .line {
      stroke: var(--cartable-report-area);
    }
    .aim {
      position: absolute;
      top: 0;
      bottom: 0;
      right: 100%;
      display: grid;
      place-items: center;
      pointer-events: none;
    }
    :host([narrow]) {
      left: 0;
      width: auto;
      border: 0;
    }
    :host([narrow][folded]) {
      top: auto;
      max-height: 40%;
      border-top-left-radius: 14px;
      border-top-right-radius: 14px;
      box-shadow: var(--cartable-shadow-sheet);
    }
    .head {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.6rem 0.75rem;
      border-bottom: 1px solid var(--cartable-border);
    }
    h2 {
      flex: 1;
      margin: 0;
      font-size: 1.05rem;
    }
    .scroll {
      flex: 1;
      overflow: auto;
      padding: 0.75rem;
    }
    fieldset {
      border: 0;
      margin: 0 0 0.6rem;
      padding: 0;
    }
    legend {
      font-weight: 650;
      margin-bottom: 0.3rem;
    }
    .modes {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 0.25rem 0.75rem;
    }
    .modes label {
      display: flex;
      gap: 0.35rem;
      align-items: center;
      min-height: 2rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
      margin: 0.4rem 0;
    }
    .help {
      font-size: 0.88rem;
      color: var(--cartable-muted);
      margin: 0.3rem 0;
    }
    input[type='number'],
    textarea {
      font: inherit;
      padding: 0.3rem 0.5rem;
      border: 1px solid var(--cartable-border-strong);
      border-radius: var(--cartable-radius);
      background: var(--cartable-surface);
      color: inherit;
    }
    input[type='number'] {
      width: 6rem;
    }
    textarea {
      width: 100%;
      min-height: 4.5rem;
      font-family: ui-monospace, monospace;
      font-size: 0.85rem;
    }
    .button:disabled {
      opacity: 0.55;
      cursor: not-allowed;
    }
    .problem {
      color: var(--cartable-danger);
      font-weight: 600;
    }
    .picking {
      padding: 0.5rem 0.6rem;
      border-radius: var(--cartable-radius);
      background: var(--cartable-report-area-bg);
      border: 1px solid var(--cartable-report-area);
    }
    .results {
      border-top: 1px solid var(--cartable-border);
      margin-top: 0.75rem;
      padding-top: 0.5rem;
    }
    h3 {
      font-size: 1rem;
      margin: 0.2rem 0;
    }
    h4 {
      display: flex;
      gap: 0.4rem;
      align-items: baseline;
      font-size: 0.95rem;
      margin: 0.9rem 0 0.3rem;
    }
    .count {
      display: inline-block;
      min-width: 1.6rem;
      padding: 0 0.4rem;
      border-radius: 999px;
      background: var(--cartable-accent);
      color: var(--cartable-accent-contrast);
      font-size: 0.85rem;
      text-align: center;
    }
    .note {
      font-weight: 400;
      font-size: 0.82rem;
      color: var(--cartable-muted);
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    .item {
      width: 100%;
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0 0.5rem;
      text-align: start;
      padding: 0.35rem 0.45rem;
      border: 1px solid transparent;
      border-radius: var(--cartable-radius);
      background: transparent;
    }
    .item:hover,
    .item[aria-current='true'] {
      background: var(--cartable-hover);
      border-color: var(--cartable-border);
    }
    .item .label {
      font-weight: 600;
    }
    .item .fields {
      grid-column: 1 / -1;
      font-size: 0.84rem;
      color: var(--cartable-muted);
    }
    .item .distance {
      font-variant-numeric: tabular-nums;
      font-size: 0.88rem;
    }
    .unchecked li,
    .empty li {
      padding: 0.2rem 0;
      font-size: 0.9rem;
    }
    progress {
      width: 100%;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      margin: 0.5rem 0;
    }
  `,
];
