import { describe, expect, it } from 'vitest';
import { PANEL_NAMES, closesWithEscape, mayCoexist, regionOf, type PanelName, type ScreenKind } from '../../../../src/ui/layout/panels.js';
import { changeScreen, closePanel, closeTop, emptyLayout, openPanel, shownPanels, statusOf, togglePanel, type LayoutState } from '../../../../src/ui/layout/rules.js';

/** The state after opening these panels in this order. */
function opened(screen: ScreenKind, ...panels: PanelName[]): LayoutState {
  return panels.reduce((state, panel) => openPanel(state, panel).state, emptyLayout(screen));
}

describe('regions', () => {
  it('puts the layers beside the map, the table below it and the rest over it on a wide screen', () => {
    expect(regionOf('layers', 'wide')).toBe('side-panel');
    expect(regionOf('table', 'wide')).toBe('bottom-sheet');
    for (const panel of ['record', 'report', 'tool'] as const) expect(regionOf(panel, 'wide')).toBe('overlay');
  });

  it('puts every panel in the bottom sheet on a phone', () => {
    for (const panel of PANEL_NAMES) expect(regionOf(panel, 'phone')).toBe('bottom-sheet');
  });

  it('lets panels of different regions coexist on a wide screen only', () => {
    expect(mayCoexist('layers', 'table', 'wide')).toBe(true);
    expect(mayCoexist('layers', 'record', 'wide')).toBe(true);
    expect(mayCoexist('table', 'report', 'wide')).toBe(true);
    expect(mayCoexist('record', 'report', 'wide')).toBe(false);
    for (const a of PANEL_NAMES) for (const b of PANEL_NAMES) expect(mayCoexist(a, b, 'phone')).toBe(false);
  });

  it('lets Esc close everything but the wide side panel', () => {
    expect(closesWithEscape('layers', 'wide')).toBe(false);
    expect(closesWithEscape('layers', 'phone')).toBe(true);
    expect(closesWithEscape('table', 'wide')).toBe(true);
  });
});

describe('a wide screen', () => {
  it('keeps the side panel, the table and one overlay open together', () => {
    const state = opened('wide', 'layers', 'table', 'record');
    expect(shownPanels(state)).toEqual(['layers', 'table', 'record']);
  });

  it('closes the record when the report opens (one overlay), and says why', () => {
    const { state, changes } = openPanel(opened('wide', 'layers', 'record'), 'report');
    expect(shownPanels(state)).toEqual(['layers', 'report']);
    expect(statusOf(state, 'record')).toBe('closed');
    expect(changes).toEqual([
      { panel: 'record', status: 'closed', cause: 'replaced' },
      { panel: 'report', status: 'open', cause: 'asked' },
    ]);
  });

  it('brings a panel that is already open to the top without changing anything else', () => {
    const { state, changes } = openPanel(opened('wide', 'table', 'record'), 'table');
    expect(shownPanels(state)).toEqual(['record', 'table']);
    expect(changes).toEqual([]);
  });
});

describe('a phone', () => {
  it('shows one sheet at a time: the record is minimised under the layers, and comes back when they close', () => {
    const withLayers = openPanel(opened('phone', 'record'), 'layers');
    expect(shownPanels(withLayers.state)).toEqual(['layers']);
    expect(statusOf(withLayers.state, 'record')).toBe('minimised');
    expect(withLayers.changes).toContainEqual({ panel: 'record', status: 'minimised', cause: 'covered' });

    const back = closePanel(withLayers.state, 'layers');
    expect(shownPanels(back.state)).toEqual(['record']);
    expect(back.changes).toEqual([
      { panel: 'layers', status: 'closed', cause: 'asked' },
      { panel: 'record', status: 'open', cause: 'uncovered' },
    ]);
  });

  it('minimises the layer sheet when a record opens over it (panel=1 with a record), and brings it back after', () => {
    const { state, changes } = openPanel(opened('phone', 'layers'), 'record');
    expect(state.stack).toEqual([
      { panel: 'layers', minimised: true },
      { panel: 'record', minimised: false },
    ]);
    expect(changes).toContainEqual({ panel: 'layers', status: 'minimised', cause: 'covered' });
    expect(shownPanels(closeTop(state).state)).toEqual(['layers']);
  });

  it('reopens a minimised sheet on top and minimises the one that was shown', () => {
    const state = openPanel(opened('phone', 'table', 'record'), 'table').state;
    expect(state.stack).toEqual([
      { panel: 'record', minimised: true },
      { panel: 'table', minimised: false },
    ]);
  });

  it('never shows two sheets, whatever the order of opening', () => {
    for (const a of PANEL_NAMES)
      for (const b of PANEL_NAMES)
        for (const c of PANEL_NAMES) expect(shownPanels(opened('phone', a, b, c))).toEqual([c]);
  });
});

describe('Esc', () => {
  it('closes the top panel only', () => {
    const first = closeTop(opened('wide', 'layers', 'table', 'record'));
    expect(first.closed).toBe('record');
    expect(shownPanels(first.state)).toEqual(['layers', 'table']);
    expect(first.changes).toEqual([{ panel: 'record', status: 'closed', cause: 'escape' }]);
    const second = closeTop(first.state);
    expect(second.closed).toBe('table');
    expect(shownPanels(second.state)).toEqual(['layers']);
  });

  it('leaves the wide side panel open', () => {
    const result = closeTop(opened('wide', 'layers'));
    expect(result.closed).toBeUndefined();
    expect(result.changes).toEqual([]);
    expect(shownPanels(result.state)).toEqual(['layers']);
  });

  it('closes the phone layer sheet opened over a record (panel=1 with a record), then the record', () => {
    const first = closeTop(openPanel(opened('phone', 'record'), 'layers').state);
    expect(first.closed).toBe('layers');
    expect(shownPanels(first.state)).toEqual(['record']);
    const second = closeTop(first.state);
    expect(second.closed).toBe('record');
    expect(second.state.stack).toEqual([]);
  });

  it('does nothing when nothing is open', () => {
    const state = emptyLayout('phone');
    expect(closeTop(state)).toEqual({ state, changes: [] });
  });
});

describe('toggle and close', () => {
  it('toggles a panel open and shut', () => {
    const open = togglePanel(emptyLayout('wide'), 'layers').state;
    expect(statusOf(open, 'layers')).toBe('open');
    expect(statusOf(togglePanel(open, 'layers').state, 'layers')).toBe('closed');
  });

  it('opens a minimised panel when toggled, rather than closing it', () => {
    const state = togglePanel(opened('phone', 'record', 'table'), 'record').state;
    expect(shownPanels(state)).toEqual(['record']);
  });

  it('changes nothing when closing a closed panel', () => {
    const state = opened('wide', 'layers');
    expect(closePanel(state, 'table')).toEqual({ state, changes: [] });
  });
});

describe('changing screen', () => {
  it('keeps the top panel shown when a wide screen becomes a phone, and minimises the others', () => {
    const { state, changes } = changeScreen(opened('wide', 'layers', 'table', 'record'), 'phone');
    expect(state.screen).toBe('phone');
    expect(shownPanels(state)).toEqual(['record']);
    expect(statusOf(state, 'table')).toBe('minimised');
    expect(statusOf(state, 'layers')).toBe('minimised');
    expect(changes.every((c) => c.cause === 'screen')).toBe(true);
  });

  it('shows the minimised sheets again beside each other when a phone becomes wide', () => {
    const { state } = changeScreen(opened('phone', 'table', 'record'), 'wide');
    expect(shownPanels(state)).toEqual(['table', 'record']);
  });

  it('changes nothing when the kind of screen stays', () => {
    const state = opened('wide', 'layers');
    expect(changeScreen(state, 'wide')).toEqual({ state, changes: [] });
  });
});
