import { css } from 'lit';

/** What the catalogue's and the service's lists share (tokens only). */
export const catalogueStyles = css`
  :host {
    display: block;
    margin-bottom: var(--cartable-space-5);
  }
  a.page {
    color: var(--cartable-link);
    font-size: var(--cartable-font-size-small);
  }
  /* The catalogue's address takes the room; its type needs little. */
  .row > :first-child {
    flex: 2;
    min-width: 0;
  }
  .layer-text {
    flex: 1;
    min-width: 0;
  }
  .layer-text .name {
    display: block;
  }
  .search {
    display: flex;
    gap: var(--cartable-space-2);
    align-items: end;
  }
  .search > :first-child {
    flex: 1;
    min-width: 0;
  }
  .status {
    margin: var(--cartable-space-2) 0;
    min-height: 1.2em;
    font-size: var(--cartable-font-size-small);
  }
  .error {
    color: var(--cartable-danger);
    margin: var(--cartable-space-2) 0;
    font-size: var(--cartable-font-size-small);
  }
  ul.results {
    list-style: none;
    margin: 0;
    padding: 0;
    border: 1px solid var(--cartable-border);
    border-radius: var(--cartable-radius);
  }
  ul.results > li {
    padding: var(--cartable-space-2) var(--cartable-space-3);
  }
  ul.results > li + li {
    border-top: 1px solid var(--cartable-border);
  }
  h4 {
    margin: 0;
    font-size: var(--cartable-font-size);
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .abstract {
    margin: var(--cartable-space-1) 0;
    font-size: var(--cartable-font-size-small);
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  /* Long abstracts of a service's layers: three lines shown, the whole read by screen readers. */
  .clamp {
    display: -webkit-box;
    -webkit-line-clamp: 3;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  button.link {
    border: 0;
    background: none;
    padding: 0;
    min-height: 0;
    color: var(--cartable-link);
    text-decoration: underline;
    font-size: var(--cartable-font-size-small);
  }
  ul.links {
    list-style: none;
    margin: var(--cartable-space-1) 0 0;
    padding: 0;
  }
  ul.links li,
  .layer-head {
    display: flex;
    gap: var(--cartable-space-2);
    align-items: center;
    flex-wrap: wrap;
    margin-top: var(--cartable-space-1);
  }
  .kind {
    font-size: var(--cartable-font-size-small);
    font-weight: 600;
    border: 1px solid var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    padding: 0 var(--cartable-space-1);
  }
  .name {
    flex: 1;
    min-width: 0;
    font-size: var(--cartable-font-size-small);
    color: var(--cartable-muted);
    overflow-wrap: anywhere;
  }
  .link-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--cartable-danger);
    font-size: var(--cartable-font-size-small);
  }
`;

/** The first `max` characters of a text, cut at a word. */
export function shorten(text: string, max = 240): { text: string; cut: boolean } {
  if (text.length <= max) return { text, cut: false };
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  return { text: `${(space > max / 2 ? head.slice(0, space) : head).trimEnd()}…`, cut: true };
}
