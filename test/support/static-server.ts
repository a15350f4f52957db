/**
 * A plain static file server for tests and benchmarks: serves a folder under a sub-path (as a CDN or
 * a shared web server would), with byte ranges, and nothing else — no rewrites, no fallbacks.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.fgb': 'application/octet-stream',
};

export interface StaticServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** A file that vanishes mid-answer (a rebuild of the folder) ends the answer, not the process. */
function pipeFile(stream: ReturnType<typeof createReadStream>, res: ServerResponse): void {
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** `headers`: sent with every file (e.g. `Access-Control-Allow-Origin` for pages of other origins). */
export async function serveStatic(folder: string, basePath = '/', { headers: extra = {} }: { headers?: Record<string, string> } = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!pathname.startsWith(basePath)) {
      res.writeHead(404).end('not found');
      return;
    }
    let relative = pathname.slice(basePath.length) === '' ? '' : normalize(pathname.slice(basePath.length)).replace(/^(\.\.[/\\])+/, '');
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = join(folder, relative);
    if (!file.startsWith(folder) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    const size = statSync(file).size;
    const headers = { ...extra, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes' };
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    if (range) {
      const start = range[1] ? Number(range[1]) : size - Number(range[2]);
      const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
      pipeFile(createReadStream(file, { start, end }), res);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': size });
    if (req.method === 'HEAD') res.end();
    else pipeFile(createReadStream(file), res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
