import type Feature from 'ol/Feature.js';
import { transform } from 'ol/proj.js';
import type { MapContext } from '../context/types.js';
import type { ViewState } from '../state/store.js';
import type { MapSession } from './map-session.js';

/**
 * What the map shows, read back in the document's terms: the records of a layer, the record
 * selected, the view in the document's CRS (the studio's editors read the live map through these).
 */

/** A record: a feature's properties without its geometry. */
export type LayerRecord = Readonly<Record<string, unknown>>;

/** The document with the view the map shows now (the map's projection and resolution). */
export function keptView(context: MapContext, view: ViewState): MapContext {
  const { zoom: _zoom, scale: _scale, extent: _extent, ...settings } = context.view;
  return { ...context, view: { ...settings, crs: context.view.projection, center: [view.center[0], view.center[1]], resolution: view.resolution } };
}

/** The view the map shows now, in the document's CRS (a Web Mercator map's zoom level rounded to a tenth). */
export function viewInDocument(context: MapContext, view: ViewState): { center: [number, number]; zoom?: number; resolution?: number } {
  const [x, y] = transform([view.center[0], view.center[1]], context.view.projection, context.view.crs);
  const round = (value: number, digits: number): number => Number(value.toFixed(digits));
  const geographic = context.view.crs === 'EPSG:4326';
  const center: [number, number] = [round(x!, geographic ? 5 : 1), round(y!, geographic ? 5 : 1)];
  if (context.view.projection !== 'EPSG:3857') return { center, resolution: round(view.resolution, 3) };
  // Web Mercator: zoom = log2(156543.03392804097 / resolution).
  return { center, zoom: round(Math.log2(156543.03392804097 / view.resolution), 1) };
}

/** The records (properties without the geometry) of features. */
export function recordsOf(features: readonly Feature[]): LayerRecord[] {
  return features.map((feature) => {
    const { [feature.getGeometryName()]: _geometry, ...properties } = feature.getProperties();
    return properties;
  });
}

/** The records of a vector layer once it has loaded (none when it failed, or the session closed first). */
export async function layerRecords(session: MapSession, layerId: string): Promise<LayerRecord[]> {
  const status = await session.whenLayerSettled(layerId);
  return status === 'ready' && session.adapter ? recordsOf(session.adapter.featuresOf(layerId)) : [];
}

/** The record of the selected feature (undefined when none, or not loaded). */
export function selectedRecord(session: MapSession): { layerId: string; record: LayerRecord } | undefined {
  const selection = session.store.state.selection;
  const feature = selection && session.adapter?.findFeature(selection.layerId, selection.featureId);
  return selection && feature ? { layerId: selection.layerId, record: recordsOf([feature])[0]! } : undefined;
}
