/**
 * Test-server middleware for the file and tile kinds (plain JS: web-test-runner.config.mjs loads it
 * without a TypeScript loader). Routes, all under /__data__/:
 *   shared/<path>            a file of ../shared/data, with HTTP byte ranges (206)
 *   shared-no-range/<path>   the same file, whole (200) whatever the Range header says
 *   shared-cut/<n>/<path>    its first n bytes only, with ranges (a truncated file)
 *   available                200 when ../shared/data is there, 404 otherwise (tests skip)
 *   mvt/<z>/<x>/<y>.pbf      vector tiles made now from a few features (geojson-vt + vt-pbf)
 *   tiles.json               TileJSON of those tiles
 *   fixture.pmtiles          the same tiles as a PMTiles v3 archive (ranges)
 *   positron.json            the real OpenMapTiles Positron style pointed at the tiles above
 *   sprite.json, sprite.png  an empty sprite
 *   failing/<id>/…           a server that fails on demand and counts its requests (wtr-failing.mjs)
 * Misbehaving answers (the causes a layer must tell apart):
 *   portal/<anything>        an HTML "captive portal" page answered with 200, whatever was asked (Range too)
 *   stall/<name>             200 and the start of a body (MISBEHAVING_BODIES), then nothing until the client gives up
 *   broken/<name>            the whole body's Content-Length, half the body, then the connection closes
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zxyToTileId } from 'pmtiles';
import { failingRoute } from './wtr-failing.mjs';

const require = createRequire(import.meta.url);
const SHARED = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/data');
const PREFIX = '/__data__/';

/** What the fixture tiles hold: a "water" square over Grenoble, "place" points, a "zone" square near Lyon. */
export const FIXTURE_FEATURES = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { layer: 'water', class: 'lake', nom: 'Carré' }, geometry: { type: 'Polygon', coordinates: [[[5.6, 45.1], [5.85, 45.1], [5.85, 45.3], [5.6, 45.3], [5.6, 45.1]]] } },
    { type: 'Feature', properties: { layer: 'place', class: 'city', name: 'Lyon', rank: 3 }, geometry: { type: 'Point', coordinates: [4.8357, 45.764] } },
    { type: 'Feature', properties: { layer: 'zone', nom: 'Zone' }, geometry: { type: 'Polygon', coordinates: [[[4.6, 45.5], [5.0, 45.5], [5.0, 45.9], [4.6, 45.9], [4.6, 45.5]]] } },
  ],
};

const MAX_ZOOM = 10;
let tileIndexes;
function indexes() {
  if (!tileIndexes) {
    const geojsonvt = require('geojson-vt');
    tileIndexes = {};
    for (const name of ['water', 'place', 'zone']) {
      const collection = { type: 'FeatureCollection', features: FIXTURE_FEATURES.features.filter((f) => f.properties.layer === name) };
      tileIndexes[name] = geojsonvt(collection, { maxZoom: MAX_ZOOM, indexMaxZoom: MAX_ZOOM, tolerance: 0, buffer: 64 });
    }
  }
  return tileIndexes;
}

/** One MVT tile, or undefined when it holds nothing. */
function tile(z, x, y) {
  if (z > MAX_ZOOM) return undefined;
  const vtpbf = require('vt-pbf');
  const layers = {};
  for (const [name, index] of Object.entries(indexes())) {
    const t = index.getTile(z, x, y);
    if (t && t.features.length) layers[name] = t;
  }
  return Object.keys(layers).length ? Buffer.from(vtpbf.fromGeojsonVt(layers, { version: 2 })) : undefined;
}

const lon2x = (lon, z) => Math.floor(((lon + 180) / 360) * 2 ** z);
const lat2y = (lat, z) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

const varint = (n, out) => {
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
};

/** A PMTiles v3 archive (no compression, one root directory) of the fixture tiles, zooms 0–MAX_ZOOM. */
let archive;
function pmtilesArchive() {
  if (archive) return archive;
  const entries = [];
  for (let z = 0; z <= MAX_ZOOM; z++) {
    for (let x = lon2x(4.5, z); x <= lon2x(6, z); x++) {
      for (let y = lat2y(46, z); y <= lat2y(45, z); y++) {
        const data = tile(z, x, y);
        if (data) entries.push({ id: zxyToTileId(z, x, y), data });
      }
    }
  }
  entries.sort((a, b) => a.id - b.id);
  let offset = 0;
  const dir = [];
  varint(entries.length, dir);
  let last = 0;
  for (const e of entries) {
    varint(e.id - last, dir);
    last = e.id;
  }
  for (const _ of entries) varint(1, dir); // run lengths
  for (const e of entries) varint(e.data.length, dir);
  for (const [i, e] of entries.entries()) {
    varint(i === 0 ? offset + 1 : 0, dir); // 0: right after the previous tile
    e.offset = offset;
    offset += e.data.length;
  }
  const directory = Buffer.from(dir);
  const metadata = Buffer.from(JSON.stringify({ name: 'cartable fixture', vector_layers: [{ id: 'water' }, { id: 'place' }, { id: 'zone' }] }));
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const u64 = (value, at) => header.writeBigUInt64LE(BigInt(value), at);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  u64(rootOffset, 8);
  u64(directory.length, 16);
  u64(metadataOffset, 24);
  u64(metadata.length, 32);
  u64(0, 40); // leaf directories
  u64(0, 48);
  u64(dataOffset, 56);
  u64(offset, 64);
  u64(entries.length, 72); // addressed tiles
  u64(entries.length, 80); // tile entries
  u64(entries.length, 88); // tile contents
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(1, 98); // tile compression: none
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(0, 100);
  header.writeUInt8(MAX_ZOOM, 101);
  header.writeInt32LE(4.5e7, 102);
  header.writeInt32LE(45e7, 106);
  header.writeInt32LE(6e7, 110);
  header.writeInt32LE(46e7, 114);
  header.writeUInt8(8, 118);
  header.writeInt32LE(5.2e7, 119);
  header.writeInt32LE(45.4e7, 123);
  archive = Buffer.concat([header, directory, metadata, ...entries.map((e) => e.data)]);
  return archive;
}

/** Small bodies for the stall/ and broken/ routes, by name. */
export const MISBEHAVING_BODIES = {
  'points.geojson': {
    type: 'application/geo+json',
    body: JSON.stringify({ type: 'FeatureCollection', features: [1, 2, 3, 4].map((i) => ({ type: 'Feature', properties: { i }, geometry: { type: 'Point', coordinates: [5 + i / 10, 45] } })) }),
  },
  'points.csv': { type: 'text/csv', body: `nom,lon,lat\n${[1, 2, 3, 4, 5, 6].map((i) => `p${i},${5 + i / 10},45`).join('\n')}\n` },
};

const PORTAL_PAGE = '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Wi-Fi gratuit</title><style>body{font-family:sans-serif}</style></head><body><h1 style="color:#06c">Bienvenue</h1><p>Acceptez les conditions d’utilisation pour accéder à Internet.</p><form method="post"><button>J’accepte</button></form></body></html>';

/** Writes the start of a body and never the rest; the socket is released when the client gives up (or after a minute). */
function stall(ctx, { type, body }) {
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  // Headers now, even for HEAD (which writes no body).
  res.flushHeaders();
  res.write(body.slice(0, 20));
  // A socket left idle for a minute is released (the socket's own idle timer, which never holds the process).
  res.setTimeout(60_000, () => res.destroy());
  ctx.req.on('close', () => res.destroy());
}

/** Announces the whole body, sends half of it and closes the connection (a transfer cut by the network). */
function breakOff(ctx, { type, body }) {
  ctx.respond = false;
  const bytes = Buffer.from(body);
  const res = ctx.res;
  res.writeHead(200, { 'Content-Type': type, 'Content-Length': bytes.length });
  res.write(bytes.subarray(0, bytes.length >> 1), () => res.destroy());
}

const EMPTY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Answers with bytes, honouring a "bytes=a-b" Range header unless told not to. */
function send(ctx, bytes, type, { ranges = true } = {}) {
  ctx.set('Content-Type', type);
  ctx.set('Access-Control-Expose-Headers', 'Content-Range, Content-Length');
  const match = ranges ? /^bytes=(\d*)-(\d*)$/.exec(ctx.get('range') ?? '') : null;
  if (ranges) ctx.set('Accept-Ranges', 'bytes');
  if (!match) {
    ctx.status = 200;
    ctx.body = bytes;
    return;
  }
  const start = match[1] ? Number(match[1]) : Math.max(0, bytes.length - Number(match[2]));
  if (start >= bytes.length) {
    ctx.status = 416;
    ctx.set('Content-Range', `bytes */${bytes.length}`);
    ctx.body = '';
    return;
  }
  const end = match[1] && match[2] ? Math.min(Number(match[2]), bytes.length - 1) : bytes.length - 1;
  ctx.status = 206;
  ctx.set('Content-Range', `bytes ${start}-${end}/${bytes.length}`);
  ctx.body = bytes.subarray(start, end + 1);
}

function sharedBytes(relative) {
  const file = join(SHARED, normalize(relative).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(SHARED) || !existsSync(file) || !statSync(file).isFile()) return undefined;
  return readFileSync(file);
}

const typeOf = (path) => (path.endsWith('.json') || path.endsWith('.geojson') ? 'application/json' : 'application/octet-stream');

function positron(origin) {
  const style = JSON.parse(readFileSync(join(SHARED, 'styles/openmaptiles-positron.json'), 'utf8'));
  style.sources.openmaptiles = { type: 'vector', url: `${origin}${PREFIX}tiles.json` };
  style.sprite = `${origin}${PREFIX}sprite`;
  style.glyphs = `${origin}${PREFIX}fonts/{fontstack}/{range}.pbf`;
  return style;
}

/** The middleware, for the `middleware` array of web-test-runner.config.mjs. */
export async function dataMiddleware(ctx, next) {
  if (!ctx.path.startsWith(PREFIX)) return next();
  const route = decodeURIComponent(ctx.path.slice(PREFIX.length));
  let match;
  if (route.startsWith('failing/')) {
    return failingRoute(ctx, route, (inner) => {
      ctx.path = `${PREFIX}${inner}`;
      return dataMiddleware(ctx, next);
    });
  }
  if (route === 'available') {
    ctx.status = existsSync(SHARED) ? 200 : 404;
    ctx.body = ctx.status === 200 ? 'yes' : 'no';
  } else if ((match = /^shared\/(.+)$/.exec(route))) {
    const bytes = sharedBytes(match[1]);
    if (bytes) send(ctx, bytes, typeOf(match[1]));
    else ctx.status = 404;
  } else if ((match = /^shared-no-range\/(.+)$/.exec(route))) {
    const bytes = sharedBytes(match[1]);
    if (bytes) send(ctx, bytes, typeOf(match[1]), { ranges: false });
    else ctx.status = 404;
  } else if ((match = /^shared-cut\/(\d+)\/(.+)$/.exec(route))) {
    const bytes = sharedBytes(match[2]);
    if (bytes) send(ctx, bytes.subarray(0, Number(match[1])), typeOf(match[2]));
    else ctx.status = 404;
  } else if (route.startsWith('portal/')) {
    ctx.status = 200;
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = PORTAL_PAGE;
  } else if ((match = /^(stall|broken)\/(.+)$/.exec(route)) && MISBEHAVING_BODIES[match[2]]) {
    (match[1] === 'stall' ? stall : breakOff)(ctx, MISBEHAVING_BODIES[match[2]]);
  } else if ((match = /^mvt\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(route))) {
    const data = tile(Number(match[1]), Number(match[2]), Number(match[3]));
    send(ctx, data ?? Buffer.alloc(0), 'application/x-protobuf', { ranges: false });
  } else if (route === 'tiles.json') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ tilejson: '2.2.0', tiles: [`${ctx.origin}${PREFIX}mvt/{z}/{x}/{y}.pbf`], minzoom: 0, maxzoom: MAX_ZOOM });
  } else if (route === 'fixture.pmtiles') {
    send(ctx, pmtilesArchive(), 'application/octet-stream');
  } else if (route === 'positron.json') {
    if (!existsSync(join(SHARED, 'styles/openmaptiles-positron.json'))) ctx.status = 404;
    else {
      ctx.type = 'application/json';
      ctx.body = JSON.stringify(positron(ctx.origin));
    }
  } else if (route === 'sprite.json' || route === 'sprite@2x.json') {
    ctx.type = 'application/json';
    ctx.body = '{}';
  } else if (route === 'sprite.png' || route === 'sprite@2x.png') {
    send(ctx, EMPTY_PNG, 'image/png', { ranges: false });
  } else {
    ctx.status = 404;
  }
}
