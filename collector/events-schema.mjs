// @ts-check
/**
 * The usage events the collector stores, and nothing else: per type, its fields with their kinds and
 * bounds (the same types and fields as src/analytics/events.ts; test/unit/collector/schema.test.ts
 * keeps the two in step). `storedEvent` rebuilds an event field by field: a field the schema does not
 * name is not kept, an event of an unknown type or with a wrong value is dropped whole.
 * Plain JavaScript, no import: the collector runs on Node alone.
 */

/** An id of a map document, a layer or a map (the map documents' own pattern). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** A short token: a table format, a kind of error (layer problem codes, page names). */
const TOKEN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
/** An instant in UTC, as `Date.prototype.toISOString` writes it (milliseconds optional). */
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;
const MAX_URL = 2000;
const MAX_COUNT = 1_000_000;
const DAY = 24 * 60 * 60 * 1000;

/**
 * @typedef {'id' | 'token' | 'boolean' | 'count' | 'url' | 'origin'} FieldKind
 * @typedef {{ readonly kind: FieldKind, readonly required: boolean }} FieldRule
 * @typedef {Readonly<Record<string, FieldRule>>} EventRules
 */

/** @param {FieldKind} kind @returns {FieldRule} */
const required = (kind) => ({ kind, required: true });
/** @param {FieldKind} kind @returns {FieldRule} */
const optional = (kind) => ({ kind, required: false });

/**
 * The fields of each event type, in the order they are stored (after `type` and `time`).
 * @type {Readonly<Record<string, EventRules>>}
 */
export const EVENT_SCHEMA = Object.freeze({
  'catalog-opened': {},
  'map-opened': { map: required('id'), embedded: required('boolean'), host: optional('origin') },
  'layer-shown': { map: required('id'), layer: required('id') },
  'record-opened': { map: required('id'), layer: required('id') },
  'table-shown': { map: required('id'), layer: required('id') },
  'table-exported': { map: required('id'), layer: required('id'), format: required('token') },
  'metadata-followed': { map: required('id'), layer: required('id'), url: required('url') },
  'download-followed': { map: required('id'), layer: required('id'), url: required('url') },
  'search-used': { map: optional('id'), chars: required('count'), results: required('count') },
  'error-shown': { kind: required('token') },
});

/** The event types the collector knows. */
export const EVENT_TYPES = Object.freeze(Object.keys(EVENT_SCHEMA));

/** How far an event's time may be from the server's clock: later by a day at most, older by 7 days. */
export const TIME_WINDOW = Object.freeze({ futureMs: DAY, pastMs: 7 * DAY });

/** @param {string} text @returns {URL | undefined} */
function httpUrl(text) {
  if (text.length > MAX_URL) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** @param {FieldKind} kind @param {unknown} value @returns {boolean} */
function fits(kind, value) {
  switch (kind) {
    case 'id':
      return typeof value === 'string' && ID.test(value);
    case 'token':
      return typeof value === 'string' && TOKEN.test(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'count':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_COUNT;
    case 'url':
      return typeof value === 'string' && httpUrl(value) !== undefined;
    case 'origin':
      return typeof value === 'string' && httpUrl(value)?.origin === value;
  }
}

/**
 * The event's time as stored (`toISOString`), or undefined when it is not a UTC ISO 8601 instant
 * (a real date: no 31 February) within the window around `now`.
 * @param {unknown} value @param {Date} now @returns {string | undefined}
 */
function storedTime(value, now) {
  if (typeof value !== 'string' || !UTC_TIME.test(value)) return undefined;
  const time = new Date(value);
  if (Number.isNaN(time.getTime()) || time.toISOString().slice(0, 19) !== value.slice(0, 19)) return undefined;
  const offset = time.getTime() - now.getTime();
  return offset <= TIME_WINDOW.futureMs && -offset <= TIME_WINDOW.pastMs ? time.toISOString() : undefined;
}

/**
 * The event as stored: `type`, `time`, then the type's fields, nothing else; undefined when it is
 * dropped (not an object, unknown type, a required field missing, a value of the wrong kind, a time
 * outside the window). A `host` is kept only on an embedded map, as the viewer sends it.
 * @param {unknown} value @param {Date} now @returns {Record<string, unknown> | undefined}
 */
export function storedEvent(value, now) {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const event = /** @type {Record<string, unknown>} */ (value);
  const type = event.type;
  if (typeof type !== 'string' || !Object.hasOwn(EVENT_SCHEMA, type)) return undefined;
  const time = storedTime(event.time, now);
  if (!time) return undefined;
  /** @type {Record<string, unknown>} */
  const stored = { type, time };
  for (const [name, rule] of Object.entries(EVENT_SCHEMA[type] ?? {})) {
    const field = Object.hasOwn(event, name) ? event[name] : undefined;
    if (field === undefined) {
      if (rule.required) return undefined;
      continue;
    }
    if (!fits(rule.kind, field)) return undefined;
    stored[name] = field;
  }
  if (stored.type === 'map-opened' && stored.embedded !== true) delete stored.host;
  return stored;
}
