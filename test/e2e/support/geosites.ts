/**
 * The Géosites map in tests: its data is read by the build from the shared INPG file (the site
 * configuration's "sources"), 60 records ship publicly and 71 in the restricted copy.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { sharedFile } from '../../support/shared-data.js';
import { REPO } from './harness.js';

/** The Géosites map's source (maps/geosites.json "source"): the build reads it, the site never does. */
export const GEOSITES_SOURCE = 'inpg-geosites-ecrins';
/** The shared copy of its 71 INPG records, the local copy the site configuration gives the build. */
export const GEOSITES_FILE = sharedFile('geosites/inpg-geosites-ecrins.geojson');
/** Eight hand-made records in the INPG's shape, three « Réservé » (test/fixtures/geosites): for tests that must run on any clone. */
export const GEOSITES_FIXTURE = join(REPO, 'test/fixtures/geosites/inpg-geosites-essai.geojson');
/** Why the tests that need the real Géosites data in a build of their own skip (they never fetch it), or false when the shared file is there. */
export const GEOSITES_SKIP: string | false = existsSync(GEOSITES_FILE)
  ? false
  : `shared data file ${GEOSITES_FILE} is absent: the real Géosites records are not there (a test's own build never fetches them)`;

/** Two records in the INPG's shape (one « Réservé »), the Géosites data of a test's build when the shared file is absent. */
const STAND_IN = {
  type: 'FeatureCollection',
  features: [
    ['ESSAI01', 'Site public (essai)', 'Public', 6.3],
    ['ESSAI02', 'Site réservé (essai)', 'Réservé', 6.4],
  ].map(([id_site, nom_site, confidentialite, lon]) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [lon, 45] },
    properties: { id_site, nom_site, confidentialite, typologie1: 'Site naturel' },
  })),
};

/**
 * Builds a copy of the site with another site configuration (Vite's build(), CARTABLE_SITE_CONFIG).
 * Its Géosites data is `geosites` when given, else GEOSITES_FILE, or without it a two-record stand-in
 * (CARTABLE_SOURCES): a test's build never fetches it. `mapsDir`: another maps folder (CARTABLE_MAPS_DIR).
 */
export async function buildSiteCopy(configFile: string, outDir: string, logLevel: 'error' | 'silent' = 'error', geosites?: string, mapsDir?: string): Promise<void> {
  const folder = dirname(configFile);
  let data = geosites ?? GEOSITES_FILE;
  if (!geosites && GEOSITES_SKIP) {
    data = join(folder, 'geosites-essai.geojson');
    writeFileSync(data, JSON.stringify(STAND_IN));
  }
  const sources = join(folder, 'sources.json');
  writeFileSync(sources, JSON.stringify({ [GEOSITES_SOURCE]: data }));
  const previous = { CARTABLE_SITE_CONFIG: process.env.CARTABLE_SITE_CONFIG, CARTABLE_SOURCES: process.env.CARTABLE_SOURCES, CARTABLE_MAPS_DIR: process.env.CARTABLE_MAPS_DIR };
  Object.assign(process.env, { CARTABLE_SITE_CONFIG: configFile, CARTABLE_SOURCES: sources }, mapsDir ? { CARTABLE_MAPS_DIR: mapsDir } : {});
  try {
    const { build } = await import('vite');
    await build({ root: REPO, configFile: join(REPO, 'vite.config.ts'), logLevel, build: { outDir, emptyOutDir: true } });
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The records a built site ships for a packaged layer (`restricted`: its restricted output's copy), read from the files. */
export function packagedRecords(dist: string, mapId: string, layerId: string): Array<{ properties: Record<string, string>; geometry: { coordinates: [number, number] } }> {
  const document = JSON.parse(readFileSync(join(dist, 'maps', `${mapId}.json`), 'utf8')) as { layers: Array<{ id: string; url?: string }> };
  const url = document.layers.find((l) => l.id === layerId)?.url;
  assert.ok(url, `${dist}/maps/${mapId}.json has no packaged layer "${layerId}"`);
  // "../data/x.geojson" in the public site, "<restricted.url>data/x.geojson" in a restricted output.
  return JSON.parse(readFileSync(join(dist, url.slice(url.lastIndexOf('data/'))), 'utf8')).features;
}
