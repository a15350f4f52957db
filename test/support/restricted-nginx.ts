/**
 * The restricted output served as docs/deploy.md says, with real components on 127.0.0.1: nginx
 * running the shipped recipe (plugin/restricted-deploy.ts) in front of a token checker, and — for
 * end-to-end tests — the token checker started by the `cartable token-checker` command. nginx logs
 * every answer (method, raw URI, Authorization header, status) for the tests to read.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { nginxRestrictedServer } from '../../plugin/restricted-deploy.js';
import type { SiteConfig } from '../../src/context/types.js';
import { runNginx } from './nginx.js';

export interface RestrictedRequest {
  readonly method: string;
  /** The request's URI as it was sent (query included). */
  readonly path: string;
  readonly authorization?: string;
  readonly status: number;
}

export interface RestrictedNginx {
  /** The restricted output's URL (site.restricted.url). */
  readonly url: string;
  /** Every answer so far, oldest first (read from nginx's access log). */
  readonly requests: RestrictedRequest[];
  close(): Promise<void>;
}

/**
 * nginx serving `folder` at `site.restricted.url` (an http://127.0.0.1:<port>/… URL) with the shipped
 * recipe, asking the token checker at `checker`; CORS for the origin of `site.baseUrl`.
 */
export async function serveRestrictedWithNginx(options: { site: SiteConfig; folder: string; checker: string }): Promise<RestrictedNginx> {
  const url = new URL(options.site.restricted!.url);
  const prefix = mkdtempSync(join(tmpdir(), 'cartable-restricted-nginx-'));
  const server = nginxRestrictedServer(options.site, { root: options.folder, checker: options.checker, listen: `127.0.0.1:${url.port}` });
  const log = join(prefix, 'access.log');
  const entry = '{"method":"$request_method","path":"$request_uri","authorization":"$http_authorization","status":$status}';
  const config = join(prefix, 'nginx.conf');
  writeFileSync(
    config,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  log_format cartable escape=json '${entry}';
  access_log ${log} cartable;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
${server}
}
`,
  );
  // Up once it answers the checker's 401 to a request without a token.
  const running = await runNginx(prefix, config, url.href, (answer) => answer.status === 401);
  return {
    url: url.href,
    get requests(): RestrictedRequest[] {
      if (!existsSync(log)) return [];
      return readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const { authorization, ...rest } = JSON.parse(line) as RestrictedRequest & { authorization: string };
          return authorization ? { ...rest, authorization } : rest;
        });
    },
    close: running.close,
  };
}

const CARTABLE = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/cartable.js');

/** `cartable token-checker` with these options (see its --help), once it says it listens. */
export async function startTokenCheckerCommand(args: readonly string[]): Promise<{ close(): Promise<void> }> {
  const child = spawn(process.execPath, [CARTABLE, 'token-checker', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the token checker stopped (${code}): ${stderr}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('token-checker: listening')) resolve();
    });
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
