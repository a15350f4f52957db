import { css } from 'lit';

/**
 * Styles shared by the elements. Every colour, font, spacing and radius is a design token
 * (--cartable-*, defined once in src/theme/tokens.ts), so a platform re-themes the viewer from its
 * site configuration.
 */
export const base = css`
  :host {
    box-sizing: border-box;
    font-family: var(--cartable-font);
    font-size: var(--cartable-font-size);
    color: var(--cartable-text);
    line-height: 1.45;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--cartable-focus-width) solid var(--cartable-focus);
    outline-offset: 2px;
  }
  a {
    color: var(--cartable-link);
  }
  button {
    font: inherit;
    color: inherit;
    cursor: pointer;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-width: 2rem;
    min-height: 2rem;
    padding: 0 0.35rem;
    border: 1px solid transparent;
    border-radius: var(--cartable-radius);
    background: transparent;
  }
  .icon-button:hover {
    background: var(--cartable-hover);
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-height: 2.25rem;
    padding: 0.3rem 0.8rem;
    border: 1px solid var(--cartable-accent);
    border-radius: var(--cartable-radius);
    background: var(--cartable-surface);
    color: var(--cartable-accent);
    font-weight: 600;
    text-decoration: none;
  }
  .button.primary {
    background: var(--cartable-accent);
    color: var(--cartable-accent-contrast);
  }
`;

/** A modal <dialog> card; each dialog sets its width with --cartable-dialog-width. */
export const dialogStyles = css`
  dialog {
    width: min(var(--cartable-dialog-width), calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    border: 0;
    border-radius: var(--cartable-radius-large);
    padding: 0;
    color: inherit;
    background: var(--cartable-surface);
    box-shadow: var(--cartable-shadow);
  }
  dialog::backdrop {
    background: var(--cartable-backdrop);
  }
  /* The title row: the heading, and the close button at the end. */
  .head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: var(--cartable-space-4);
    padding: var(--cartable-space-4) var(--cartable-space-4) var(--cartable-space-1);
  }
  h2 {
    font-size: var(--cartable-font-size-large);
    margin: 0;
  }
`;

/** A page that is one message in a card (a map that cannot be shown, no access…): `<main><h1>…`. */
export const messagePage = css`
  :host {
    display: block;
    padding: var(--cartable-space-6) var(--cartable-space-4);
  }
  main {
    max-width: 46rem;
    margin: 0 auto;
    background: var(--cartable-surface);
    border: 1px solid var(--cartable-border);
    border-radius: var(--cartable-radius-large);
    padding: var(--cartable-space-5);
  }
  h1 {
    font-size: var(--cartable-font-size-title);
    margin-top: 0;
  }
`;
