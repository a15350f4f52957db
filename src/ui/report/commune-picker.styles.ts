/** The look of <cartable-commune-picker>: the box, and its suggestions listed under it in the panel. */
import { css } from 'lit';
import { base } from '../theme.js';

export const communePickerStyles = [
  base,
  css`
    :host {
      display: block;
      margin: 0.3rem 0 0.5rem;
    }
    label {
      display: block;
      font-weight: 600;
      margin-bottom: 0.25rem;
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
    /* In the panel's flow (not over it): the panel scrolls, and a phone's sheet does not clip it. */
    [role='listbox'] {
      margin: 0.25rem 0 0;
      padding: 0.25rem 0;
      max-height: 18rem;
      overflow: auto;
      background: var(--cartable-surface);
      border: 1px solid var(--cartable-border);
      border-radius: var(--cartable-radius);
      box-shadow: var(--cartable-shadow-medium);
    }
    [role='listbox'][hidden] {
      display: none;
    }
    [role='option'] {
      padding: 0.45rem 0.75rem;
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
    .empty,
    .loading,
    .help {
      font-size: 0.88rem;
      color: var(--cartable-muted);
    }
    .empty {
      padding: 0.4rem 0.75rem;
    }
    .help {
      margin: 0.3rem 0;
    }
    .problem {
      color: var(--cartable-danger);
      font-weight: 600;
    }
  `,
];
