/**
 * The build step of `points` layers: their GeoJSON `file` becomes the compact binary and the JSON of
 * the attributes the map needs (src/layers/points/prepare.ts), both content-hashed under data/.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Problem } from '../src/context/problems.js';
import type { PointsLayerDef, PreparedPoints, Symbolizer } from '../src/context/types.js';
import { attributeFieldsOf, prepareCompactPoints } from '../src/layers/points/prepare.js';

const hashOf = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex').slice(0, 10);

/** Icon markers cannot be drawn by the compact layer (it stamps circles): say so at build time. */
function iconProblems(def: PointsLayerDef, at: string): Problem[] {
  const problems: Problem[] = [];
  const check = (symbol: Symbolizer | undefined, path: string): void => {
    if (symbol?.marker?.shape === 'icon') {
      problems.push({ path: `${path}/marker`, message: 'a "points" layer draws circle markers: use { "shape": "circle", … } (icons need a "geojson" layer)' });
    }
  };
  const cores = [{ core: def.style, path: `${at}/style` }, ...(def.style.rules ?? []).map((core, i) => ({ core, path: `${at}/style/rules/${i}` }))];
  for (const { core, path } of cores) {
    check(core.symbol, `${path}/symbol`);
    core.categories?.values.forEach((c, i) => check(c.symbol, `${path}/categories/values/${i}/symbol`));
    core.classes?.ranges.forEach((r, i) => check(r.symbol, `${path}/classes/ranges/${i}/symbol`));
  }
  return problems;
}

/**
 * Prepares a `points` layer's file (a path under mapsDir), or the `geojson` given. Returns
 * the files to write (paths relative to the site root) and what the document's `prepared` says, or
 * the problems found.
 */
export function preparePointsLayer(
  def: PointsLayerDef,
  // `geojson`: the content to prepare when the build ships something else than the file (public records only).
  options: { mapsDir: string; at: string; folder: string; geojson?: unknown },
): { files: { path: string; source: Uint8Array | string }[]; prepared?: Omit<PreparedPoints, 'points' | 'attributes'> & { points: string; attributes: string }; problems: Problem[] } {
  const { mapsDir, at, folder } = options;
  const problems = iconProblems(def, at);
  const source = resolve(mapsDir, def.file!);
  let geojson: unknown = options.geojson;
  // Given content (public records, or a source read elsewhere) needs no file under maps/.
  if (geojson === undefined && !source.startsWith(mapsDir + '/')) return { files: [], problems: [...problems, { path: `${at}/file`, message: `"${def.file}" is outside maps/` }] };
  if (geojson === undefined && !existsSync(source)) return { files: [], problems: [...problems, { path: `${at}/file`, message: `no such file "${def.file}" under maps/` }] };
  try {
    geojson ??= JSON.parse(readFileSync(source, 'utf8'));
  } catch (error) {
    return { files: [], problems: [...problems, { path: `${at}/file`, message: `"${def.file}" is not valid JSON (${(error as Error).message})` }] };
  }
  let prepared;
  try {
    prepared = prepareCompactPoints(geojson, attributeFieldsOf(def));
  } catch (error) {
    return { files: [], problems: [...problems, { path: `${at}/file`, message: `"${def.file}": ${(error as Error).message}` }] };
  }
  if (problems.length) return { files: [], problems };
  const name = basename(def.file!).replace(/\.(geo)?json$/, '');
  const attributes = JSON.stringify(prepared.attributes);
  const points = `${folder}/${name}.${hashOf(prepared.points)}.points`;
  const attributesPath = `${folder}/${name}.${hashOf(attributes)}.attributes.json`;
  return {
    files: [
      { path: points, source: prepared.points },
      { path: attributesPath, source: attributes },
    ],
    prepared: { points, attributes: attributesPath, count: prepared.attributes.count },
    problems: [],
  };
}
