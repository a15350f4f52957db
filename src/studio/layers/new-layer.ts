/** The edit that adds a dropped file's layer: its packaged GeoJSON file and a `geojson` layer on top of the tree. */
import type { FeatureCollection, Geometry } from 'geojson';
import { DEFAULT_VECTOR_STYLE } from '../../interop/common.js';
import type { JsonObject, JsonValue } from '../model/json.js';
import type { StudioEdit } from '../model/edits.js';
import { guessFields } from './convert/fields.js';
import { takenIds, uniqueId } from './tree.js';

export type GeometryKind = 'point' | 'line' | 'polygon';

const KIND: Record<string, GeometryKind> = {
  Point: 'point',
  MultiPoint: 'point',
  LineString: 'line',
  MultiLineString: 'line',
  Polygon: 'polygon',
  MultiPolygon: 'polygon',
};

/** The geometry most features have (the legend and the default symbol follow it). */
export function geometryOf(collection: FeatureCollection): GeometryKind {
  const counts = new Map<GeometryKind, number>();
  const count = (geometry: Geometry | null | undefined): void => {
    if (!geometry) return;
    if (geometry.type === 'GeometryCollection') geometry.geometries.forEach(count);
    else if (KIND[geometry.type]) counts.set(KIND[geometry.type]!, (counts.get(KIND[geometry.type]!) ?? 0) + 1);
  };
  collection.features.forEach((feature) => count(feature.geometry));
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'point';
}

/** A single symbol for the geometry (the imported layers' default: interop/common.ts). */
export function defaultStyle(geometry: GeometryKind): JsonObject {
  const { fill, stroke, marker } = DEFAULT_VECTOR_STYLE.symbol!;
  const symbol = geometry === 'point' ? { marker } : geometry === 'line' ? { stroke } : { fill, stroke };
  return JSON.parse(JSON.stringify({ symbol })) as JsonObject;
}

/** The file's name without its folder and extension. */
export const baseName = (fileName: string): string => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || fileName;

export interface NewFileLayer {
  readonly edit: StudioEdit;
  readonly id: string;
  readonly path: string;
}

/**
 * One step of the history: the file `data/<map id>/<name>.geojson` and its layer, first in the tree
 * (drawn on top), titled after the file, its fields guessed from the values.
 */
export function newFileLayer(document: JsonObject, packaged: ReadonlySet<string>, fileName: string, collection: FeatureCollection, bytes: Uint8Array): NewFileLayer {
  const title = baseName(fileName);
  const id = uniqueId(title, takenIds(document));
  const mapId = typeof document.id === 'string' ? document.id : 'carte';
  const used = new Set([...packaged, ...usedFiles(document.layers)]);
  let path = `data/${mapId}/${id}.geojson`;
  for (let n = 2; used.has(path); n++) path = `data/${mapId}/${id}-${n}.geojson`;
  const geometry = geometryOf(collection);
  const layer: JsonObject = {
    type: 'geojson',
    id,
    title: { fr: title, en: title },
    file: path,
    geometry,
    fields: guessFields(collection.features.map((f) => f.properties)) as unknown as JsonValue,
    style: defaultStyle(geometry),
  };
  const name = path.split('/').pop()!;
  return {
    id,
    path,
    edit: {
      type: 'batch',
      edits: [
        { type: 'file', path, file: { name, type: 'application/geo+json', bytes } },
        { type: 'insert', path: ['layers'], index: 0, value: layer },
      ],
    },
  };
}

/** The `file`s the tree's layers name already. */
function usedFiles(nodes: JsonValue | undefined): string[] {
  if (!Array.isArray(nodes)) return [];
  return nodes.flatMap((node) => {
    if (typeof node !== 'object' || node === null || Array.isArray(node)) return [];
    return [...(typeof node.file === 'string' ? [node.file] : []), ...usedFiles(node.layers)];
  });
}
