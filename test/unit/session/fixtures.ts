import { validateContext } from '../../../src/context/validate.js';
import type { MapContext } from '../../../src/context/types.js';
import type { MapAdapter } from '../../../src/map/adapter.js';
import { permalinkOf, writePermalink } from '../../../src/state/permalink.js';
import type { PermalinkWriter } from '../../../src/map/permalink-sync.js';
import { minimalDocument } from '../context/fixtures.js';

/** The minimal document with a table on its layer. */
export function sessionContext(): MapContext {
  const doc = minimalDocument();
  doc.layers[0].table = { columns: ['code', 'nom'] };
  const result = validateContext(doc);
  if (!result.ok) throw new Error(`invalid: ${JSON.stringify(result.problems)}`);
  return result.value;
}

/** The permalink part without a map: layers, basemap and panel from the state, the view from its centre. */
export const permalinkWithoutMap = (context: MapContext): PermalinkWriter => (url, state) =>
  writePermalink(url, permalinkOf({ context, state, view: state.view ? { center: [...state.view.center] as [number, number], zoom: 6 } : undefined, panel: state.panel }), context);

/** An adapter that only says whether it was disposed. */
export function fakeAdapter(): MapAdapter & { disposed: number } {
  const adapter = { disposed: 0, rendered: Promise.resolve(), dispose: () => void adapter.disposed++ };
  return adapter as unknown as MapAdapter & { disposed: number };
}
