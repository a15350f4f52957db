import { css } from 'lit';
import { problemListStyles } from './problem-lines.js';
import { base } from './theme.js';

/** The look of <cartable-popup>: the card, its header, the list of results and a record's fields. */
export const popupStyles = [
  base,
  problemListStyles,
  css`
    :host {
      display: block;
    }
    .card {
      display: flex;
      flex-direction: column;
      max-height: 100%;
      background: var(--cartable-surface);
      border-radius: var(--cartable-radius-large);
      box-shadow: var(--cartable-shadow);
      overflow: hidden;
    }
    header {
      display: flex;
      align-items: flex-start;
      gap: 0.5rem;
      padding: 0.75rem 0.5rem 0.5rem 1rem;
      border-bottom: 1px solid var(--cartable-border);
    }
    .titles {
      flex: 1;
      min-width: 0;
    }
    h2 {
      margin: 0;
      font-size: 1.08rem;
      line-height: 1.3;
      overflow-wrap: anywhere;
    }
    h2:focus {
      outline: none;
    }
    h2:focus-visible {
      outline: var(--cartable-focus-width) solid var(--cartable-focus);
    }
    .subtitle {
      margin: 0.15rem 0 0;
      font-size: 0.88rem;
      color: var(--cartable-muted);
      font-weight: normal;
    }
    .body {
      overflow: auto;
      padding: 0.5rem 1rem 1rem;
      overscroll-behavior: contain;
    }
    nav {
      display: flex;
      align-items: center;
      gap: 0.4rem;
      padding: 0.35rem 0.75rem;
      border-bottom: 1px solid var(--cartable-border);
      font-size: 0.88rem;
    }
    nav .position {
      flex: 1;
      text-align: center;
      color: var(--cartable-muted);
    }
    nav button,
    .more,
    .copy {
      border: 1px solid var(--cartable-border-strong);
      border-radius: var(--cartable-radius);
      background: var(--cartable-surface);
      padding: 0.15rem 0.55rem;
      min-height: 2rem;
      font-size: 0.88rem;
    }
    nav button:disabled {
      opacity: 0.45;
      cursor: default;
    }
    h3 {
      font-size: 0.8rem;
      text-transform: uppercase;
      letter-spacing: 0.05em;
      color: var(--cartable-muted);
      margin: 0.9rem 0 0.35rem;
    }
    dl {
      margin: 0;
    }
    dt {
      font-weight: 600;
      font-size: 0.88rem;
      margin-top: 0.45rem;
    }
    dd {
      margin: 0.1rem 0 0;
      overflow-wrap: anywhere;
      white-space: pre-line;
    }
    dd.collapsed .text {
      display: -webkit-box;
      -webkit-line-clamp: 4;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .more {
      margin-top: 0.3rem;
      border: 0;
      padding: 0;
      min-height: auto;
      color: var(--cartable-link);
      text-decoration: underline;
      background: none;
    }
    dd img {
      max-width: 100%;
      max-height: 14rem;
      border-radius: 4px;
    }
    .html {
      white-space: normal;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 1rem;
      margin: 0.9rem 0 0;
      padding: 0;
      list-style: none;
    }
    .copy {
      margin-top: 0.9rem;
    }
    ul.results {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    ul.results button {
      display: block;
      width: 100%;
      text-align: start;
      padding: 0.45rem 0.5rem;
      border: 0;
      border-radius: var(--cartable-radius);
      background: none;
      overflow-wrap: anywhere;
    }
    ul.results button:hover {
      background: var(--cartable-hover);
    }
    .count {
      font-weight: normal;
      color: var(--cartable-muted);
    }
    .failures {
      margin-top: 0.6rem;
      color: var(--cartable-danger);
      font-size: 0.88rem;
    }
    .status {
      font-size: 0.85rem;
      color: var(--cartable-success);
      margin: 0.4rem 0 0;
    }
  `,
];
