/**
 * The search engine: named indexes and queries over them. It runs in the search worker
 * (search.worker.ts); the same object answers on the main thread when no worker can start.
 */
import { isLonLatGeoJson, recordsFromGeoJson, type RecordSettings } from './records.js';
import { TextIndex, type IndexRecord, type IndexResult, type SerialisedIndex, type Territory } from './text-index.js';

export type EngineRequest =
  /** A serialised index (JSON text, or already parsed). */
  | { readonly type: 'load'; readonly key: string; readonly index: string | SerialisedIndex }
  /** GeoJSON text read at run time, indexed with a layer's settings. */
  | { readonly type: 'geojson'; readonly key: string; readonly text: string; readonly settings: RecordSettings; readonly projection?: string }
  /** Records made on the main thread (e.g. from the features a layer has loaded). */
  | { readonly type: 'records'; readonly key: string; readonly records: readonly IndexRecord[] }
  | {
      readonly type: 'query';
      readonly text: string;
      readonly keys?: readonly string[];
      readonly limit: number;
      readonly typos?: boolean | 'fallback';
      /** The map's territory (records inside it first at equal text). */
      readonly territory?: Territory;
    };

export type EngineAnswer =
  | { readonly type: 'ready'; readonly key: string; readonly size: number }
  | { readonly type: 'results'; readonly results: Readonly<Record<string, IndexResult>> }
  | { readonly type: 'error'; readonly key?: string; readonly message: string };

export class SearchEngine {
  readonly #indexes = new Map<string, TextIndex>();

  handle(request: EngineRequest): EngineAnswer {
    try {
      switch (request.type) {
        case 'load': {
          const data = typeof request.index === 'string' ? (JSON.parse(request.index) as SerialisedIndex) : request.index;
          return this.#set(request.key, TextIndex.load(data));
        }
        case 'geojson': {
          const geojson = JSON.parse(request.text) as unknown;
          const lonLat = isLonLatGeoJson(geojson, request.projection);
          return this.#set(request.key, TextIndex.fromRecords(recordsFromGeoJson(geojson, request.settings, { lonLat })));
        }
        case 'records':
          return this.#set(request.key, TextIndex.fromRecords(request.records));
        case 'query': {
          const results: Record<string, IndexResult> = {};
          for (const [key, index] of this.#indexes) {
            if (request.keys && !request.keys.includes(key)) continue;
            results[key] = index.query(request.text, { limit: request.limit, typos: request.typos, territory: request.territory });
          }
          return { type: 'results', results };
        }
      }
    } catch (error) {
      return { type: 'error', key: 'key' in request ? request.key : undefined, message: error instanceof Error ? error.message : String(error) };
    }
  }

  #set(key: string, index: TextIndex): EngineAnswer {
    this.#indexes.set(key, index);
    return { type: 'ready', key, size: index.size };
  }
}
