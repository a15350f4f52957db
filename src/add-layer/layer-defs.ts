/**
 * Layers of the existing kinds (wms, wmts, wfs, geojson) made from what a service offers. They are
 * plain documents like a map's own layers, checked by the same schema (which also fills in their
 * defaults) before they join the map.
 */
import type { LayerDef } from '../context/types.js';
import type { LonLatBox, OfferedLayer, ServiceCapabilities, ServiceType } from '../ogc/capabilities.js';
import type { AddedRef } from './refs.js';
import { capabilitiesUrl } from './service.js';
import { loadChunk } from '../offline/load-chunk.js';
import { expandRange, MAX_TIME_VALUES, timeValues } from '../context/layers/wms-choices.js';

/** A layer ready to join the map, with the box it covers (lon/lat) when the service says. */
export interface ResolvedLayer {
  readonly def: LayerDef;
  readonly extent?: LonLatBox;
}

const prefer = (offered: readonly string[], ...wanted: RegExp[]): string | undefined => {
  for (const pattern of wanted) {
    const found = offered.find((f) => pattern.test(f));
    if (found) return found;
  }
  return undefined;
};

/**
 * A WMS layer's TIME dimension as the layer's `time`: its values and "start/end/period" ranges (a
 * range without a period, or one that gives too many values, offers nothing to choose from).
 */
function wmsTime(time: OfferedLayer['time']): { time?: Record<string, unknown> } {
  const values = (time?.values ?? []).filter((v) => !v.includes('/') || expandRange(v)?.length);
  const all = timeValues({ values });
  if (!all.length || all.length >= MAX_TIME_VALUES) return {};
  return { time: { values, ...(time?.default && all.includes(time.default) ? { default: time.default } : {}) } };
}

/** How features from a service are drawn (its own styles are not read): one plain symbol per geometry. */
export const ADDED_STYLE = {
  symbol: {
    fill: { color: 'rgba(200, 60, 20, 0.18)' },
    stroke: { color: '#b33a14', width: 1.5 },
    marker: { shape: 'circle', radius: 6, fill: { color: '#b33a14' }, stroke: { color: '#ffffff', width: 1.5 } },
  },
};

/** The raw (not yet checked) layer document for one offered layer. */
export function rawLayerOf(options: {
  readonly id: string;
  readonly type: ServiceType;
  readonly endpoint: string;
  readonly layer: OfferedLayer;
  readonly service?: ServiceCapabilities;
  /** Whether the page may load an image from this URL (legend images of other origins). */
  readonly mayLoad?: (url: string) => boolean;
}): Record<string, unknown> {
  const { id, type, endpoint, layer, service } = options;
  const info = {
    ...(layer.abstract ? { description: layer.abstract } : {}),
    source: { name: service?.title || new URL(endpoint).host, url: endpoint },
  };
  const common = { id, title: layer.title || layer.name, info };
  if (type === 'wms') {
    const format = prefer(service?.formats ?? [], /^image\/png$/i, /^image\/png/i, /^image\//i);
    return {
      ...common,
      type: 'wms',
      url: endpoint,
      layers: layer.name,
      version: service?.version === '1.1.1' || service?.version === '1.1.0' ? '1.1.1' : '1.3.0',
      ...(format ? { format } : {}),
      queryable: layer.queryable ?? true,
      ...wmsTime(layer.time),
    };
  }
  if (type === 'wmts') {
    const matrixSet = prefer(layer.matrixSets ?? [], /^PM$/, /GoogleMapsCompatible/i, /3857|900913/) ?? layer.matrixSets?.[0];
    const format = prefer(layer.formats ?? [], /^image\/png$/i, /^image\/jpe?g$/i, /^image\//i);
    const legend = layer.legendUrl && (options.mayLoad?.(layer.legendUrl) ?? false) ? { legend: { image: layer.legendUrl } } : {};
    return {
      ...common,
      type: 'wmts',
      url: endpoint,
      layer: layer.name,
      capabilities: capabilitiesUrl(endpoint, 'wmts'),
      ...(matrixSet ? { matrixSet } : {}),
      ...(format ? { format } : {}),
      ...(layer.style ? { style: layer.style } : {}),
      ...legend,
    };
  }
  const geojson = prefer(service?.formats ?? [], /^application\/(geo\+)?json$/i, /json/i);
  return {
    ...common,
    type: 'wfs',
    url: endpoint,
    typeName: layer.name,
    version: service?.version?.startsWith('1.') ? '1.1.0' : '2.0.0',
    ...(geojson ? { outputFormat: geojson } : {}),
    style: ADDED_STYLE,
  };
}

/** A GeoJSON layer read from a URL (a catalogue's "GEOJSON" hand-off, or a link's). */
export const rawGeoJsonOf = (ref: Pick<AddedRef, 'id' | 'name' | 'url'>): Record<string, unknown> => ({
  type: 'geojson',
  id: ref.id,
  title: ref.name,
  url: ref.url,
  style: ADDED_STYLE,
  info: { source: { name: new URL(ref.url).host, url: ref.url } },
});

/** Thrown when a layer made from a service does not pass the schema (e.g. a type name the schema refuses). */
export class InvalidLayerError extends Error {}

/**
 * Checks raw layers with the map document schema (defaults filled in): the layers as the map will
 * hold them. The validator's code loads on first use.
 */
export async function checkLayers(raw: readonly Record<string, unknown>[]): Promise<LayerDef[]> {
  const { validateContext } = await loadChunk(import('../context/validate.js'));
  const result = validateContext({
    version: 1,
    id: 'added-layers',
    title: 'added layers',
    view: { center: [0, 0], zoom: 1 },
    layers: raw,
  });
  if (!result.ok) throw new InvalidLayerError(result.problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return result.value.layers as LayerDef[];
}
