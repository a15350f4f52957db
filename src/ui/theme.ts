import { css } from 'lit';

/**
 * Styles shared by the elements. Every colour, size and font is a custom property (--cartable-*)
 * with a default here, so a platform re-themes the viewer from its site configuration.
 */
export const base = css`
  :host {
    box-sizing: border-box;
    font-family: var(--cartable-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    font-size: var(--cartable-font-size, 1rem);
    color: var(--cartable-text, #1e1e1e);
    line-height: 1.45;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 3px solid var(--cartable-focus, #0a76f6);
    outline-offset: 2px;
  }
  a {
    color: var(--cartable-link, #1d4ed8);
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
    border-radius: var(--cartable-radius, 6px);
    background: transparent;
  }
  .icon-button:hover {
    background: var(--cartable-hover, #eef2f7);
  }
  .button {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
    min-height: 2.25rem;
    padding: 0.3rem 0.8rem;
    border: 1px solid var(--cartable-accent, #1d4ed8);
    border-radius: var(--cartable-radius, 6px);
    background: var(--cartable-surface, #fff);
    color: var(--cartable-accent, #1d4ed8);
    font-weight: 600;
    text-decoration: none;
  }
  .button.primary {
    background: var(--cartable-accent, #1d4ed8);
    color: var(--cartable-accent-contrast, #fff);
  }
`;

/** A modal <dialog> card; each dialog sets its width with --cartable-dialog-width. */
export const dialogStyles = css`
  dialog {
    width: min(var(--cartable-dialog-width, 34rem), calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    border: 0;
    border-radius: var(--cartable-radius-large, 10px);
    padding: 0;
    color: inherit;
    background: var(--cartable-surface, #fff);
    box-shadow: var(--cartable-shadow, 0 10px 40px rgb(0 0 0 / 0.25));
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.35);
  }
  /* The title row: the heading, and the close button at the end. */
  .head {
    display: flex;
    align-items: start;
    justify-content: space-between;
    gap: 1rem;
    padding: 1rem 1rem 0.25rem;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0;
  }
`;

/** A page that is one message in a card (a map that cannot be shown, no access…): `<main><h1>…`. */
export const messagePage = css`
  :host {
    display: block;
    padding: 2rem 1rem;
  }
  main {
    max-width: 46rem;
    margin: 0 auto;
    background: var(--cartable-surface, #fff);
    border: 1px solid var(--cartable-border, #d9dee5);
    border-radius: var(--cartable-radius-large, 10px);
    padding: 1.5rem;
  }
  h1 {
    font-size: 1.5rem;
    margin-top: 0;
  }
`;
