/**
 * Serves a built site with a real nginx (Debian package) on loopback, under a sub-path, with the
 * site's Content-Security-Policy, gzip and cache headers — as a platform would deploy it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { contentSecurityPolicy, nginxConfig } from '../../plugin/deploy.js';
import type { SiteConfig } from '../../src/context/types.js';
import { validateSiteConfig } from '../../src/context/validate-site.js';
import { waitUntil } from './wait-until.js';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';
export const hasNginx = (): boolean => existsSync(NGINX);

export interface NginxServer {
  readonly url: string;
  readonly csp: string;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The site configuration the build used (defaults filled in). */
export function readSiteConfig(projectRoot: string): SiteConfig {
  const result = validateSiteConfig(JSON.parse(readFileSync(join(projectRoot, 'site.config.json'), 'utf8')));
  if (!result.ok) throw new Error(`site.config.json: ${JSON.stringify(result.problems)}`);
  return result.value;
}

const readLog = (prefix: string): string => {
  try {
    return readFileSync(join(prefix, 'error.log'), 'utf8').split('\n').slice(-5).join('\n');
  } catch {
    return '';
  }
};

export async function serveWithNginx(dist: string, basePath: string, site: SiteConfig): Promise<NginxServer> {
  const prefix = mkdtempSync(join(tmpdir(), 'cartable-nginx-'));
  const webRoot = join(prefix, 'www');
  const sitePath = join(webRoot, basePath.replace(/^\/|\/$/g, ''));
  mkdirSync(dirname(sitePath), { recursive: true });
  symlinkSync(dist, sitePath);
  const port = await freePort();
  const csp = contentSecurityPolicy(site);
  const config = join(prefix, 'nginx.conf');
  const user = process.getuid?.() === 0 ? 'root' : undefined;
  writeFileSync(config, nginxConfig({ root: webRoot, basePath, listen: `127.0.0.1:${port}`, csp, prefix, user }));
  const url = `http://127.0.0.1:${port}${basePath}`;
  const running = await runNginx(prefix, config, url, (answer) => answer.ok);
  return { url, csp, close: running.close };
}

/**
 * Starts nginx with a configuration written in `prefix` (which close() removes) and waits until `url`
 * gives an answer `ready` accepts.
 */
export async function runNginx(prefix: string, config: string, url: string, ready: (answer: Response) => boolean): Promise<{ close(): Promise<void> }> {
  const child: ChildProcess = spawn(NGINX, ['-c', config, '-p', prefix, '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  // nginx says nothing when it listens: ask until it answers (a refused connection means not yet).
  const outcome = await waitUntil(async () => (child.exitCode !== null ? 'stopped' : ready(await fetch(url)) && 'answers'), {
    what: `nginx to answer at ${url}`,
    everyMs: 100,
  }).catch(() => undefined);
  if (outcome === 'stopped') throw new Error(`nginx stopped: ${stderr} ${readLog(prefix)}`);
  if (!outcome) {
    child.kill('SIGKILL');
    throw new Error(`nginx did not answer at ${url}: ${stderr} ${readLog(prefix)}`);
  }
  return {
    async close() {
      child.kill('SIGQUIT');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
