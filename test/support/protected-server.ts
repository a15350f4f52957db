/**
 * A small protected file server on 127.0.0.1 for end-to-end tests: it serves a folder (the build's
 * restricted output) only to requests with a valid bearer token — a JWT checked with `jose` against
 * the provider's JWKS, issuer, audience and expiry (401 otherwise), and, for a map's document, the
 * map's groups from the folder's catalog.json (403 when the user has none of them). CORS lets the
 * site's origin send the Authorization header. Every request is recorded for the test to inspect.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';

export interface ProtectedServerOptions {
  readonly port: number;
  /** The folder served, at `basePath` (e.g. "/restricted/"). */
  readonly folder: string;
  readonly basePath: string;
  readonly issuer: string;
  readonly jwksUri: string;
  /** The audience access tokens must name (the resource indicator). */
  readonly audience: string;
  /** The site's origin, allowed by CORS. */
  readonly siteOrigin: string;
}

export interface ProtectedRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization?: string;
  readonly status: number;
}

export interface ProtectedServer {
  readonly url: string;
  readonly requests: ProtectedRequest[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv',
  '.points': 'application/octet-stream',
  '.fgb': 'application/octet-stream',
};

export async function startProtectedServer(options: ProtectedServerOptions): Promise<ProtectedServer> {
  const jwks = createRemoteJWKSet(new URL(options.jwksUri));
  const requests: ProtectedRequest[] = [];
  const groupsOf = (mapId: string): readonly string[] | undefined => {
    const catalog = JSON.parse(readFileSync(join(options.folder, 'catalog.json'), 'utf8')) as { maps: { id: string; access?: { groups?: string[] } }[] };
    return catalog.maps.find((entry) => entry.id === mapId)?.access?.groups;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<number> => {
    res.setHeader('Access-Control-Allow-Origin', options.siteOrigin);
    res.setHeader('Vary', 'Origin');
    res.setHeader('Cache-Control', 'no-store');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'GET');
      res.setHeader('Access-Control-Allow-Headers', 'Authorization, Range');
      res.setHeader('Access-Control-Max-Age', '600');
      return send(res, 204);
    }
    if (req.method !== 'GET') return send(res, 405);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(options.basePath)) return send(res, 404);

    const header = req.headers.authorization ?? '';
    const token = /^Bearer ([\w.~+/-]+=*)$/.exec(header)?.[1];
    if (!token) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return send(res, 401);
    }
    let groups: string[];
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        audience: options.audience,
        typ: 'at+jwt',
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub'],
      });
      groups = Array.isArray(payload.groups) ? payload.groups.filter((g): g is string => typeof g === 'string') : [];
    } catch {
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      return send(res, 401);
    }

    const relative = normalize(path.slice(options.basePath.length));
    const file = join(options.folder, relative);
    if (relative.startsWith('..') || !file.startsWith(options.folder + sep) || !existsSync(file) || !statSync(file).isFile()) return send(res, 404);
    const mapId = /^maps\/([^/]+)\.json$/.exec(relative.split(sep).join('/'))?.[1];
    const wanted = mapId ? groupsOf(mapId) : undefined;
    if (wanted?.length && !wanted.some((g) => groups.includes(g))) return send(res, 403);
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    return send(res, 200, readFileSync(file));
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).then(
      (status) => requests.push({ method: req.method ?? '?', path: req.url ?? '', authorization: req.headers.authorization, status }),
      () => send(res, 500),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${options.port}${options.basePath}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(res: ServerResponse, status: number, body?: Buffer): number {
  res.statusCode = status;
  res.end(body);
  return status;
}
