import type { LayerDef, MapContext } from '../context/types.js';
import type { MapSession } from './map-session.js';
import { SessionLayers } from './session-layers.js';

/**
 * Gives a session a document that differs from its own only in the styles of the `changed` layers
 * (the studio's style editor, which compares the two): the built map redraws those layers in place,
 * features kept. False when it cannot (not built yet, closed, a kind that cannot): the caller opens
 * a new session. Apart from the session's class: only the studio needs it, map pages never load it.
 */
export function restyleSession(session: MapSession, next: MapContext, changed: readonly LayerDef[]): boolean {
  const adapter = session.adapter;
  if (!adapter || session.signal.aborted) return false;
  if (!changed.every((def) => adapter.restyleLayer(def))) return false;
  session.context = next;
  session.layers = new SessionLayers(next);
  session.layers.follow(session.store.state);
  return true;
}
