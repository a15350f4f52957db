import { getAt, isObject, type JsonObject } from '../model/json.js';
import type { StudioEdit } from '../model/edits.js';

/** The view the preview shows, in the document's CRS (StudioData.currentView()). */
export interface FramedView {
  readonly center: readonly [number, number];
  readonly zoom?: number;
  readonly resolution?: number;
}

/**
 * The edit that makes the document open on `framed`: its centre, with a zoom (Web-Mercator) or a
 * resolution (other projections); the other ways of saying the view (extent, scale, the other of
 * zoom and resolution) go, or the viewer would read them first. The projection and CRS stay.
 */
export function frameEdit(document: JsonObject, framed: FramedView): StudioEdit {
  const view = getAt(document, ['view']);
  const current = isObject(view) ? view : {};
  const edits: StudioEdit[] = [{ type: 'set', path: ['view', 'center'], value: [framed.center[0], framed.center[1]] }];
  if (framed.zoom !== undefined) edits.push({ type: 'set', path: ['view', 'zoom'], value: framed.zoom });
  if (framed.resolution !== undefined) edits.push({ type: 'set', path: ['view', 'resolution'], value: framed.resolution });
  const said = new Set(['extent', 'scale', ...(framed.zoom !== undefined ? ['resolution'] : []), ...(framed.resolution !== undefined ? ['zoom'] : [])]);
  for (const key of said) if (key in current) edits.push({ type: 'set', path: ['view', key], value: undefined });
  return { type: 'batch', edits };
}
