/**
 * Communes for the maps that offer « Une commune » (map `communes`): the build resolves each such
 * map's source — its own, else the site configuration's — and writes it into the document. A service
 * is written as it is; GeoJSON files (`files`) are packaged once for every map and both outputs, in a
 * content-hashed folder under data/, cached for good like the other packaged data and precached by the
 * service worker (src/communes/packaged-format.ts): data/communes/<hash>/list.json (what the picker
 * suggests) and data/communes/<hash>/<INSEE code>.json (each outline, lon/lat rounded to 1e-6°).
 */
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Polygon, MultiPolygon, Position } from 'geojson';
import type { CommuneSourceSetting, MapCommunes, PackagedCommunesSetting, SiteConfig } from '../src/context/types.js';
import { FILE_FIELDS, suggestionOf } from '../src/communes/fields.js';
import { mergeOutlines, PACKAGED_FORMAT, type PackagedList, type PackagedRow } from '../src/communes/packaged-format.js';
import type { CommuneSuggestion } from '../src/communes/types.js';
import { readGeojsonFile } from './geojson-file.js';
import type { OutputFile } from './maps.js';

export interface CommunePackage {
  /** Paths in the output: the list, and the outlines' folder (ending with "/"). */
  readonly list: string;
  readonly outlines: string;
  readonly files: readonly OutputFile[];
  readonly count: number;
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const point = [round(x!), round(y!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push(point); // Points that rounding made one.
  }
  return out;
}

function rounded(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(roundRing) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((p) => p.map(roundRing)) };
}

/** The centre of a geometry's box, rounded to 1e-4° (which communes lie in the map's territory). */
function boxCentre(geometry: Polygon | MultiPolygon): [number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const polygon of polygons) {
    for (const [x, y] of polygon[0] ?? []) [w, s, e, n] = [Math.min(w, x!), Math.min(s, y!), Math.max(e, x!), Math.max(n, y!)];
  }
  return [Math.round(((w + e) / 2) * 1e4) / 1e4, Math.round(((s + n) / 2) * 1e4) / 1e4];
}

const packages = new Map<string, CommunePackage | { problem: string }>();

/**
 * The packaged communes of GeoJSON files (paths relative to the project), or why they cannot be made.
 * Made once per build for the same files (unchanged on disk) and fields.
 */
export function packageCommuneFiles(setting: { files: readonly string[]; fields?: CommuneSourceSetting['fields'] }, projectRoot: string): CommunePackage | { problem: string } {
  const paths = setting.files.map((file) => resolve(projectRoot, file));
  const stamp = paths.map((path) => {
    try {
      const { mtimeMs, size } = statSync(path);
      return `${path}:${mtimeMs}:${size}`;
    } catch {
      return `${path}:missing`;
    }
  });
  const key = JSON.stringify([stamp, setting.fields ?? null]);
  let made = packages.get(key);
  if (!made) packages.set(key, (made = makePackage(paths, setting.fields, projectRoot)));
  return made;
}

function makePackage(paths: readonly string[], given: CommuneSourceSetting['fields'], projectRoot: string): CommunePackage | { problem: string } {
  const fields = { ...FILE_FIELDS, ...given };
  const communes = new Map<string, { commune: CommuneSuggestion; geometries: unknown[] }>();
  for (const path of paths) {
    const label = `communes file "${relative(projectRoot, path)}"`;
    let read;
    try {
      read = readGeojsonFile(path, label);
    } catch {
      return { problem: `${label} cannot be read (no such file?)` };
    }
    if ('message' in read) return { problem: read.message };
    type Feature = { properties?: Record<string, unknown>; geometry?: unknown };
    const json = read.geojson as Feature & { type: string; features?: Feature[] };
    const features: Feature[] = json.type === 'FeatureCollection' ? json.features! : [json];
    let kept = 0;
    for (const feature of features) {
      const commune = suggestionOf(feature.properties, fields);
      if (!commune) continue;
      kept++;
      const entry = communes.get(commune.code) ?? { commune, geometries: [] };
      entry.geometries.push(feature.geometry);
      communes.set(commune.code, entry);
    }
    if (!kept) return { problem: `${label} has no commune: its features need "${fields.name}" and "${fields.code}" (set "fields" to name others)` };
  }
  const rows: PackagedRow[] = [];
  const outlines: Array<{ code: string; text: string }> = [];
  for (const { commune, geometries } of [...communes.values()].sort((a, b) => (a.commune.code < b.commune.code ? -1 : 1))) {
    const merged = mergeOutlines(geometries);
    if (!merged) continue; // No polygon: nothing to report on.
    const geometry = rounded(merged);
    const [lon, lat] = boxCentre(geometry);
    rows.push([commune.name, commune.code, commune.department ?? null, commune.population ?? null, lon, lat]);
    outlines.push({ code: commune.code, text: JSON.stringify({ type: 'Feature', properties: commune, geometry }) });
  }
  if (!rows.length) return { problem: `the communes files (${paths.map((p) => `"${relative(projectRoot, p)}"`).join(', ')}) hold no polygon` };
  const list: PackagedList = { format: PACKAGED_FORMAT, version: 1, communes: rows };
  const listText = JSON.stringify(list);
  const hash = createHash('sha256');
  hash.update(listText);
  for (const { text } of outlines) hash.update(text);
  const folder = `data/communes/${hash.digest('hex').slice(0, 10)}/`;
  return {
    list: `${folder}list.json`,
    outlines: folder,
    count: rows.length,
    files: [{ path: `${folder}list.json`, source: listText }, ...outlines.map(({ code, text }) => ({ path: `${folder}${code}.json`, source: text }))],
  };
}

/**
 * The commune source a map's built document carries, and the files it needs: the map's own source,
 * else the site's; a problem when neither names one. `href`: a packaged path as the document writes it.
 */
export function resolveMapCommunes(
  communes: MapCommunes,
  site: Pick<SiteConfig, 'communes' | 'allowedOrigins' | 'addLayers' | 'proxy'> | undefined,
  projectRoot: string,
  href: (path: string) => string,
): { communes: MapCommunes; files: readonly OutputFile[] } | { problem: string } {
  const source = communes.source ?? site?.communes;
  if (!source) {
    return {
      problem:
        'the map offers « Une commune » but names no commune source: give one here ("source") or in the site configuration ("communes": ' +
        '{"service": {"url": "https://data.geopf.fr/wfs/ows", "typeName": "LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune"}} or {"files": [...]})',
    };
  }
  if ('service' in source) {
    const origin = new URL(source.service.url).origin;
    const allowed =
      !site ||
      site.addLayers?.anyHttpsService ||
      site.proxy?.origins.includes(origin) ||
      site.allowedOrigins.some((o) => o.origin === origin && o.use.includes('data'));
    if (!allowed) {
      return {
        problem: `the commune service's origin ${origin} is not listed in the site configuration's "allowedOrigins" for "data": the Content-Security-Policy would refuse its requests`,
      };
    }
  }
  if (!('files' in source)) return { communes: { ...communes, source }, files: [] };
  const made = packageCommuneFiles(source, projectRoot);
  if ('problem' in made) return { problem: `${communes.source ? '' : 'the site configuration\'s "communes": '}${made.problem}` };
  const packaged: PackagedCommunesSetting = { packaged: { list: href(made.list), outlines: href(made.outlines) } };
  return { communes: { ...communes, source: packaged }, files: made.files };
}
