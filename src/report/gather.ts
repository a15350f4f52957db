/**
 * Builds the report layer by layer: each layer is asked in the way its kind allows — its loaded
 * features through the source's spatial index, its service over the place's box when it is read by
 * view extent (WFS, FlatGeobuf by ranges, prepared points), GetFeatureInfo at the point for a WMS
 * without a WFS — and each answer goes through the same exact geometry test. Layers that cannot be
 * checked say why. Network through the requester only; the DOM only to parse answers (src/markup).
 */
import type Feature from 'ol/Feature.js';
import Point from 'ol/geom/Point.js';
import type { Extent } from 'ol/extent.js';
import { transformExtent, type Projection } from 'ol/proj.js';
import { walkLayers } from '../context/checks.js';
import { isVectorLayer, type LayerDef, type MapContext, type WfsLayerDef, type WmsLayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { textOfHtml } from '../markup/parse.js';
import type { Requester } from '../net/requester.js';
import { candidatesOf, matchFeatures, sortItems, type Candidates } from './compute.js';
import { describeAny, describerOf, type Describe } from './describe.js';
import { preparePlace, type PreparedPlace } from './geometry.js';
import type { LayerReport, Place, Report, ReportItem } from './types.js';
import { loadChunk } from '../offline/load-chunk.js';

/** Most features asked of a service for one layer of a report (more: the count says "at least"). */
export const SERVICE_CAP = 5000;

export interface ReportEnvironment {
  readonly context: MapContext;
  readonly language: string;
  readonly viewProjection: Projection;
  /** Map units per pixel now (GetFeatureInfo needs one). */
  readonly resolution: number;
  readonly requester: Requester;
  readonly resolveUrl: (url: string) => string;
  /** Is the layer switched on? */
  readonly visible: (layerId: string) => boolean;
  /**
   * The features a layer holds in memory, by box (its source's R-tree), once it has loaded (the map
   * loads a switched-off layer for the report); undefined when it has no features or failed to load,
   * with the reason.
   */
  readonly loaded: (layerId: string) => Promise<{ candidates: Candidates } | { failure: string }>;
  readonly signal?: AbortSignal;
}

const IMAGE_KINDS = new Set<LayerDef['type']>(['xyz', 'wmts', 'vectortiles', 'pmtiles']);

/** The document's layers (not groups), in the layer list's order. */
export function reportLayers(context: MapContext): LayerDef[] {
  const leaves: LayerDef[] = [];
  walkLayers(context.layers, (node) => {
    if (node.type !== 'group') leaves.push(node);
  });
  return leaves;
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The whole report; `onLayer` hears each layer as soon as it is done (for progress). Layers are asked
 * at the same time; a failing one never stops the others.
 */
export async function makeReport(place: Place, env: ReportEnvironment, onLayer?: (layer: LayerReport) => void): Promise<Report> {
  const prepared = preparePlace(place, env.viewProjection);
  const made = new Date().toISOString();
  const layers = await Promise.all(
    reportLayers(env.context).map(async (def) => {
      let result: LayerReport;
      try {
        result = await checkLayer(def, place, prepared, env);
      } catch (error) {
        result = { ...base(def, env), items: [], unchecked: { reason: 'service', detail: message(error) } };
      }
      onLayer?.(result);
      return result;
    }),
  );
  return { place, made, layers };
}

const base = (def: LayerDef, env: ReportEnvironment): Pick<LayerReport, 'layerId' | 'title' | 'hidden'> => ({
  layerId: def.id,
  title: textFor(def.title, env.language),
  hidden: !env.visible(def.id),
});

async function checkLayer(def: LayerDef, place: Place, prepared: PreparedPlace, env: ReportEnvironment): Promise<LayerReport> {
  const head = base(def, env);
  const near = place.kind !== 'area';
  if (IMAGE_KINDS.has(def.type)) return { ...head, items: [], unchecked: { reason: 'image' } };
  if (def.type === 'wms') return checkWms(def, place, prepared, env, head);
  if (!isVectorLayer(def)) return { ...head, items: [], unchecked: { reason: 'image' } };
  const describe = describerOf(def, env.language);
  const options = { idField: def.idField, near };

  if (def.type === 'wfs') {
    const { features, capped } = await getFeatures(def, prepared.extent, env);
    return { ...head, method: 'wfs', capped, items: matchFeatures(candidatesOf(features), prepared, describe, options) };
  }
  if (def.type === 'points') {
    return { ...head, method: 'geometry', items: await checkPoints(def, prepared, describe, options, env) };
  }
  if (def.type === 'flatgeobuf' && def.loading === 'extent') {
    const features = await readFlatGeobufBox(def, prepared.extent, env);
    if (features) return { ...head, method: 'geometry', items: matchFeatures(candidatesOf(features), prepared, describe, options) };
    // No spatial index: the map reads such a file whole, like the kinds below.
  }
  const loaded = await env.loaded(def.id);
  if ('failure' in loaded) return { ...head, items: [], unchecked: { reason: 'not-loaded', detail: loaded.failure } };
  return { ...head, method: 'geometry', items: matchFeatures(loaded.candidates, prepared, describe, options) };
}

// ---------------------------------------------------------------- WFS

/** GetFeature over a box (in the view's projection), in the view's projection or the layer's CRS. */
async function getFeatures(def: WfsLayerDef, box: Extent, env: ReportEnvironment): Promise<{ features: Feature[]; capped: boolean }> {
  const [{ getFeatureUrl, isCapped }, { readGetFeatureAnswer }, { ensureProjections }] = await Promise.all([
    loadChunk(import('../layers/wfs/request.js')),
    loadChunk(import('../layers/wfs/read.js')),
    loadChunk(import('../proj/register.js')),
  ]);
  const viewCode = env.viewProjection.getCode();
  const srsName = def.srsName ?? viewCode;
  await ensureProjections([srsName]);
  const extent = srsName === viewCode ? box : transformExtent(box, viewCode, srsName, 8);
  const max = Math.max(def.maxFeatures, SERVICE_CAP);
  const url = getFeatureUrl(
    { ...def, maxFeatures: max },
    { extent, srsName, northEast: srsName === 'EPSG:4326' && def.version === '2.0.0', outputFormat: def.outputFormat ?? 'application/json', resolveUrl: env.resolveUrl },
  );
  const response = await env.requester.fetch(url, { signal: env.signal });
  const result = await readGetFeatureAnswer(response, def.version, { dataProjection: srsName, featureProjection: env.viewProjection, idField: def.idField });
  return { features: result.features, capped: isCapped({ returned: result.returned, total: result.total, max }) };
}

// ---------------------------------------------------------------- WMS

async function checkWms(
  def: WmsLayerDef,
  place: Place,
  prepared: PreparedPlace,
  env: ReportEnvironment,
  head: Pick<LayerReport, 'layerId' | 'title' | 'hidden'>,
): Promise<LayerReport> {
  const describe: Describe = (properties) => describeAny(properties, env.language, head.title);
  if (def.wfs) {
    // The document names the same data as a WFS: ask it about the whole place.
    const wfs = {
      ...def,
      type: 'wfs',
      url: def.wfs.url,
      typeName: def.wfs.typeName,
      version: def.wfs.version,
      outputFormat: def.wfs.outputFormat,
      maxFeatures: SERVICE_CAP,
      fields: [],
      style: {},
      params: undefined,
    } as unknown as WfsLayerDef;
    const { features, capped } = await getFeatures(wfs, prepared.extent, env);
    return { ...head, method: 'wfs', capped, items: matchFeatures(candidatesOf(features), prepared, describe, { near: place.kind !== 'area' }) };
  }
  if (!def.queryable) return { ...head, items: [], unchecked: { reason: 'not-queryable' } };
  if (place.kind !== 'circle') return { ...head, items: [], unchecked: { reason: 'wms-area' } };
  // GetFeatureInfo answers for one pixel: what lies at the point itself (the radius does not apply).
  const { identifyWms } = await loadChunk(import('../identify/feature-info.js'));
  const group = await identifyWms(def, {
    coordinate: [...place.center],
    resolution: env.resolution,
    viewProjection: env.viewProjection,
    requester: env.requester,
    resolveUrl: env.resolveUrl,
    signal: env.signal,
  });
  if (group.problem) return { ...head, items: [], unchecked: { reason: 'service', detail: group.problem.detail ?? group.problem.code } };
  const items: ReportItem[] = group.items.map((item) => {
    const text = item.text ?? (item.html ? textOfHtml(item.html) : '');
    const described = item.html || item.text ? { label: text.trim().replace(/\s+/g, ' ').slice(0, 200) || head.title, fields: [] } : describe(item.properties);
    return { id: item.id, ...described, distance: 0, geometry: item.geometry };
  });
  return { ...head, method: 'feature-info', items };
}

// ---------------------------------------------------------------- files read by parts, prepared points

async function readFlatGeobufBox(def: Extract<LayerDef, { type: 'flatgeobuf' }>, box: Extent, env: ReportEnvironment): Promise<Feature[] | undefined> {
  const [{ createRangeReader }, { openIndexed, readRect }, { searchRect }] = await Promise.all([
    loadChunk(import('../layers/range-read.js')),
    loadChunk(import('../layers/flatgeobuf/extent.js')),
    loadChunk(import('../layers/flatgeobuf/create.js')),
  ]);
  const file = await openIndexed(createRangeReader(env.requester, env.resolveUrl(def.url)), def.projection);
  if (!file) return undefined;
  const viewCode = env.viewProjection.getCode();
  const read = await readRect(file, searchRect(box, viewCode, file.dataProjection), { featureProjection: viewCode, idField: def.idField });
  return read.features;
}

async function checkPoints(
  def: Extract<LayerDef, { type: 'points' }>,
  prepared: PreparedPlace,
  describe: Describe,
  options: { idField?: string; near: boolean },
  env: ReportEnvironment,
): Promise<ReportItem[]> {
  const [{ loadPoints }, { lowerBound }] = await Promise.all([loadChunk(import('../layers/points/create.js')), loadChunk(import('../layers/points/compact.js'))]);
  // The prepared files (the browser's cache has them once the map drew the layer).
  const data = await loadPoints(def, env);
  const [minX, minY, maxX, maxY] = prepared.extent as [number, number, number, number];
  const items: ReportItem[] = [];
  const names = Object.keys(data.columns);
  // Sorted by x: only the slice between the box's sides is looked at.
  for (let i = lowerBound(data.xy, data.count, minX); i < data.count && data.xy[2 * i]! <= maxX; i++) {
    const y = data.xy[2 * i + 1]!;
    if (y < minY || y > maxY) continue;
    const point = new Point([data.xy[2 * i]!, y]);
    const match = prepared.match(point);
    if (!match.hit) continue;
    const properties = Object.fromEntries(names.map((n) => [n, data.columns[n]![i]]));
    const own = options.idField ? properties[options.idField] : undefined;
    items.push({ id: typeof own === 'string' || typeof own === 'number' ? own : undefined, ...describe(properties), distance: match.distance, geometry: point });
  }
  return sortItems(items, options.near);
}
