/**
 * The search of one map: the features of every layer whose document says `search` (visible or
 * not), and places from the IGN geocoder when the map enables it.
 *
 * Where each layer's index comes from:
 * - `search.index` (the build writes it for packaged files; a document may give one): loaded as is;
 * - else its layer kind says (LayerKind.searchSource): a GeoJSON document read whole (indexed in the
 *   search worker), or a service asked at each query (WFS: a PropertyIsLike filter);
 * - else the features the layer has loaded (CSV, FlatGeobuf, points), indexed in the worker.
 * Every network request goes through the map's requester. Results inside the map's territory
 * (territory.ts: `view.extent`, else the opening view) come first at equal text, the geocoder's too.
 */
import { walkLayers } from '../context/checks.js';
import { isVectorLayer, type MapContext, type VectorLayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { loadLayerKind } from '../layers/registry.js';
import type { SearchSource } from '../layers/types.js';
import type { Requester } from '../net/requester.js';
import { SearchClient } from './client.js';
import { geocode } from './geocoder.js';
import { foldWords } from './normalize.js';
import { recordOf } from './records.js';
import type { SearchGroup, SearchProvider, SearchResult } from './results.js';
import { isInside } from './ranking.js';
import { mapTerritory } from './territory.js';
import { TextIndex, type IndexHit, type IndexRecord, type Territory } from './text-index.js';

/** A loaded feature of a layer, as the map gives it: its id, its properties and a lon/lat point. */
export interface LoadedFeature {
  readonly id?: string | number;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly point?: readonly [number, number];
}

export interface MapSearchOptions {
  readonly context: MapContext;
  readonly requester: Requester;
  /** Resolves document-relative URLs (packaged indexes and data). */
  readonly resolveUrl: (url: string) => string;
  readonly language: string;
  /** Texts of the groups that are not layers. */
  readonly texts: { readonly places: string };
  /** The features a layer has loaded so far (kinds without an index of their own). */
  readonly loadedFeatures?: (layerId: string) => readonly LoadedFeature[] | undefined;
  /** Index in a worker (default) or on the main thread (tests). */
  readonly worker?: boolean;
  /** Records inside it first at equal text (default: the document's, see territory.ts). */
  readonly territory?: Territory;
}

export interface MapSearch extends SearchProvider {
  /** The searchable layers, in document order. */
  readonly layers: readonly VectorLayerDef[];
  /** Layers whose index could not be made, with why (the box still searches the others). */
  readonly failures: ReadonlyMap<string, string>;
  /** Where indexes are built and queried: the search worker, or the main thread when it cannot start. */
  readonly where: 'worker' | 'main';
  /** True when a layer reads its features for the area in view (a result's record is looked for there first). */
  readsByExtent(layerId: string): boolean;
  dispose(): void;
}

/** The searchable layers of a map, in document order. */
export function searchableLayers(context: MapContext): VectorLayerDef[] {
  const layers: VectorLayerDef[] = [];
  walkLayers(context.layers, (node) => {
    if (node.type !== 'group' && isVectorLayer(node) && node.search) layers.push(node);
  });
  return layers;
}

/** True when a map has something to search: a searchable layer or the geocoder. */
export const hasSearch = (context: MapContext): boolean => context.search?.geocoder === true || searchableLayers(context).length > 0;

/** True when a query has a word long enough to send to a service. */
export const isWorthAsking = (query: string): boolean => foldWords(query).join('').length >= 3;

/** What a searchable layer's kind says: where search finds its features, and whether it reads by extent. */
interface LayerPlan {
  readonly layer: VectorLayerDef;
  readonly source?: SearchSource;
  readonly readsByExtent: boolean;
}

export function createMapSearch(options: MapSearchOptions): MapSearch {
  const { context, requester, resolveUrl, language } = options;
  const layers = searchableLayers(context);
  const maxResults = context.search?.maxResults ?? 5;
  const territory = options.territory ?? mapTerritory(context.view);
  const client = new SearchClient({ worker: options.worker ?? true });
  const ready = new Map<string, Promise<void>>();
  const failures = new Map<string, string>();
  /** Feature count last indexed, for layers indexed from their loaded features. */
  const indexedCounts = new Map<string, number>();
  // Each layer's kind says where its features are found (kinds load once per page: the map has them).
  let plans: ReadonlyMap<string, LayerPlan> | undefined;
  const planned = Promise.all(
    layers.map(async (layer): Promise<LayerPlan> => {
      const kind = await loadLayerKind(layer);
      return { layer, source: layer.search?.index ? undefined : kind.searchSource?.(layer as never), readsByExtent: kind.readsByExtent?.(layer as never) ?? false };
    }),
  ).then((list) => (plans = new Map(list.map((plan) => [plan.layer.id, plan]))));
  const sourceOf = (layer: VectorLayerDef): SearchSource | undefined => plans?.get(layer.id)?.source;
  const remoteLayers = (): LayerPlan[] => [...(plans?.values() ?? [])].filter((plan) => plan.source?.from === 'service');

  const settingsOf = (layer: VectorLayerDef) => ({ search: layer.search!, idField: layer.idField, language });

  const loadLayer = async (layer: VectorLayerDef): Promise<void> => {
    const search = layer.search!;
    const source = sourceOf(layer);
    let answer;
    if (search.index) {
      const response = await requester.fetch(resolveUrl(search.index));
      answer = await client.request({ type: 'load', key: layer.id, index: await response.text() });
    } else if (source?.from === 'geojson') {
      const text = source.url ? await (await requester.fetch(resolveUrl(source.url))).text() : JSON.stringify(source.data);
      answer = await client.request({ type: 'geojson', key: layer.id, text, settings: settingsOf(layer), projection: source.projection });
    } else {
      return; // Indexed from its loaded features, at each query (indexLoaded).
    }
    if (answer.type === 'error') throw new Error(answer.message);
  };

  /** (Re)indexes the features a layer has loaded, when their number changed. */
  const indexLoaded = async (layer: VectorLayerDef): Promise<void> => {
    const features = options.loadedFeatures?.(layer.id);
    if (!features || indexedCounts.get(layer.id) === features.length) return;
    indexedCounts.set(layer.id, features.length);
    const settings = settingsOf(layer);
    const records = features
      .map((f) => {
        const record = recordOf(f.properties, settings, f.point);
        return record && f.id !== undefined ? { ...record, id: f.id } : record;
      })
      .filter((r): r is IndexRecord => !!r);
    await client.request({ type: 'records', key: layer.id, records });
  };

  const prepare = (): void => {
    if (!plans) {
      void planned.then(prepare);
      return;
    }
    for (const layer of layers) {
      if (ready.has(layer.id) || sourceOf(layer)?.from === 'service') continue;
      ready.set(
        layer.id,
        loadLayer(layer).catch((error: unknown) => {
          failures.set(layer.id, error instanceof Error ? error.message : String(error));
        }),
      );
    }
  };

  const resultOf = (layer: VectorLayerDef, hit: IndexHit): SearchResult | undefined => {
    const key = `${layer.id}:${hit.id ?? hit.index}`;
    if (hit.id !== undefined && layer.idField) return { key, label: hit.label, target: { kind: 'feature', layerId: layer.id, featureId: hit.id, point: hit.point } };
    if (hit.point) return { key, label: hit.label, target: { kind: 'place', point: hit.point, zoom: 15 } };
    return undefined;
  };

  const groupOf = (layer: VectorLayerDef, result: { total: number; more: boolean; hits: readonly IndexHit[] }): SearchGroup => ({
    id: layer.id,
    title: textFor(layer.title, language),
    total: result.total,
    more: result.more,
    results: result.hits.map((hit) => resultOf(layer, hit)).filter((r): r is SearchResult => !!r),
  });

  return {
    layers,
    failures,
    get where() {
      return client.where;
    },
    readsByExtent: (layerId) => plans?.get(layerId)?.readsByExtent ?? false,
    prepare,
    async local(query) {
      await planned;
      prepare();
      await Promise.all([...ready.values()]);
      await Promise.all(layers.filter((l) => !l.search?.index && !sourceOf(l)).map(indexLoaded));
      const answer = await client.request({ type: 'query', text: query, limit: maxResults, territory });
      if (answer.type !== 'results') return [];
      return layers
        .filter((layer) => answer.results[layer.id])
        .map((layer) => groupOf(layer, answer.results[layer.id]!))
        .filter((group) => group.total > 0);
    },
    wantsRemote(query) {
      // Before the kinds have said, any searchable layer may be asked through a service.
      const remote = plans ? remoteLayers().length > 0 : layers.length > 0;
      return (context.search?.geocoder === true || remote) && isWorthAsking(query);
    },
    async remote(query, signal) {
      await planned;
      const asks: Array<Promise<SearchGroup | undefined>> = [];
      for (const { layer, source } of remoteLayers()) {
        if (source?.from !== 'service') continue;
        asks.push(
          (async () => {
            const url = source.url(query, { limit: Math.max(maxResults * 4, 20), resolveUrl });
            const body = (await (await requester.fetch(url, { signal })).json()) as { features?: unknown[] };
            const features = Array.isArray(body.features) ? body.features : [];
            const records = features
              .map((f) => {
                const feature = f as { properties?: Record<string, unknown>; geometry?: unknown };
                return recordOf(feature.properties ?? {}, settingsOf(layer), pointOf(feature.geometry));
              })
              .filter((r): r is IndexRecord => !!r);
            // Ranked like local results; a service's own order is not a relevance.
            const index = TextIndex.fromRecords(records);
            const ranked = index.query(query, { limit: maxResults, territory });
            // The service may match what the index does not (e.g. inside words): keep its order then.
            const hits = ranked.total > 0 ? ranked.hits : records.slice(0, maxResults).map((r, i) => ({ index: i, label: r.label ?? r.text, id: r.id, point: r.point, score: 0, typo: false }));
            return groupOf(layer, { total: Math.max(ranked.total, hits.length), hits, more: features.length >= Math.max(maxResults * 4, 20) });
          })(),
        );
      }
      if (context.search?.geocoder) {
        asks.push(
          geocode(query, { requester, signal, maximumResponses: maxResults }).then((found) => {
            // The service's order, places inside the territory first.
            const places = territory ? [...found.filter((p) => isInside(p.point, territory)), ...found.filter((p) => !isInside(p.point, territory))] : found;
            return {
              id: 'geocoder',
              title: options.texts.places,
              total: places.length,
              results: places.map((place, i) => ({
                key: `geocoder:${i}:${place.label}`,
                label: place.label,
                target: { kind: 'place' as const, point: place.point, zoom: place.zoom },
              })),
            };
          }),
        );
      }
      const settled = await Promise.allSettled(asks);
      const groups = settled.flatMap((s) => (s.status === 'fulfilled' && s.value && s.value.total > 0 ? [s.value] : []));
      const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
      if (failed) throw Object.assign(new Error('a search service failed'), { cause: failed.reason, groups });
      return groups;
    },
    dispose() {
      client.dispose();
    },
  };
}

/** A lon/lat point for a GeoJSON geometry (its first coordinate pair, or its point). */
function pointOf(geometry: unknown): [number, number] | undefined {
  let value = (geometry as { coordinates?: unknown } | null)?.coordinates;
  while (Array.isArray(value) && Array.isArray(value[0])) value = value[0];
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number' ? [value[0], value[1]] : undefined;
}
