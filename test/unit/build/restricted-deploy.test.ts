/**
 * The deployment recipe of the restricted output, run in a real nginx (skipped without it): nothing
 * leaves without the token checker's yes, its 401/403 reach the browser, CORS answers the site's
 * origin only with Authorization allowed, access.json is never served. The token checker here is a
 * stub that reads access.json (the real one verifies JWTs: the end-to-end access test does that).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../build/deploy.js';
import { buildMaps } from '../../../build/maps.js';
import { nginxRestrictedServer } from '../../../build/restricted-deploy.js';
import { accessManifest, writeRestrictedOutput } from '../../../build/restricted.js';
import { validateSiteConfig } from '../../../src/context/validate.js';
import type { SiteConfig } from '../../../src/context/types.js';
import { hasNginx, NGINX } from '../../support/nginx.js';
import { splitProject } from './restricted-fixtures.js';

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe.skipIf(!hasNginx())('the restricted output behind nginx', () => {
  let prefix: string;
  let nginx: ChildProcess;
  let checker: Server;
  let base: string;
  let site: SiteConfig;

  beforeAll(async () => {
    prefix = mkdtempSync(join(tmpdir(), 'cartable-restricted-nginx-'));
    const [port, checkerPort] = [await freePort(), await freePort()];
    base = `http://127.0.0.1:${port}/restreint/`;
    const config = validateSiteConfig({
      version: 1,
      name: 'Essai',
      baseUrl: 'https://cartes.example.fr/cartes/',
      restricted: { url: base },
      allowedOrigins: [{ origin: `http://127.0.0.1:${port}`, use: ['credentials'] }],
      signIn: { issuer: 'https://auth.example.fr/realms/plateforme', clientId: 'cartable' },
    });
    if (!config.ok) throw new Error(JSON.stringify(config.problems));
    site = config.value;
    const root = splitProject();
    const { restricted } = buildMaps(join(root, 'maps'), root, { restrictedUrl: base });
    const folder = join(prefix, 'restreint');
    writeRestrictedOutput(folder, [
      { path: 'catalog.json', source: '{"version":1,"maps":[]}' },
      ...restricted.flatMap((m) => m.outputs),
      { path: 'access.json', source: JSON.stringify(accessManifest(restricted)) },
    ]);
    // The stub checker: "Bearer ok:<groups>" is a valid token of a person in those groups.
    const access = JSON.parse(readFileSync(join(folder, 'access.json'), 'utf8')).files as Record<string, string[]>;
    checker = createServer((req, res) => {
      const token = /^Bearer ok:(.*)$/.exec(req.headers.authorization ?? '');
      if (!token) {
        res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
        return res.end();
      }
      const needed = access[String(req.headers['x-original-uri']).replace('/restreint/', '')] ?? [];
      const groups = token[1]!.split(',');
      res.writeHead(needed.length && !needed.some((g) => groups.includes(g)) ? 403 : 204);
      res.end();
    }).listen(checkerPort, '127.0.0.1');
    const server = nginxRestrictedServer(site, { root: folder, checker: `http://127.0.0.1:${checkerPort}/check`, listen: `127.0.0.1:${port}` });
    const user = process.getuid?.() === 0 ? 'user root;\n' : '';
    writeFileSync(
      join(prefix, 'nginx.conf'),
      `${user}worker_processes 1;\ndaemon off;\npid ${prefix}/nginx.pid;\nerror_log ${prefix}/error.log warn;\nevents { worker_connections 64; }\nhttp {\n  include /etc/nginx/mime.types;\n  access_log off;\n  client_body_temp_path ${prefix}/body;\n  proxy_temp_path ${prefix}/proxy;\n  fastcgi_temp_path ${prefix}/fastcgi;\n  uwsgi_temp_path ${prefix}/uwsgi;\n  scgi_temp_path ${prefix}/scgi;\n${server}\n}\n`,
    );
    nginx = spawn(NGINX, ['-c', join(prefix, 'nginx.conf'), '-p', prefix, '-e', join(prefix, 'error.log')], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      try {
        await fetch(`${base}catalog.json`);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error('nginx did not start');
  });

  afterAll(async () => {
    nginx?.kill('SIGTERM');
    checker?.close();
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  const get = (path: string, token?: string) => fetch(`${base}${path}`, { headers: { Origin: 'https://cartes.example.fr', ...(token ? { Authorization: `Bearer ${token}` } : {}) } });

  it('answers 401 without a token and with a bad one, with CORS so the viewer can read it', async () => {
    for (const token of [undefined, 'forged']) {
      const answer = await get('maps/fermee-secrete.json', token);
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(answer.headers.get('access-control-allow-origin')).toBe('https://cartes.example.fr');
    }
  });

  it('answers 403 to a person without the groups, and the file to one with them', async () => {
    expect((await get('maps/fermee-secrete.json', 'ok:visiteurs')).status).toBe(403);
    const answer = await get('maps/fermee-secrete.json', 'ok:visiteurs,agents');
    expect(answer.status).toBe(200);
    expect((await answer.json()).id).toBe('fermee-secrete');
    expect(answer.headers.get('cache-control')).toBe('private, no-cache');
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://cartes.example.fr');
    // The public map's full copy: any signed-in person.
    expect((await get('maps/ouverte.json', 'ok:visiteurs')).status).toBe(200);
    expect((await get('catalog.json', 'ok:')).status).toBe(200);
  });

  it('answers preflights without a token, for the site origin and the Authorization header', async () => {
    const answer = await fetch(`${base}catalog.json`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://cartes.example.fr', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://cartes.example.fr');
    expect(answer.headers.get('access-control-allow-headers')).toBe('Authorization');
  });

  it('never serves access.json, and the site may connect to the restricted output and the issuer', async () => {
    expect((await get('access.json', 'ok:agents')).status).toBe(404);
    const connect = contentSecurityPolicy(site).split('; ').find((d) => d.startsWith('connect-src'))!;
    expect(connect.split(' ')).toEqual(expect.arrayContaining([new URL(base).origin, 'https://auth.example.fr']));
  });
});
