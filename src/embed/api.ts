/**
 * The embed API, version 1: messages between a host page and an embedded map (an iframe through
 * postMessage, or the <cartable-map> element through methods and DOM events). Pure: no DOM.
 *
 * Every message is a plain object with `cartable: 1` (the API version). Commands, host → map:
 *
 * | command | fields | does |
 * |---|---|---|
 * | `set-view` | `center: [x, y]` (in the document's `view.crs`, lon/lat by default), `zoom` or `resolution` | moves the map |
 * | `fit-extent` | `extent: [minx, miny, maxx, maxy]` (in `view.crs`) | shows an extent |
 * | `set-layers` | `show?: [ids]`, `hide?: [ids]` | shows and hides layers |
 * | `select-feature` | `layerId`, `featureId` (null: closes the record) | opens a feature's record |
 * | `set-table-filter` | `layerId`, `filter: { text?, values?, ranges?, inView? }` (null: closes the table) | opens a layer's table, filtered |
 *
 * A command may carry an `id` (string or number); a command that fails answers with an `error` event
 * with the same `id`. Events, map → host: `ready` (`map`, `version`), `view-changed` (`center`, `zoom`
 * or `resolution`, `extent`), `feature-selected` (`layerId`, `featureId`, or both null), `error`
 * (`code`, `message`, `id`?).
 */
export const API_VERSION = 1;

export type Coordinates = readonly [number, number];

export type EmbedCommand =
  | { readonly command: 'set-view'; readonly center: Coordinates; readonly zoom?: number; readonly resolution?: number; readonly id?: string | number }
  | { readonly command: 'fit-extent'; readonly extent: readonly [number, number, number, number]; readonly id?: string | number }
  | { readonly command: 'set-layers'; readonly show: readonly string[]; readonly hide: readonly string[]; readonly id?: string | number }
  | { readonly command: 'select-feature'; readonly layerId: string | null; readonly featureId: string | number | null; readonly id?: string | number }
  | { readonly command: 'set-table-filter'; readonly layerId: string | null; readonly filter: TableFilter | null; readonly id?: string | number };

export interface TableFilter {
  readonly text?: string;
  readonly values?: Readonly<Record<string, readonly string[]>>;
  readonly ranges?: Readonly<Record<string, { readonly min?: number | string; readonly max?: number | string }>>;
  readonly inView?: boolean;
}

export type EmbedEvent =
  | { readonly event: 'ready'; readonly map: string; readonly version: number }
  | { readonly event: 'view-changed'; readonly center: Coordinates; readonly zoom?: number; readonly resolution?: number; readonly extent?: readonly number[] }
  | { readonly event: 'feature-selected'; readonly layerId: string | null; readonly featureId: string | number | null }
  | { readonly event: 'error'; readonly code: string; readonly message: string; readonly id?: string | number };

/** Why a message was not run. `foreign`: not meant for this API at all (other scripts' messages). */
export type Rejection = 'foreign' | 'malformed' | 'version' | 'unknown-command' | 'origin';

export type Parsed = { readonly ok: true; readonly command: EmbedCommand } | { readonly ok: false; readonly reason: Rejection; readonly detail?: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isId = (v: unknown): v is string | number => (typeof v === 'string' && v.length > 0 && v.length <= 200) || isFiniteNumber(v);
const numbers = (v: unknown, length: number): v is number[] => Array.isArray(v) && v.length === length && v.every(isFiniteNumber);
const ids = (v: unknown): v is string[] => v === undefined || (Array.isArray(v) && v.length <= 500 && v.every((x) => typeof x === 'string' && x.length <= 200));

function filterOf(v: unknown): TableFilter | null | undefined {
  if (v === null) return null;
  if (!isRecord(v)) return undefined;
  const { text, values, ranges, inView } = v;
  if (text !== undefined && typeof text !== 'string') return undefined;
  if (inView !== undefined && typeof inView !== 'boolean') return undefined;
  if (values !== undefined && !(isRecord(values) && Object.values(values).every((list) => Array.isArray(list) && list.every((x) => typeof x === 'string')))) return undefined;
  const bound = (b: unknown): boolean => b === undefined || isFiniteNumber(b) || typeof b === 'string';
  if (ranges !== undefined && !(isRecord(ranges) && Object.values(ranges).every((r) => isRecord(r) && bound(r.min) && bound(r.max)))) return undefined;
  return {
    text,
    values: values as TableFilter['values'],
    ranges: ranges as TableFilter['ranges'],
    inView,
  };
}

/** Checks a message received from a host. Never throws, whatever it is given. */
export function parseCommand(data: unknown): Parsed {
  if (!isRecord(data) || !('cartable' in data)) return { ok: false, reason: 'foreign' };
  if (data.cartable !== API_VERSION) return { ok: false, reason: 'version', detail: String(data.cartable) };
  const { command, id } = data;
  if (typeof command !== 'string') return { ok: false, reason: 'malformed', detail: 'command' };
  if (id !== undefined && !isId(id)) return { ok: false, reason: 'malformed', detail: 'id' };
  const withId = id === undefined ? {} : { id };
  const bad = (detail: string): Parsed => ({ ok: false, reason: 'malformed', detail });
  switch (command) {
    case 'set-view': {
      const { center, zoom, resolution } = data;
      if (!numbers(center, 2)) return bad('center');
      if (zoom !== undefined && !(isFiniteNumber(zoom) && zoom >= 0 && zoom <= 30)) return bad('zoom');
      if (resolution !== undefined && !(isFiniteNumber(resolution) && resolution > 0)) return bad('resolution');
      return { ok: true, command: { command, center: [center[0]!, center[1]!], zoom, resolution, ...withId } };
    }
    case 'fit-extent': {
      const { extent } = data;
      if (!numbers(extent, 4) || extent[0]! > extent[2]! || extent[1]! > extent[3]!) return bad('extent');
      return { ok: true, command: { command, extent: [extent[0]!, extent[1]!, extent[2]!, extent[3]!], ...withId } };
    }
    case 'set-layers': {
      const { show, hide } = data;
      if (!ids(show) || !ids(hide) || (show === undefined && hide === undefined)) return bad('show/hide');
      return { ok: true, command: { command, show: show ?? [], hide: hide ?? [], ...withId } };
    }
    case 'select-feature': {
      const { layerId, featureId } = data;
      if (layerId === null && (featureId === null || featureId === undefined)) return { ok: true, command: { command, layerId: null, featureId: null, ...withId } };
      if (typeof layerId !== 'string' || !layerId || !isId(featureId)) return bad('layerId/featureId');
      return { ok: true, command: { command, layerId, featureId, ...withId } };
    }
    case 'set-table-filter': {
      const { layerId } = data;
      const filter = filterOf(data.filter);
      if (layerId === null) return { ok: true, command: { command, layerId: null, filter: null, ...withId } };
      if (typeof layerId !== 'string' || !layerId || filter === undefined) return bad('layerId/filter');
      return { ok: true, command: { command, layerId, filter, ...withId } };
    }
    default:
      return { ok: false, reason: 'unknown-command', detail: command.slice(0, 60) };
  }
}

/** An event as posted: the version added. */
export const message = (event: EmbedEvent): EmbedEvent & { cartable: number } => ({ cartable: API_VERSION, ...event });

export interface EmbedPolicy {
  /** Origins whose commands run; '*': any. */
  readonly commandsFrom: readonly string[];
  /** Origins events are posted to, each with its own postMessage; empty: no event leaves. */
  readonly eventsTo: readonly string[];
}

/**
 * Who may drive an embedded map and who hears from it. A map's `embed.allowedOrigins` names them;
 * without a list a public map takes commands from any page and posts its events to any parent
 * ('*'), while a restricted map takes no commands and posts nothing.
 */
export function embedPolicy(map: { readonly access: { readonly level: string }; readonly embed?: { readonly allowedOrigins: readonly string[] } }): EmbedPolicy {
  const listed = map.embed?.allowedOrigins ?? [];
  if (listed.length) {
    const origins = [...new Set(listed.map((o) => o.replace(/\/+$/, '')))];
    return { commandsFrom: origins, eventsTo: map.access.level === 'restricted' ? origins.filter((o) => o !== '*') : origins };
  }
  return map.access.level === 'restricted' ? { commandsFrom: [], eventsTo: [] } : { commandsFrom: ['*'], eventsTo: ['*'] };
}

export const isAllowedOrigin = (origin: string, allowed: readonly string[]): boolean => allowed.includes('*') || allowed.includes(origin);

/** Counts of the messages received, for debugging (window.__cartableEmbedStats); never logged to the console. */
export interface EmbedStats {
  received: number;
  accepted: number;
  ignored: Record<Rejection, number>;
  /** The last few ignored messages: why, and from which origin. */
  recent: Array<{ reason: Rejection; origin: string; detail?: string }>;
}

export const emptyStats = (): EmbedStats => ({
  received: 0,
  accepted: 0,
  ignored: { foreign: 0, malformed: 0, version: 0, 'unknown-command': 0, origin: 0 },
  recent: [],
});

export function countIgnored(stats: EmbedStats, reason: Rejection, origin: string, detail?: string): void {
  stats.ignored[reason]++;
  stats.recent.push({ reason, origin, detail });
  if (stats.recent.length > 20) stats.recent.shift();
}
