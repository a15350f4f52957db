/**
 * The screen's named regions and the panels that open in them. Pure data: no DOM, no OpenLayers.
 *
 * A wide screen has a side panel (layers), a docked bottom panel (the table) and one overlay over the
 * map (a record, the report or a tool). A phone has one region for all of them: a sheet from the bottom.
 */

/** Wide screens and phones (the width of `NARROW` in narrow-screen.ts divides them). */
export type ScreenKind = 'wide' | 'phone';

/** Where things are on the screen. `header` and `map` always show; panels open in the others. */
export type RegionName = 'header' | 'side-panel' | 'map' | 'bottom-sheet' | 'overlay';

/** The panels the map screen opens and closes (modal dialogs such as « Partager » are not panels). */
export type PanelName = 'layers' | 'table' | 'record' | 'report' | 'tool';

/**
 * Where a panel opens. On a phone a sheet covered by another is minimised, never closed: what the
 * person was doing (a record, a filtered table, a measure, the layer list a link opened) comes back
 * when the sheet over it closes.
 */
export interface PanelSpec {
  readonly region: Readonly<Record<ScreenKind, RegionName>>;
}

export const PANELS: Readonly<Record<PanelName, PanelSpec>> = {
  layers: { region: { wide: 'side-panel', phone: 'bottom-sheet' } },
  table: { region: { wide: 'bottom-sheet', phone: 'bottom-sheet' } },
  record: { region: { wide: 'overlay', phone: 'bottom-sheet' } },
  report: { region: { wide: 'overlay', phone: 'bottom-sheet' } },
  tool: { region: { wide: 'overlay', phone: 'bottom-sheet' } },
};

export const PANEL_NAMES = Object.keys(PANELS) as readonly PanelName[];

/** The region a panel opens in on this kind of screen. */
export function regionOf(panel: PanelName, screen: ScreenKind): RegionName {
  return PANELS[panel].region[screen];
}

/**
 * Whether two panels may be open (not minimised) together. Wide: one per region, so the side panel,
 * the table and one overlay coexist. Phone: one sheet at a time.
 */
export function mayCoexist(a: PanelName, b: PanelName, screen: ScreenKind): boolean {
  if (a === b) return false;
  return screen === 'wide' && regionOf(a, screen) !== regionOf(b, screen);
}

/** Esc closes panels laid over the map; the wide side panel is part of the page and stays. */
export function closesWithEscape(panel: PanelName, screen: ScreenKind): boolean {
  return regionOf(panel, screen) !== 'side-panel';
}
