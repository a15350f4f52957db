import { css } from 'lit';

/** The look of <cartable-search>: the box, the list of results under it, the highlighted match. */
export const searchStyles = css`
  :host {
    display: block;
    position: relative;
    width: var(--cartable-search-width);
    min-width: 0;
    color: var(--cartable-text);
  }
  input {
    box-sizing: border-box;
    width: 100%;
    min-height: 2.4rem;
    padding: 0.35rem 0.7rem;
    font: inherit;
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    background: var(--cartable-surface);
    color: inherit;
  }
  input:focus-visible {
    outline: var(--cartable-focus-width) solid var(--cartable-focus);
    outline-offset: 1px;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 30;
    top: calc(100% + 4px);
    left: 0;
    right: 0;
    min-width: min(22rem, 100vw - 1rem);
    max-height: min(28rem, 70vh);
    overflow: auto;
    margin: 0;
    padding: 0.3rem 0;
    background: var(--cartable-surface);
    border: 1px solid var(--cartable-border);
    border-radius: var(--cartable-radius);
    box-shadow: var(--cartable-shadow-medium);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  .group-title {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    padding: 0.35rem 0.75rem 0.15rem;
    font-size: 0.78rem;
    font-weight: 650;
    letter-spacing: 0.04em;
    text-transform: uppercase;
    color: var(--cartable-muted);
  }
  [role='option'] {
    padding: 0.4rem 0.75rem;
    cursor: pointer;
    line-height: 1.3;
  }
  [role='option'][aria-selected='true'] {
    background: var(--cartable-hover);
    outline: 2px solid var(--cartable-focus);
    outline-offset: -2px;
  }
  [role='option']:hover {
    background: var(--cartable-hover);
  }
  mark {
    background: none;
    color: inherit;
    font-weight: 700;
    text-decoration: underline;
    text-decoration-thickness: 2px;
    text-underline-offset: 2px;
  }
  .detail {
    display: block;
    font-size: 0.85em;
    color: var(--cartable-muted);
  }
  .empty,
  .notice {
    padding: 0.4rem 0.75rem;
    font-size: 0.9em;
    color: var(--cartable-muted);
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
