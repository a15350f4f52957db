/**
 * From a service's layer to a plain layer of the document: the viewer's own add-layer code makes it
 * (src/add-layer: capabilities read by findService, the def by rawLayerOf, checked by checkLayers
 * with the map schema), with an id no part of the document uses yet; it joins the document's layers
 * at the end, as one undoable edit.
 */
import type { SiteConfig } from '../../context/types.js';
import type { Requester } from '../../net/requester.js';
import type { OfferedLayer } from '../../ogc/capabilities.js';
import { checkLayers, rawLayerOf } from '../../add-layer/layer-defs.js';
import { mayReach, servicePolicy } from '../../add-layer/policy.js';
import { findService, type FoundService } from '../../add-layer/service.js';
import type { StudioEdit } from '../model/edits.js';
import { getAt, isObject, type JsonObject, type JsonValue } from '../model/json.js';
import type { CatalogueRecord, OgcLink } from './records.js';

/** The link names a layer its service does not offer (or names none, and the service offers several). */
export class MissingLayerError extends Error {
  constructor(readonly layerName: string | undefined) {
    super(layerName ?? 'unnamed');
    this.name = 'MissingLayerError';
  }
}

/** Every id of the document (its own, its layers', groups', basemaps'…): a new layer takes none of them. */
export function documentIds(document: JsonValue | undefined, into = new Set<string>()): Set<string> {
  if (Array.isArray(document)) for (const item of document) documentIds(item, into);
  else if (isObject(document)) {
    if (typeof document['id'] === 'string') into.add(document['id']);
    for (const value of Object.values(document)) if (typeof value === 'object') documentIds(value, into);
  }
  return into;
}

/** An id (letters, digits, ".", "_", "-"; at most 80) made from a layer's name, unused in `taken`. */
export function freeLayerId(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/^[^:]*:/, '') // A namespace prefix ("ns:name") says nothing of the layer.
      .replace(/[^a-z0-9_.-]+/g, '-')
      .replace(/^[^a-z0-9]+|-+$/g, '')
      .slice(0, 72) || 'couche';
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

/** The edit that adds a layer at the end of the document's layers. */
export function addLayerEdit(document: JsonObject, layer: JsonObject): StudioEdit {
  const layers = getAt(document, ['layers']);
  return { type: 'insert', path: ['layers'], index: Array.isArray(layers) ? layers.length : 0, value: layer };
}

export interface LayerChoice {
  readonly found: FoundService;
  readonly layer: OfferedLayer;
  readonly document: JsonObject;
  readonly site?: SiteConfig;
  /** What the catalogue's record says better than the capabilities (title, abstract, its page). */
  readonly title?: string;
  readonly description?: string;
  readonly metadata?: string;
}

/** The plain layer document for one offered layer, checked with the map schema (throws InvalidLayerError). */
export async function layerDefOf(choice: LayerChoice): Promise<JsonObject> {
  const { found, layer } = choice;
  // Legend images of other origins are kept only where the page may load them (none outside a page).
  const policy = servicePolicy(choice.site, globalThis.location?.origin ?? 'null');
  const id = freeLayerId(layer.name, documentIds(choice.document));
  const raw = rawLayerOf({ id, type: found.capabilities.type, endpoint: found.endpoint, layer, service: found.capabilities, mayLoad: (url) => mayReach(url, policy) });
  const info = raw['info'] as Record<string, unknown>;
  const def = {
    ...raw,
    ...(choice.title ? { title: choice.title } : {}),
    info: {
      ...info,
      ...(choice.description ? { description: choice.description } : {}),
      ...(choice.metadata ? { metadata: choice.metadata } : {}),
    },
  };
  // The defaults checkLayers fills in stay out of the document: it keeps what a person would write.
  await checkLayers([def]);
  return JSON.parse(JSON.stringify(def)) as JsonObject;
}

/** The layer a link names among those its service offers (namespace prefixes and case aside). */
export function linkedLayer(found: FoundService, name: string | undefined): OfferedLayer {
  const offered = found.capabilities.layers;
  if (!name) {
    if (offered.length === 1) return offered[0]!;
    throw new MissingLayerError(undefined);
  }
  const local = (n: string): string => n.split(':').pop()!.toLowerCase();
  const layer =
    offered.find((l) => l.name === name) ??
    offered.find((l) => l.name.toLowerCase() === name.toLowerCase()) ??
    offered.find((l) => local(l.name) === local(name));
  if (!layer) throw new MissingLayerError(name);
  return layer;
}

/** The layer of a record's link, read from its service: the record's title, abstract and page go with it. */
export async function layerOfLink(options: {
  readonly record: CatalogueRecord;
  readonly link: OgcLink;
  readonly requester: Requester;
  readonly document: JsonObject;
  readonly site?: SiteConfig;
  readonly signal?: AbortSignal;
}): Promise<JsonObject> {
  const { record, link } = options;
  const found = await findService(link.url, link.type, options.requester, options.signal);
  const layer = linkedLayer(found, link.name);
  // A record with one service link is that layer: its title says it best; with several, each layer's own.
  const single = record.links.length === 1;
  return layerDefOf({
    found,
    layer,
    document: options.document,
    site: options.site,
    title: single ? record.title : undefined,
    description: single ? record.abstract : undefined,
    metadata: record.page,
  });
}
