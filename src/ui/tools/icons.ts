import { html, svg, type TemplateResult } from 'lit';
import { CROSSHAIR_SIZE } from '../../tools/crosshair.js';

/** What the toolbar offers: the tools with a panel, locating, the report, and the phone's « Outils » menu. */
export type ToolName = 'measure' | 'coordinates' | 'print';
export type ToolIcon = ToolName | 'locate' | 'report' | 'menu';

/** The toolbar's icons (24 × 24, drawn in the text's colour); each sits beside its visible label. */
export const TOOL_ICONS: Record<ToolIcon, TemplateResult> = {
  measure: svg`<path d="M3 17 17 3l4 4L7 21z M7 13l2 2 M10 10l2 2 M13 7l2 2" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>`,
  coordinates: svg`<circle cx="12" cy="12" r="6" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M12 2v5 M12 17v5 M2 12h5 M17 12h5" stroke="currentColor" stroke-width="1.8"/>`,
  locate: svg`<circle cx="12" cy="12" r="3.5" fill="currentColor"/><circle cx="12" cy="12" r="8" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M12 1v3 M12 20v3 M1 12h3 M20 12h3" stroke="currentColor" stroke-width="1.8"/>`,
  print: svg`<path d="M6 9V3h12v6 M6 18H4v-7h16v7h-2 M7 14h10v7H7z" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linejoin="round"/>`,
  report: svg`<path d="M12 22s7-6.2 7-12a7 7 0 1 0-14 0c0 5.8 7 12 7 12z" fill="none" stroke="currentColor" stroke-width="1.8"/><path d="M10 8.2a2.2 2.2 0 1 1 3 2c-.7.3-1 .8-1 1.5v.5 M12 15v.3" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/>`,
  menu: svg`<path d="M4 6h16 M4 12h16 M4 18h16" stroke="currentColor" stroke-width="2"/>`,
};

/** The cross at the map's centre while a tool aims with it (a white halo under a dark line). */
export const crosshair = (): TemplateResult => html`<svg class="crosshair" viewBox="0 0 28 28" width=${CROSSHAIR_SIZE} height=${CROSSHAIR_SIZE} aria-hidden="true">
  <path d="M14 0v10 M14 18v10 M0 14h10 M18 14h10" class="halo" stroke-width="4"></path>
  <path d="M14 0v10 M14 18v10 M0 14h10 M18 14h10" class="line" stroke-width="2"></path>
</svg>`;
