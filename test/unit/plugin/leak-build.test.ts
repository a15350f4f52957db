/**
 * The whole build, run once on a project of its own (a temp folder: its maps and site configuration)
 * whose public map ships files that leak a restricted map's title in every written form — as is,
 * percent-encoded, as HTML character references, in base64 — and a public layer that holds withheld
 * points: the leak check must name each of these files and no other (the app's bundles and source
 * maps are searched too). The leaking output is never written where it could be deployed: the
 * previous public and restricted outputs stay byte for byte as they were, and no staging folder is left.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildMaps } from '../../../plugin/maps.js';
import { splitDocuments } from './leak-fixtures.js';
import { point } from './restricted-fixtures.js';
import { buildProject, snapshot, writeFiles, writeProject } from './site-build.js';

const work = mkdtempSync(join(tmpdir(), 'cartable-leak-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A point of the Écrins at 5 decimals, different at each run. */
const randomPoint = (): [number, number] => [6 + randomInt(100_000) / 100_000, 44.6 + randomInt(40_000) / 100_000];

/** The project: a restricted map, a public map with a confidential layer, the leaking files and layer. */
function leakingProject(title: string, withheld: Array<[number, number]>): { root: string; planted: Record<string, string> } {
  const root = join(work, 'project');
  const restricted = { id: `releves-${randomBytes(4).toString('hex')}`, title: { fr: title, en: `Surveys ${randomBytes(4).toString('hex')}` } };
  const { closed, open } = splitDocuments(restricted, 'vitrine');
  const planted: Record<string, string> = {
    'data/plain.txt': `Carte : ${title}`,
    'data/url.html': `<a href="../?q=${encodeURIComponent(title)}">`,
    'data/entities.html': `<h1>${title.replace('é', '&eacute;').replace('ê', '&#234;').replace('à', '&#xE0;').replace('ç', '&Ccedil;')}</h1>`,
    'data/base64.js': `atob("${Buffer.from(JSON.stringify({ titre: title })).toString('base64')}")`,
  };
  open.layers[0].info = { downloads: Object.keys(planted).map((url) => ({ title: 'Fichier', url })) };
  // A public layer of "useful points" that are the withheld ones, without their attributes.
  open.layers.push({ ...structuredClone(open.layers[0]), id: 'points-utiles', title: 'Points utiles', file: 'data/points.geojson', confidential: undefined, info: undefined });
  const files: Record<string, unknown> = {
    'maps/vitrine.json': open,
    [`maps/${closed.id}.json`]: closed,
    'maps/data/sites.geojson': {
      type: 'FeatureCollection',
      features: [
        point('P1', { nom: 'Belvédère ouvert', niveau: 'Public' }, ...randomPoint()),
        ...withheld.map((at, i) => point(`W${i}`, { nom: `Site réservé ${i}`, niveau: 'Réservé' }, ...at)),
      ],
    },
    'maps/data/points.geojson': { type: 'FeatureCollection', features: withheld.map((at, i) => point(`U${i}`, { nom: 'Point utile' }, ...at)) },
    ...Object.fromEntries(Object.entries(planted).map(([path, text]) => [`maps/${path}`, text])),
  };
  writeProject(root, files);
  return { root, planted };
}

test('a build whose public files leak a restricted title in any form, or withheld points, fails naming each of them, and leaves the previous output as it was', async () => {
  const title = `Relevés ${randomBytes(4).toString('hex')} de la forêt à Françoise`;
  const withheld = [randomPoint(), randomPoint()];
  const { root, planted } = leakingProject(title, withheld);
  // Where the build writes the planted files (content-hashed names) and the public layer's data.
  const vitrine = buildMaps(join(root, 'maps'), root).maps.find((m) => m.context.id === 'vitrine')!;
  const written = (name: string): string => vitrine.outputs.find((o) => o.path.startsWith(`data/${name}.`))!.path;
  const expected = [
    ...Object.keys(planted).map((path) => `${written(path.slice(5, path.lastIndexOf('.')))}: map title`),
    `${written('points')}: coordinates`,
  ].sort();

  // The outputs of a previous build, which the failed one must leave as they are.
  const outDir = join(work, 'dist');
  const restrictedDir = join(work, 'dist-restricted');
  writeFiles(outDir, { 'index.html': '<h1>Version précédente</h1>', 'sw.js': 'self.version = 1;', 'data/sites.0123456789.geojson': '{}' });
  writeFiles(restrictedDir, { 'catalog.json': '{"maps":[]}' });
  const before = { public: snapshot(outDir), restricted: snapshot(restrictedDir) };
  const message = await buildProject(root, outDir, restrictedDir);
  expect(message).toMatch(/restricted string\(s\)[\s\S]*Nothing of this build was written to \S+dist: its previous content stays/);
  // Each leaking file, with what it leaks; no other file of the build (bundles, source maps, pages, service worker).
  const named = [...message.matchAll(/^ {2}(\S+): (map title|coordinates) of /gm)].map(([, file, kind]) => `${file}: ${kind}`);
  expect([...new Set(named)].sort()).toEqual(expected);
  expect(message.match(/^ {2}\S+: [a-z ]+ of /gm)).toHaveLength(named.length);
  for (const [lon, lat] of withheld) expect(message).toContain(`"${lon},${lat}"`);
  expect(snapshot(outDir)).toEqual(before.public);
  expect(snapshot(restrictedDir)).toEqual(before.restricted);
  expect(readdirSync(work).sort()).toEqual(['dist', 'dist-restricted', 'project']);
}, 300_000);
