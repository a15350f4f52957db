import { svg, type SVGTemplateResult } from 'lit';

/** Small line icons of the header (24 × 24, currentColor); the buttons that hold them carry the names. */
const icon = (paths: SVGTemplateResult): SVGTemplateResult =>
  svg`<svg class="icon" viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${paths}</svg>`;

export const backIcon = icon(svg`<path d="M19 12H5M11 6l-6 6 6 6" />`);
export const searchIcon = icon(svg`<circle cx="10.5" cy="10.5" r="6.5" /><path d="M15.5 15.5 21 21" />`);
export const closeIcon = icon(svg`<path d="M6 6l12 12M18 6 6 18" />`);
export const moreIcon = icon(svg`<circle cx="5" cy="12" r="1.2" fill="currentColor" /><circle cx="12" cy="12" r="1.2" fill="currentColor" /><circle cx="19" cy="12" r="1.2" fill="currentColor" />`);
