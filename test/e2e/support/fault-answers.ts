/**
 * What the stand-in servers of the fault matrix (faults.ts) answer: a good answer for each layer kind,
 * and each fault as a real server gives it. Playwright's routes serve most of them; two faults need a
 * real socket and are served by a loopback server of their own (misbehavingServer):
 * - a body that stalls: route.fulfill() sends a whole body at once (a Content-Length larger than the
 *   body does not stall Chromium, it just ends the body early);
 * - no CORS header: route.fulfill() adds `access-control-allow-origin` to any cross-origin answer that
 *   lacks one (Playwright issue 12929), so a route cannot refuse a page a read.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sharedFile } from '../../support/shared-data.js';
import { LEGEND_PNG, TILE_PNG, toWebMercator } from './harness.js';

/** The layer kinds of the matrix; `basemap` is the map's active basemap (a WMTS). */
export const KINDS = ['geojson', 'csv', 'flatgeobuf', 'pmtiles', 'wfs', 'wms', 'wmts', 'xyz', 'basemap'] as const;
export type Kind = (typeof KINDS)[number];
/** Kinds drawn from tiles: a first view asks for many at once, before any has failed. */
export const TILE_KINDS: ReadonlySet<Kind> = new Set(['wms', 'wmts', 'xyz', 'basemap']);

export const FAULTS = ['http500', 'http404', 'held', 'stall', 'malformed', 'portal', 'cors', 'exception', 'truncated'] as const;
export type Fault = (typeof FAULTS)[number];

/** An answer to give, or `hold`: never answer (the client gives up by itself). */
export type Answer = { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: string | Buffer } | 'hold';

/** Real files of ../shared/data the FlatGeobuf and PMTiles layers read (absent: those kinds are left out, and said so). */
const COUNTRIES_FGB = sharedFile('fgb/countries.fgb');
const TONER_PMTILES = sharedFile('pmtiles/stamen_toner_raster_CC-BY_ODbL_z3.pmtiles');
export const SHARED_FILES_PRESENT = existsSync(COUNTRIES_FGB) && existsSync(TONER_PMTILES);
export const SKIP_NO_SHARED_DATA = `../shared/data is absent (${COUNTRIES_FGB}, ${TONER_PMTILES}): the FlatGeobuf and PMTiles cells are not checked`;
const sharedBytes = (() => {
  const cache = new Map<string, Buffer>();
  return (path: string): Buffer => cache.get(path) ?? cache.set(path, readFileSync(path)).get(path)!;
})();

const CORS = { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'Content-Range, Content-Length, Accept-Ranges, ETag' };

/** Three places near Grenoble (the maps' centre), as the GeoJSON, CSV and WFS layers serve them. */
export const PLACES = [
  [5.72, 45.19, 'Grenoble'],
  [5.92, 45.57, 'Chambéry'],
  [5.48, 45.36, 'Voiron'],
] as const;
const collection = (project: (c: [number, number]) => [number, number]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    numberMatched: PLACES.length,
    numberReturned: PLACES.length,
    features: PLACES.map(([lon, lat, nom], i) => ({ type: 'Feature', id: i + 1, geometry: { type: 'Point', coordinates: project([lon, lat]) }, properties: { id: i + 1, nom } })),
  });
const PLACES_CSV = `nom,lon,lat\n${PLACES.map(([lon, lat, nom]) => `${nom},${lon},${lat}`).join('\n')}\n`;

const ogcParam = (url: URL, name: string): string | undefined =>
  [...url.searchParams].find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

/** Bytes as a server that honours `Range: bytes=a-b` answers them. */
function ranged(bytes: Buffer, type: string, range: string | undefined): Answer {
  const match = /^bytes=(\d*)-(\d*)$/.exec(range ?? '');
  const headers = { ...CORS, 'content-type': type, 'accept-ranges': 'bytes' };
  if (!match) return { status: 200, headers, body: bytes };
  const start = match[1] ? Number(match[1]) : Math.max(0, bytes.length - Number(match[2]));
  if (start >= bytes.length) return { status: 416, headers: { ...headers, 'content-range': `bytes */${bytes.length}` }, body: '' };
  const end = match[1] && match[2] ? Math.min(Number(match[2]), bytes.length - 1) : bytes.length - 1;
  return { status: 206, headers: { ...headers, 'content-range': `bytes ${start}-${end}/${bytes.length}` }, body: bytes.subarray(start, end + 1) };
}

const image = (body = TILE_PNG): Answer => ({ status: 200, headers: { ...CORS, 'content-type': 'image/png', 'cache-control': 'no-store' }, body });

/** What a working server answers for `kind`. */
export function goodAnswer(kind: Kind, url: URL, range: string | undefined): Answer {
  switch (kind) {
    case 'geojson':
      return { status: 200, headers: { ...CORS, 'content-type': 'application/geo+json' }, body: collection((c) => c) };
    case 'csv':
      return { status: 200, headers: { ...CORS, 'content-type': 'text/csv; charset=utf-8' }, body: PLACES_CSV };
    case 'flatgeobuf':
      return ranged(sharedBytes(COUNTRIES_FGB), 'application/octet-stream', range);
    case 'pmtiles':
      return ranged(sharedBytes(TONER_PMTILES), 'application/octet-stream', range);
    case 'wfs': {
      const mercator = /3857$/.test(ogcParam(url, 'srsname') ?? '');
      return { status: 200, headers: { ...CORS, 'content-type': 'application/json' }, body: collection((c) => (mercator ? toWebMercator(c) : c)) };
    }
    default:
      // A legend is a small swatch, a map or a tile the stand-in tile.
      return image(ogcParam(url, 'request')?.toLowerCase() === 'getlegendgraphic' ? LEGEND_PNG : TILE_PNG);
  }
}

const text = (status: number, body: string, type = 'text/plain; charset=utf-8'): Answer => ({ status, headers: { ...CORS, 'content-type': type }, body });

/** A Wi-Fi captive portal: any address answered with its sign-in page and 200 (Range or not). */
export const PORTAL_PAGE =
  '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Wi-Fi gratuit</title></head><body><h1>Bienvenue</h1><p>Acceptez les conditions d’utilisation pour accéder à Internet.</p><form method="post"><button>J’accepte</button></form></body></html>';

/** The text of each service's exception report (what the layer then says). */
export const EXCEPTION_TEXT: Partial<Record<Kind, string>> = {
  wms: 'Couche inconnue : FAULTS',
  wfs: 'Type inconnu : faults:lieux',
  wmts: 'Couche inconnue : FAULTS-TUILES',
  basemap: 'Couche inconnue : FAULTS-FOND',
};

function exceptionReport(kind: Kind): Answer {
  const words = EXCEPTION_TEXT[kind] ?? 'Erreur';
  // WMS 1.3.0 answers 200 with its report; WFS 2.0 (GeoServer) and WMTS (GeoWebCache) answer 400 with an OWS report.
  if (kind === 'wms') {
    return text(200, `<?xml version="1.0" encoding="UTF-8"?><ServiceExceptionReport version="1.3.0" xmlns="http://www.opengis.net/ogc"><ServiceException code="LayerNotDefined">${words}</ServiceException></ServiceExceptionReport>`, 'application/vnd.ogc.se_xml');
  }
  return text(
    400,
    `<?xml version="1.0" encoding="UTF-8"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1" version="2.0.0"><ows:Exception exceptionCode="InvalidParameterValue" locator="typeName"><ows:ExceptionText>${words}</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`,
    'text/xml',
  );
}

/** A body in the right media type that is not readable as its format. */
function malformed(kind: Kind, range: string | undefined): Answer {
  switch (kind) {
    case 'geojson':
      return text(200, '{"type": "FeatureCollection", "features": [}', 'application/geo+json');
    case 'csv':
      // A CSV file, but without the columns the layer reads its coordinates from.
      return text(200, 'nom;commune\nGrenoble;38185\n', 'text/csv');
    case 'flatgeobuf':
    case 'pmtiles':
      // Garbage from a server that honours ranges, as it would serve any file.
      return ranged(Buffer.alloc(4096, 'pas un fichier '), 'application/octet-stream', range);
    case 'wfs':
      return text(200, '{"type": "FeatureCollection", "features": [', 'application/json');
    default:
      return { status: 200, headers: { ...CORS, 'content-type': 'image/png' }, body: Buffer.from('pas une image PNG') };
  }
}

/** The file cut short: a CSV inside a record; FlatGeobuf and PMTiles with their header whole and their data cut (ranges still honoured). */
function truncated(kind: Kind, url: URL, range: string | undefined): Answer {
  if (kind === 'csv') return text(200, `${PLACES_CSV}Échirolles,5.7`, 'text/csv');
  if (kind === 'flatgeobuf') return ranged(sharedBytes(COUNTRIES_FGB).subarray(0, 120_001), 'application/octet-stream', range);
  if (kind === 'pmtiles') return ranged(sharedBytes(TONER_PMTILES).subarray(0, 1000), 'application/octet-stream', range);
  return goodAnswer(kind, url, range);
}

/** What a server with `fault` answers for `kind` (the loopback faults, stall and cors, are the misbehaving server's). */
export function faultyAnswer(fault: Fault, kind: Kind, url: URL, range: string | undefined): Answer {
  switch (fault) {
    case 'http500':
      return text(500, 'Erreur interne du serveur');
    case 'http404':
      return text(404, 'Introuvable');
    case 'held':
      return 'hold';
    case 'malformed':
      return malformed(kind, range);
    case 'portal':
      return text(200, PORTAL_PAGE, 'text/html; charset=utf-8');
    case 'exception':
      return EXCEPTION_TEXT[kind] ? exceptionReport(kind) : goodAnswer(kind, url, range);
    case 'truncated':
      return truncated(kind, url, range);
    default:
      throw new Error(`${fault} is answered by the misbehaving server, not by a route`);
  }
}

/** Requests the misbehaving server received, by kind and method. */
export type MethodCounts = Map<string, number>;

export interface MisbehavingServer {
  /** Its origin (http://127.0.0.1:port): add it and `kindOrigins` to the site's allowed data origins. */
  readonly origin: string;
  /**
   * The same server on a port of each kind: a host of their own keeps one kind's stalled connections
   * from taking the browser's six connections per host that the other kinds need.
   */
  readonly kindOrigins: Readonly<Record<Kind, string>>;
  /** Switches a fault's answers to good ones (the "server" recovers), or back. */
  setRecovered(fault: 'stall' | 'cors', recovered: boolean): void;
  /** How many `method` requests (GET, HEAD, OPTIONS) `fault`/`kind` received. */
  count(fault: 'stall' | 'cors', kind: Kind, method?: string): number;
  reset(): void;
  close(): Promise<void>;
}

/**
 * A loopback server for the two faults a route cannot give: under /faults/stall/<kind>/ it sends an
 * answer's headers and its first bytes, then nothing until the client gives up; under
 * /faults/cors/<kind>/ the good answer without any CORS header (preflights refused too).
 */
export async function misbehavingServer(): Promise<MisbehavingServer> {
  const recovered = new Set<string>();
  const counts: MethodCounts = new Map();
  const sockets = new Set<import('node:net').Socket>();
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const match = /^\/faults\/(stall|cors)\/([a-z]+)\//.exec(url.pathname);
    const kind = match?.[2] as Kind | undefined;
    if (!match || !kind || !(KINDS as readonly string[]).includes(kind)) return void response.writeHead(404).end();
    const fault = match[1] as 'stall' | 'cors';
    const key = `${fault} ${kind} ${request.method}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const good = goodAnswer(kind, url, request.headers.range) as Exclude<Answer, 'hold'>;
    const body = Buffer.from(good.body);
    if (recovered.has(fault) || fault === 'stall') {
      if (request.method === 'OPTIONS') {
        return void response.writeHead(204, { ...CORS, 'access-control-allow-headers': 'Range', 'access-control-allow-methods': 'GET, HEAD' }).end();
      }
      response.writeHead(good.status, { ...good.headers, 'content-length': body.length });
      if (request.method === 'HEAD') return void response.end();
      if (recovered.has(fault)) return void response.end(body);
      // The stall: headers and the first bytes now, the rest never.
      response.flushHeaders();
      response.write(body.subarray(0, Math.min(20, body.length >> 1)));
      return;
    }
    // No CORS header at all: the browser refuses the page the answer (and any preflight).
    const headers = Object.fromEntries(Object.entries(good.headers).filter(([name]) => !name.startsWith('access-control-')));
    if (request.method === 'OPTIONS') return void response.writeHead(204).end();
    response.writeHead(good.status, { ...headers, 'content-length': body.length });
    response.end(request.method === 'HEAD' ? undefined : body);
  };
  const listen = async (): Promise<{ origin: string; close(): Promise<void> }> => {
    const server = createServer(handle);
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
  };
  const shared = await listen();
  const perKind = await Promise.all(KINDS.map(async (kind) => [kind, await listen()] as const));
  return {
    origin: shared.origin,
    kindOrigins: Object.fromEntries(perKind.map(([kind, server]) => [kind, server.origin])) as Record<Kind, string>,
    setRecovered: (fault, value) => void (value ? recovered.add(fault) : recovered.delete(fault)),
    count: (fault, kind, method = 'GET') => counts.get(`${fault} ${kind} ${method}`) ?? 0,
    reset() {
      recovered.clear();
      counts.clear();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([shared, ...perKind.map(([, server]) => server)].map((server) => server.close()));
    },
  };
}
