import { describe, expect, it } from 'vitest';
import { MapStore, initialState } from '../../../src/state/store.js';
import { validateContext } from '../../../src/context/validate.js';
import { minimalDocument } from '../context/fixtures.js';

function store() {
  const doc = minimalDocument();
  doc.layers = [{ type: 'group', id: 'g', title: 'G', expanded: false, layers: [doc.layers[0]] }];
  doc.layers[0].layers[0].visible = false;
  doc.basemaps = [
    { type: 'empty', id: 'none', title: 'Aucun' },
    { type: 'xyz', id: 'osm', title: 'OSM', url: 'https://t/{z}/{x}/{y}.png', active: true },
  ];
  const result = validateContext(doc);
  if (!result.ok) throw new Error('invalid');
  return new MapStore(initialState(result.value));
}

describe('MapStore', () => {
  it('opens in the state the document describes', () => {
    const { state } = store();
    expect(state.layers.sites).toEqual({ visible: false, opacity: 1, status: 'idle' });
    expect(state.groupsExpanded).toEqual({ g: false });
    expect(state.basemap).toBe('osm');
    expect(state.layers.osm?.visible).toBe(true);
    expect(state.layers.none?.visible).toBe(false);
  });

  it('applies actions and tells listeners the next and previous state', () => {
    const s = store();
    const calls: Array<[boolean | undefined, boolean | undefined]> = [];
    s.subscribe((next, previous) => calls.push([next.layers.sites?.visible, previous.layers.sites?.visible]));
    s.dispatch({ type: 'set-visible', id: 'sites', visible: true });
    s.dispatch({ type: 'set-opacity', id: 'sites', opacity: 1.7 });
    expect(s.state.layers.sites?.opacity).toBe(1);
    s.dispatch({ type: 'set-basemap', id: 'none' });
    expect([s.state.basemap, s.state.layers.none?.visible, s.state.layers.osm?.visible]).toEqual(['none', true, false]);
    expect(calls[0]).toEqual([true, false]);
  });

  it('ignores actions on unknown layers and bad numbers, without notifying', () => {
    const s = store();
    let notified = 0;
    s.subscribe(() => notified++);
    s.dispatch({ type: 'set-visible', id: 'nope', visible: true });
    s.dispatch({ type: 'set-opacity', id: 'sites', opacity: Number.NaN });
    s.dispatch({ type: 'set-basemap', id: 'nope' });
    s.dispatch({ type: 'set-group-expanded', id: 'nope', expanded: true });
    expect(notified).toBe(0);
  });
});
