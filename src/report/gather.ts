/**
 * Builds the report layer by layer: each vector layer is asked which of its features lie in the
 * place's box (CreatedLayer.featuresIn: the layer answers from its loaded data, its service or its
 * file's index, whatever its kind), GetFeatureInfo at the point for a WMS without a WFS, and each
 * answer goes through the same exact geometry test. Layers that cannot be checked say why. Network
 * through the requester only; the DOM only to parse answers (src/markup).
 */
import type { Extent } from 'ol/extent.js';
import type { Projection } from 'ol/proj.js';
import { walkLayers } from '../context/checks.js';
import { isVectorLayer, type LayerDef, type MapContext, type WfsLayerDef, type WmsLayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { LayerNotLoadedError, QUERY_CAP } from '../layers/features-in.js';
import { loadLayerKind } from '../layers/registry.js';
import type { FeaturesInExtent } from '../layers/types.js';
import { textOfHtml } from '../markup/parse.js';
import type { Requester } from '../net/requester.js';
import { candidatesOf, matchFeatures } from './compute.js';
import { describeAny, describerOf, type Describe } from './describe.js';
import { preparePlace, type PreparedPlace } from './geometry.js';
import type { LayerReport, Place, Report, ReportItem } from './types.js';
import { loadChunk } from '../offline/load-chunk.js';

/** Most features asked of a service for one layer of a report (more: the count says "at least"). */
export const SERVICE_CAP = QUERY_CAP;

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
   * Asks a layer of the map which of its features lie in an extent (its CreatedLayer.featuresIn; the
   * layer loads first when switched off); undefined when the map has no such layer to ask.
   */
  readonly featuresIn: (layerId: string, extent: Extent, signal?: AbortSignal) => Promise<FeaturesInExtent> | undefined;
  readonly signal?: AbortSignal;
}

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
  if (def.type === 'wms') return checkWms(def, place, prepared, env, head);
  if (!isVectorLayer(def)) return { ...head, items: [], unchecked: { reason: 'image' } };
  const asked = env.featuresIn(def.id, prepared.extent, env.signal);
  if (!asked) return { ...head, items: [], unchecked: { reason: 'not-loaded', detail: 'no features' } };
  let answer: FeaturesInExtent;
  try {
    answer = await asked;
  } catch (error) {
    if (error instanceof LayerNotLoadedError) return { ...head, items: [], unchecked: { reason: 'not-loaded', detail: error.message } };
    throw error;
  }
  return reportOf(head, answer, prepared, describerOf(def, env.language), { idField: def.idField, near: place.kind !== 'area' });
}

/** A layer's answer, kept to what meets the place. */
function reportOf(
  head: Pick<LayerReport, 'layerId' | 'title' | 'hidden'>,
  answer: FeaturesInExtent,
  prepared: PreparedPlace,
  describe: Describe,
  options: { idField?: string; near: boolean },
): LayerReport {
  const items = matchFeatures(candidatesOf(answer.features), prepared, describe, options);
  return { ...head, method: answer.answeredBy === 'service' ? 'wfs' : 'geometry', ...(answer.capped !== undefined ? { capped: answer.capped } : {}), items };
}

/** A WFS that is not a layer of the map (a WMS layer's), asked through the WFS kind like any layer. */
async function askWfs(def: WfsLayerDef, extent: Extent, env: ReportEnvironment): Promise<FeaturesInExtent> {
  const kind = await loadLayerKind(def);
  const created = kind.create(def, { requester: env.requester, viewProjection: env.viewProjection, resolveUrl: env.resolveUrl, report: () => undefined, attributions: [] });
  try {
    return await created.featuresIn!(extent, env.signal);
  } finally {
    created.dispose?.();
  }
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
      // Without a format named, JSON (no capabilities asked for a layer the map does not draw).
      outputFormat: def.wfs.outputFormat ?? 'application/json',
      maxFeatures: SERVICE_CAP,
      fields: [],
      style: {},
      params: undefined,
    } as unknown as WfsLayerDef;
    return reportOf(head, await askWfs(wfs, prepared.extent, env), prepared, describe, { near: place.kind !== 'area' });
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
