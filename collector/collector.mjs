#!/usr/bin/env node
// @ts-check
/**
 * Cartable's reference collector of usage events (README « Rapport d'usage : le collecteur »): receives
 * the batches the viewer POSTs (`{"events":[…]}` as text/plain), keeps the events the schema allows
 * (events-schema.mjs), appends them to `<dir>/YYYY-MM-DD.ndjson` (UTC day of receipt, one event per
 * line) and answers 204 once they are written. Never stores an address, a header or an unknown field;
 * the client address is used in memory only, for the rate limit. Node ≥ 20, no dependency.
 *
 *   node collector/collector.mjs --dir ./events [--port 8787] [--host 127.0.0.1] [--origin https://…]
 */
import { mkdirSync, realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { storedEvent } from './events-schema.mjs';

/**
 * @typedef {object} CollectorOptions
 * @property {string} dir Where the day files are written (made when missing).
 * @property {number} [port] 0 (default): any free port.
 * @property {string} [host] Default 127.0.0.1.
 * @property {readonly string[]} [allowedOrigins] Origins answered with Access-Control-Allow-Origin (never `*`).
 * @property {number} [maxBodyBytes] Larger bodies get 413, unread (default 64 KiB).
 * @property {number} [maxEventsPerBatch] More events in one body: 413 (default 200).
 * @property {number} [ratePerMinute] Batches per client address per minute (default 120); then 429.
 * @property {number} [maxClients] Addresses counted separately (default 10,000); the others share one count.
 * @property {boolean} [trustProxy] Take the client from X-Real-IP when the request comes from the
 *   loopback (a reverse proxy on the same machine); default false.
 * @property {() => Date} [clock] The time (day files, time window, rate minute).
 * @property {(line: string) => void} [log] Where failures to write are said (default stderr).
 */

/**
 * @typedef {object} Collector
 * @property {string} url `http://host:port/`
 * @property {() => Promise<void>} close Stops listening, ends connections, waits for pending writes.
 * @property {() => number} trackedClients How many entries the rate table holds (for tests).
 */

const PATHS = new Set(['/', '/events']);
const TYPES = new Set(['text/plain', 'application/json']);
const OVERFLOW = '\0overflow';

/**
 * @param {CollectorOptions} options
 * @returns {Promise<Collector>}
 */
export async function startCollector({
  dir,
  port = 0,
  host = '127.0.0.1',
  allowedOrigins = [],
  maxBodyBytes = 64 * 1024,
  maxEventsPerBatch = 200,
  ratePerMinute = 120,
  maxClients = 10_000,
  trustProxy = false,
  clock = () => new Date(),
  log = (line) => process.stderr.write(`${line}\n`),
}) {
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  const origins = new Set(allowedOrigins);
  /** Batches per client in the current minute; emptied when the minute changes. */
  const counts = new Map();
  let minute = -1;
  /** Writes, one after the other: two batches never interleave their lines. */
  let writing = Promise.resolve();

  /** @param {import('node:http').IncomingMessage} req @returns {boolean} true when over the rate */
  function overRate(req) {
    const now = Math.floor(clock().getTime() / 60_000);
    if (now !== minute) {
      minute = now;
      counts.clear();
    }
    let client = req.socket.remoteAddress ?? '';
    const real = req.headers['x-real-ip'];
    if (trustProxy && typeof real === 'string' && real && /^(127\.|::1$|::ffff:127\.)/.test(client)) client = real.trim().slice(0, 64);
    if (!counts.has(client) && counts.size >= maxClients) client = OVERFLOW;
    const count = (counts.get(client) ?? 0) + 1;
    counts.set(client, count);
    return count > ratePerMinute;
  }

  /** @param {string} lines @param {Date} received */
  function append(lines, received) {
    const file = join(folder, `${received.toISOString().slice(0, 10)}.ndjson`);
    const done = writing.then(async () => {
      const handle = await open(file, 'a', 0o640);
      try {
        await handle.appendFile(lines);
        await handle.datasync();
      } finally {
        await handle.close();
      }
    });
    writing = done.catch(() => undefined);
    return done;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  function handle(req, res) {
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    const origin = req.headers.origin;
    if (typeof origin === 'string' && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Expose-Headers', 'X-Cartable-Dropped');
    }
    /** @param {number} status @param {string} [text] @param {Record<string, string>} [headers] */
    const answer = (status, text, headers = {}) => {
      if (res.headersSent) return;
      res.writeHead(status, { 'Cache-Control': 'no-store', ...(text ? { 'Content-Type': 'text/plain; charset=utf-8' } : {}), ...headers });
      res.end(text ? `${text}\n` : undefined);
    };
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path === '/health') {
      if (req.method === 'GET' || req.method === 'HEAD') return answer(200, 'ok');
      return answer(405, 'method not allowed', { Allow: 'GET, HEAD' });
    }
    if (!PATHS.has(path)) return answer(404, 'not found');
    if (req.method === 'OPTIONS') {
      return answer(204, undefined, { Allow: 'POST, OPTIONS', 'Access-Control-Allow-Methods': 'POST', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Max-Age': '86400' });
    }
    if (req.method !== 'POST') return answer(405, 'method not allowed', { Allow: 'POST, OPTIONS' });
    /** An answer before the body was read: the connection is closed, the rest never read. */
    const refuse = (/** @type {number} */ status, /** @type {string} */ text, headers = {}) => {
      req.removeAllListeners('data');
      req.pause();
      res.once('finish', () => req.destroy());
      answer(status, text, { Connection: 'close', ...headers });
    };
    if (overRate(req)) {
      const wait = 60 - (Math.floor(clock().getTime() / 1000) % 60);
      return refuse(429, 'too many batches, try again later', { 'Retry-After': String(wait) });
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!TYPES.has(type)) return refuse(415, 'expected text/plain or application/json');
    const declared = Number(req.headers['content-length']);
    if (declared > maxBodyBytes) return refuse(413, `body larger than ${maxBodyBytes} bytes`);
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        chunks.length = 0;
        refuse(413, `body larger than ${maxBodyBytes} bytes`);
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.headersSent) return;
      const received = clock();
      let body;
      try {
        body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        return answer(400, 'expected JSON text in UTF-8');
      }
      const events = body !== null && typeof body === 'object' && !Array.isArray(body) ? body.events : undefined;
      if (!Array.isArray(events)) return answer(400, 'expected {"events": [...]}');
      if (events.length > maxEventsPerBatch) return answer(413, `more than ${maxEventsPerBatch} events in one batch`);
      const lines = events.map((event) => storedEvent(event, received)).filter((event) => event !== undefined).map((event) => `${JSON.stringify(event)}\n`);
      const dropped = String(events.length - lines.length);
      if (!lines.length) return answer(204, undefined, { 'X-Cartable-Dropped': dropped });
      append(lines.join(''), received).then(
        () => answer(204, undefined, { 'X-Cartable-Dropped': dropped }),
        (/** @type {Error} */ error) => {
          log(`collector: cannot write the events: ${error.message}`);
          answer(503, 'cannot store the events now', { 'Retry-After': '60' });
        },
      );
    });
  }

  const server = createServer({ requestTimeout: 15_000, headersTimeout: 10_000 }, handle);
  server.maxConnections = 1000;
  server.on('clientError', (_error, socket) => {
    if (socket.writable && !socket.writableEnded) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    socket.destroy();
  });
  await new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done(undefined);
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${bound}/`,
    trackedClients: () => counts.size,
    async close() {
      await new Promise((done) => {
        server.close(() => done(undefined));
        server.closeAllConnections();
      });
      await writing;
    },
  };
}

export const COLLECTOR_USAGE = `Usage: cartable collect --dir <folder> [options]
       node collector/collector.mjs --dir <folder> [options]

Receives the viewer's usage events (site.config.json "analytics": {"type": "endpoint", "url": …}) and
appends them to <folder>/YYYY-MM-DD.ndjson, one event per line (read them with cartable stats).

Options:
  --dir <folder>       Where the day files are written (required)
  --port <n>           Port (default 8787)
  --host <address>     Address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
  --origin <origin>    A site allowed to read the answers (CORS); repeat for several
  --max-body <bytes>   Largest body (default 65536)
  --rate <n>           Batches per client per minute (default 120)
  --trust-proxy        Behind a reverse proxy on this machine: the client is its X-Real-IP header
`;

/**
 * Runs the collector from command-line arguments until SIGINT or SIGTERM; resolves with the exit
 * code (2 for wrong usage, said on `io.err`).
 * @param {readonly string[]} argv
 * @param {{ out: (text: string) => void, err: (text: string) => void }} io
 * @returns {Promise<number>}
 */
export async function runCollector(argv, io) {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        dir: { type: 'string' },
        port: { type: 'string', default: '8787' },
        host: { type: 'string', default: '127.0.0.1' },
        origin: { type: 'string', multiple: true },
        'max-body': { type: 'string', default: '65536' },
        rate: { type: 'string', default: '120' },
        'trust-proxy': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    io.err(`collect: ${/** @type {Error} */ (error).message} (see --help)\n`);
    return 2;
  }
  if (values.help) {
    io.out(COLLECTOR_USAGE);
    return 0;
  }
  /** @param {string} name @param {string} value @param {number} min @param {number} max */
  const whole = (name, value, min, max) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`--${name} ${value}: expected a whole number from ${min} to ${max}`);
    return n;
  };
  let collector;
  try {
    if (!values.dir) throw new RangeError('--dir <folder> is required');
    const origins = values.origin ?? [];
    for (const origin of origins) {
      if (!/^https?:\/\/[^/]+$/.test(origin)) throw new RangeError(`--origin ${origin}: expected an origin like https://cartes.example.fr`);
    }
    const options = {
      dir: values.dir,
      port: whole('port', values.port, 0, 65535),
      host: values.host,
      allowedOrigins: origins,
      maxBodyBytes: whole('max-body', values['max-body'], 1024, 10 * 1024 * 1024),
      ratePerMinute: whole('rate', values.rate, 1, 1_000_000),
      trustProxy: values['trust-proxy'],
      log: (/** @type {string} */ line) => io.err(`${line}\n`),
    };
    collector = await startCollector(options).catch((/** @type {Error} */ error) => {
      throw new Error(`cannot listen on ${values.host}:${values.port} or write to ${values.dir}: ${error.message}`);
    });
  } catch (error) {
    io.err(`collect: ${/** @type {Error} */ (error).message}\n`);
    return error instanceof RangeError ? 2 : 1;
  }
  io.out(`collect: listening on ${collector.url}, writing to ${resolve(values.dir ?? '')}/YYYY-MM-DD.ndjson\n`);
  const running = collector;
  return new Promise((done) => {
    const stop = () => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      running.close().then(() => done(0), () => done(1));
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}

/** @returns {boolean} whether this file is the program node runs */
function runDirectly() {
  try {
    return Boolean(process.argv[1]) && realpathSync(process.argv[1] ?? '') === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}
if (runDirectly()) {
  const io = { out: (/** @type {string} */ text) => process.stdout.write(text), err: (/** @type {string} */ text) => process.stderr.write(text) };
  process.exitCode = await runCollector(process.argv.slice(2), io);
}
