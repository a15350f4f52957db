/**
 * Added layers in a permalink: one `add=<id>~<type>~<name>~<url>` parameter per layer, the newest
 * first, e.g. `add=add-1~wms~SCAN_F_GEOL250~https%3A%2F%2Fgeoservices.brgm.fr%2Fgeologie`. The layer
 * is read again from its service when the link opens (title, abstract, formats come from the
 * capabilities), so the link stays short. Pure: no DOM, no OpenLayers.
 */
import type { LayerDef } from '../context/types.js';

export const ADDED_PARAM = 'add';

export type AddedType = 'wms' | 'wmts' | 'wfs' | 'geojson';

/** What a link keeps of an added layer. */
export interface AddedRef {
  readonly id: string;
  readonly type: AddedType;
  /** WMS layer name, WMTS layer identifier, WFS type name; for GeoJSON, its title. */
  readonly name: string;
  /** The service endpoint, or the GeoJSON data URL. */
  readonly url: string;
}

const TYPES = new Set<string>(['wms', 'wmts', 'wfs', 'geojson']);
/** Ids of added layers: never ":" or "," (the `l=` list uses them). */
export const ADDED_ID = /^add-[0-9]{1,4}$/;

/** The link's form of an added layer (undefined for kinds a link does not carry). */
export function refOf(def: LayerDef): AddedRef | undefined {
  const title = typeof def.title === 'string' ? def.title : Object.values(def.title)[0] ?? def.id;
  switch (def.type) {
    case 'wms':
      return { id: def.id, type: 'wms', name: def.layers, url: def.url };
    case 'wmts':
      return { id: def.id, type: 'wmts', name: def.layer, url: def.url };
    case 'wfs':
      return { id: def.id, type: 'wfs', name: def.typeName, url: def.url };
    case 'geojson':
      return def.url ? { id: def.id, type: 'geojson', name: title, url: def.url } : undefined;
    default:
      return undefined;
  }
}

export const writeRef = (ref: AddedRef): string => `${ref.id}~${ref.type}~${ref.name}~${ref.url}`;

/** Reads one `add=` value; undefined when it is malformed (unknown type, empty name, not an http(s) URL). */
export function readRef(value: string): AddedRef | undefined {
  const parts = value.split('~');
  if (parts.length < 4) return undefined;
  const [id, type, name] = parts as [string, string, string];
  const url = parts.slice(3).join('~'); // A URL may hold "~".
  if (!ADDED_ID.test(id) || !TYPES.has(type) || !name.trim()) return undefined;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  } catch {
    return undefined;
  }
  return { id, type: type as AddedType, name, url };
}

/** An id no layer of the map has yet. */
export function freeAddedId(taken: (id: string) => boolean): string {
  let n = 1;
  while (taken(`add-${n}`)) n += 1;
  return `add-${n}`;
}
