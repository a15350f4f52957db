/**
 * Benchmark (prints figures, never pass/fail): the full site build (vite build with the Cartable
 * plugins and the service worker, as vite.config.ts sets them, into a temp outDir: maps, points,
 * restricted output, leak check, staging swap) of a project whose public map packages a generated
 * point GeoJSON of about 20 MB (the baseline) and 200 MB, as a `geojson` layer (shipped as is, so
 * the leak check reads it as text) and a `points` layer (the compact form). A small restricted map
 * gives the leak check secrets to seek. Each build runs in a process of its own, so that its peak
 * memory (process.resourceUsage().maxRSS) is its own.
 *
 * Run: npm run bench:build   (SIZES_MB="20 200" by default; the temp folder is removed afterwards)
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SIZES_MB = (process.env.SIZES_MB ?? '20 200').split(/\s+/).filter(Boolean).map(Number);

const FIELDS = [
  { name: 'id', type: 'integer' },
  { name: 'nom', type: 'text' },
  { name: 'categorie', type: 'text' },
  { name: 'altitude', type: 'number' },
];
const dot = (color: string) => ({ marker: { shape: 'circle', radius: 2, fill: { color } } });
const STYLE = { categories: { field: 'categorie', values: ['A', 'B', 'C'].map((value, i) => ({ value, symbol: dot(['#1f5fa8', '#2ca02c', '#9467bd'][i]!) })) }, symbol: dot('#c0392b') };

/** Writes a FeatureCollection of points of about `bytes` bytes, a chunk at a time (never the whole text in memory). */
function writePoints(path: string, bytes: number): { features: number; bytes: number } {
  const fd = openSync(path, 'w');
  let written = writeSync(fd, '{"type":"FeatureCollection","features":[\n');
  let features = 0;
  let seed = 1;
  const random = (): number => ((seed = (seed * 48271) % 2147483647) / 2147483647);
  while (written < bytes) {
    const lines: string[] = [];
    for (let i = 0; i < 5000; i++, features++) {
      const [lon, lat] = [(-5 + random() * 13).toFixed(6), (42 + random() * 9).toFixed(6)];
      const properties = { id: features, nom: `Lieu ${features}`, categorie: 'ABCD'[features % 4], altitude: Math.round(random() * 4000) };
      lines.push(`${features ? ',' : ''}{"type":"Feature","geometry":{"type":"Point","coordinates":[${lon},${lat}]},"properties":${JSON.stringify(properties)}}`);
    }
    written += writeSync(fd, lines.join('\n'));
  }
  written += writeSync(fd, '\n]}\n');
  closeSync(fd);
  return { features, bytes: written };
}

/** A project of its own: the repository's site configuration, the large public map, a small restricted one. */
function project(root: string, megabytes: number): { features: number; bytes: number } {
  mkdirSync(join(root, 'maps/data'), { recursive: true });
  const site = JSON.parse(readFileSync(join(ROOT, 'site.config.json'), 'utf8')) as Record<string, unknown>;
  delete site.$schema;
  delete site.sources; // Paths for the repository's own maps.
  writeFileSync(join(root, 'site.config.json'), JSON.stringify(site));
  const base = { version: 1, view: { center: [2.5, 46.5], zoom: 5 } };
  const layer = { title: 'Lieux', file: 'data/lieux.geojson', idField: 'id', fields: FIELDS, style: STYLE };
  writeFileSync(
    join(root, 'maps/grands-lieux.json'),
    JSON.stringify({ ...base, id: 'grands-lieux', title: 'Lieux générés', layers: [{ type: 'geojson', id: 'lieux', ...layer }, { type: 'points', id: 'lieux-points', ...layer }] }),
  );
  const secret = { type: 'Feature', geometry: { type: 'Point', coordinates: [6.123457, 44.654321] }, properties: { id: 1, nom: 'Grotte des Aigles cachée' } };
  writeFileSync(
    join(root, 'maps/releves-reserves.json'),
    JSON.stringify({
      ...base,
      id: 'releves-reserves',
      title: 'Relevés réservés des agents',
      access: { level: 'restricted', groups: ['agents'] },
      layers: [{ type: 'geojson', id: 'grottes', title: 'Grottes', idField: 'id', fields: FIELDS, style: STYLE, data: { type: 'FeatureCollection', features: [secret] } }],
    }),
  );
  // The <cartable-map> element is built from the project's src/.
  symlinkSync(join(ROOT, 'src'), join(root, 'src'));
  return writePoints(join(root, 'maps/data/lieux.geojson'), megabytes * 1e6);
}

/** In the child: one full build of the project into outDir, then its time and peak memory on stdout. */
async function buildOnce(projectRoot: string, outDir: string): Promise<void> {
  const { build } = await import('vite');
  const { cartable } = await import('../plugin/plugin.js');
  const { pwa } = await import('../plugin/pwa.js');
  const { loadSiteConfig } = await import('../plugin/site.js');
  process.env.CARTABLE_RESTRICTED_OUT_DIR = `${outDir}-restricted`;
  const start = performance.now();
  await build({
    root: ROOT,
    configFile: false,
    base: './',
    logLevel: 'warn',
    plugins: [cartable({ projectRoot }), pwa(loadSiteConfig(projectRoot).site!)],
    build: { outDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, sourcemap: true, reportCompressedSize: false },
  });
  const ms = performance.now() - start;
  console.log(JSON.stringify({ ms, maxRssMB: process.resourceUsage().maxRSS / 1024 }));
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'cartable-bench-build-'));
  const rows: string[][] = [];
  try {
    for (const megabytes of SIZES_MB) {
      const root = join(work, `project-${megabytes}`);
      const data = project(root, megabytes);
      const outDir = join(work, `dist-${megabytes}`);
      const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--build', root, outDir], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
      const last = child.stdout.trim().split('\n').pop() ?? '';
      if (child.status !== 0 || !last.startsWith('{')) {
        const why = (child.stderr || child.stdout).split('\n').filter((line) => /error/i.test(line)).slice(0, 2).join(' | ');
        rows.push([`${(data.bytes / 1e6).toFixed(0)} MB`, data.features.toLocaleString('en'), 'failed', why.slice(0, 300)]);
        continue;
      }
      const { ms, maxRssMB } = JSON.parse(last) as { ms: number; maxRssMB: number };
      // The GeoJSON shipped whole in the output asked for, and no staging folder left beside it.
      const geojson = readdirSync(join(outDir, 'data')).find((name) => /^lieux\.[0-9a-f]{10}\.geojson$/.test(name));
      const whole = geojson !== undefined && statSync(join(outDir, 'data', geojson)).size === data.bytes;
      const staged = readdirSync(work).some((name) => name.startsWith(`dist-${megabytes}.partial-`));
      const shipped = whole && !staged ? 'GeoJSON shipped whole' : `${whole ? '' : 'GeoJSON missing or cut '}${staged ? 'staging folder left' : ''}`;
      rows.push([`${(data.bytes / 1e6).toFixed(0)} MB`, data.features.toLocaleString('en'), `${(ms / 1000).toFixed(1)} s`, `${maxRssMB.toFixed(0)} MB`, shipped]);
      rmSync(root, { recursive: true, force: true });
      rmSync(outDir, { recursive: true, force: true });
      rmSync(`${outDir}-restricted`, { recursive: true, force: true });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log('\nFull build (vite build into a temp outDir) of a map packaging a generated point GeoJSON as a geojson and a points layer');
  console.log(['GeoJSON', 'features', 'build time', 'peak RSS', 'output'].join('\t'));
  for (const row of rows) console.log(row.join('\t'));
}

if (process.argv[2] === '--build') await buildOnce(process.argv[3]!, process.argv[4]!);
else await main();
