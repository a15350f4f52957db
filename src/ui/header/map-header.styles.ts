import { css } from 'lit';

/** The map header: one row on a wide screen as on a phone (`.phone`); the phone's menu drops below « ⋯ ». */
export const mapHeaderStyles = css`
  :host {
    display: block;
    min-width: 0;
    color: var(--cartable-header-text);
  }
  header {
    position: relative;
    min-width: 0;
    display: flex;
    align-items: center;
    gap: 0.6rem;
    padding: 0.4rem 0.75rem;
    background: var(--cartable-header-bg);
    color: var(--cartable-header-text);
    min-height: 3rem;
  }
  a {
    color: inherit;
  }
  .back {
    display: inline-flex;
    align-items: center;
    gap: 0.3rem;
    padding: 0.3rem 0.5rem;
    border-radius: var(--cartable-radius);
    text-decoration: none;
    font-size: 0.9em;
    white-space: nowrap;
  }
  .back:hover,
  .icon-button:hover {
    background: color-mix(in srgb, var(--cartable-header-text) 12%, transparent);
  }
  /* Up to two lines, never cut after one word: the whole title stays in the page for screen readers. */
  /* The title and the search share what the buttons leave; neither shrinks to nothing (768 px). */
  h1 {
    flex: 1 1 10rem;
    min-width: 6rem;
    margin: 0;
    font-size: 1.1rem;
    font-weight: 650;
    line-height: 1.2;
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    overflow: hidden;
    overflow-wrap: break-word;
  }
  .search {
    flex: 0 1 19rem;
    min-width: 8rem;
    color: var(--cartable-text);
  }
  .search[hidden] {
    display: none;
  }
  .search ::slotted(*) {
    box-sizing: border-box;
    width: 100%;
  }
  .toggle,
  .full-map {
    border: 1px solid currentColor;
    background: transparent;
    border-radius: var(--cartable-radius);
    padding: 0.25rem 0.6rem;
    min-height: 2rem;
    font-size: 0.9em;
    white-space: nowrap;
  }
  /* The map's commune entry: on two lines rather than pushing the row wider (a medium screen). */
  .toggle.commune-entry {
    flex: 0 1 auto;
    min-width: 6.5rem;
    max-width: 12rem;
    white-space: normal;
    line-height: 1.15;
  }
  .toggle[aria-pressed='true'] {
    background: color-mix(in srgb, var(--cartable-header-text) 18%, transparent);
  }
  a.full-map {
    text-decoration: none;
  }
  .icon-button {
    flex: none;
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding: 0;
    color: inherit;
  }
  .icon {
    display: block;
  }

  /* A phone: the buttons are icons of 40 px (above the 24 px minimum), the title gets the rest of the row. */
  header.phone {
    gap: 0.125rem;
    padding: 0.25rem;
  }
  .phone .icon-button,
  .phone .back {
    flex: none;
    justify-content: center;
    min-width: 2.5rem;
    min-height: 2.5rem;
    padding: 0;
  }
  /* The longest shipped title (57 characters) fits two lines at 390 px in a wide font (DejaVu Sans). */
  .phone h1 {
    font-size: 0.875rem;
    line-height: 1.2;
  }
  .phone .search {
    flex: 1 1 auto;
  }

  .menu {
    position: absolute;
    z-index: 20;
    top: calc(100% - 0.25rem);
    right: 0.25rem;
    min-width: 13rem;
    max-width: calc(100vw - 0.5rem);
    margin: 0;
    padding: 0.3rem 0;
    list-style: none;
    border-radius: var(--cartable-radius-large);
    background: var(--cartable-surface);
    color: var(--cartable-text);
    box-shadow: var(--cartable-shadow);
  }
  .menu[hidden] {
    display: none;
  }
  .menu [role^='menuitem'] {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    width: 100%;
    min-height: 2.75rem;
    padding: 0.35rem 1rem;
    border: 0;
    background: transparent;
    color: inherit;
    text-align: start;
    text-decoration: none;
    font-size: 1rem;
  }
  .menu [role^='menuitem']:hover,
  .menu [role^='menuitem']:focus {
    background: var(--cartable-hover);
  }
  /* The state of a checkbox or radio item, shown as a tick (its role says it to screen readers). */
  .mark {
    flex: none;
    width: 1.1rem;
    text-align: center;
    font-weight: 700;
  }
  .menu .group-label {
    padding: 0.5rem 1rem 0.15rem;
    font-size: 0.8rem;
    letter-spacing: 0.06em;
    text-transform: uppercase;
    color: var(--cartable-muted);
  }
  .menu [role='separator'] {
    margin: 0.3rem 0;
    border: 0;
    border-top: 1px solid var(--cartable-border);
  }
  /* Under 800 px the row has no room for the commune entry: the toolbar's report opens on « Une commune » all the same. */
  @media (max-width: 800px) {
    .wide .commune-entry {
      display: none;
    }
  }
  /* A medium screen: « ← » alone leads back (its name stays for screen readers), the title keeps room. */
  @media (max-width: 960px) {
    .wide .back-label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
`;
