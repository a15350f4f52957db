/**
 * The deployment recipe of the restricted output, run for real (skipped without nginx): the shipped
 * nginx server block (nginxRestrictedServer) and its auth_request, asking the project's token
 * checker (src/token-checker/), which verifies real JWTs against a JWKS on 127.0.0.1 and reads the
 * build's access.json. Every path trick × every kind of token gets its exact status; no answer but a
 * 200 carries a restricted byte; nothing is kept by any cache.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../plugin/deploy.js';
import { buildMaps } from '../../../plugin/maps.js';
import { restrictedOutputFiles } from '../../../plugin/restricted-catalog.js';
import { writeRestrictedOutput } from '../../../plugin/restricted.js';
import { groupCatalogPath } from '../../../src/auth/restricted-catalogs.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import type { SiteConfig } from '../../../src/context/types.js';
import { AccessFile, mayRead } from '../../../src/token-checker/access-manifest.js';
import { createTokenChecker } from '../../../src/token-checker/server.js';
import { createTokenVerifier, DEFAULT_ALGORITHMS, remoteKeys } from '../../../src/token-checker/verify-token.js';
import { freePort, hasNginx } from '../../support/nginx.js';
import { serveRestrictedWithNginx, type RestrictedNginx } from '../../support/restricted-nginx.js';
import { AUDIENCE, ISSUER, startTestPlatform, type TestPlatform } from '../../support/test-tokens.js';
import { splitProject } from './restricted-fixtures.js';

const SITE_ORIGIN = 'https://cartes.example.fr';
const BASE_PATH = '/restreint/';
/** What only the restricted files say (the closed map's title, its records, a restricted layer). */
const SECRETS = ['Carte fermée secrète', 'Secret closed map', 'Falaise protégée', 'Note de terrain confidentielle', 'Notes des agents'];

interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

if (!hasNginx()) console.warn('nginx is not installed (Debian package nginx; .ci/run installs it): the tests of the restricted output behind nginx are skipped');
describe.skipIf(!hasNginx())('the restricted output behind nginx and the token checker', () => {
  let platform: TestPlatform;
  let checker: Server;
  let nginx: RestrictedNginx;
  let port: number;
  let prefix: string;
  let folder: string;
  let site: SiteConfig;
  let rules: Record<string, string[]>;
  const problems: string[] = [];
  const tokens: Record<string, string | undefined> = {};
  /** The groups of the valid tokens; the others are refused whatever they claim. */
  const GROUPS: Record<string, string[]> = { 'wrong group': ['visiteurs'], 'right group': ['visiteurs', 'agents'] };

  beforeAll(async () => {
    platform = await startTestPlatform();
    const checkerPort = await freePort();
    port = await freePort();
    const base = `http://127.0.0.1:${port}${BASE_PATH}`;
    const config = validateSiteConfig({
      version: 1,
      name: 'Essai',
      baseUrl: `${SITE_ORIGIN}/cartes/`,
      restricted: { url: base },
      allowedOrigins: [{ origin: `http://127.0.0.1:${port}`, use: ['credentials'] }],
      signIn: { issuer: 'https://auth.example.fr/realms/plateforme', clientId: 'cartable' },
    });
    if (!config.ok) throw new Error(JSON.stringify(config.problems));
    site = config.value;
    const root = splitProject();
    const { restricted } = buildMaps(join(root, 'maps'), root, { restrictedUrl: base });
    prefix = mkdtempSync(join(tmpdir(), 'cartable-restricted-'));
    folder = join(prefix, 'restreint');
    writeRestrictedOutput(folder, restrictedOutputFiles(restricted));
    rules = JSON.parse(readFileSync(join(folder, 'access.json'), 'utf8')).files;

    const tokenRules = { issuer: ISSUER, audience: AUDIENCE, algorithms: [...DEFAULT_ALGORITHMS], clockToleranceSeconds: 30, groupsClaim: 'groups' };
    const verify = createTokenVerifier(tokenRules, remoteKeys({ issuer: ISSUER, jwksUri: platform.jwksUri }));
    checker = createTokenChecker({ access: new AccessFile(join(folder, 'access.json')), basePath: BASE_PATH, verify, log: (line) => problems.push(line) });
    await new Promise<void>((resolve) => checker.listen(checkerPort, '127.0.0.1', resolve));
    nginx = await serveRestrictedWithNginx({ site, folder, checker: `http://127.0.0.1:${checkerPort}/check` });

    const now = Math.floor(Date.now() / 1000);
    Object.assign(tokens, {
      none: undefined,
      'wrong group': await platform.token(GROUPS['wrong group']!),
      'right group': await platform.token(GROUPS['right group']!),
      expired: await platform.token(['agents'], { iat: now - 7200, exp: now - 3600 }),
      'forged (another key)': await platform.forged(['agents']),
      'alg none': platform.unsigned(['agents']),
      'wrong issuer': await platform.token(['agents'], { iss: 'https://autre.example.fr/realms/plateforme' }),
      'wrong audience': await platform.token(['agents'], { aud: 'autre-service' }),
    });
  });

  afterAll(async () => {
    await nginx?.close();
    checker?.close();
    await platform?.close();
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  /** One request as sent, byte for byte (fetch would resolve `..` and re-encode the path). */
  const ask = (path: string, options: { method?: string; token?: string; headers?: Record<string, string> } = {}): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const headers = { Origin: SITE_ORIGIN, ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}), ...options.headers };
      const sent = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => resolve({ status: answer.statusCode!, headers: answer.headers, body: Buffer.concat(chunks) }));
      });
      sent.on('error', reject);
      sent.end();
    });

  it('answers 401 without a token and with a bad one, with CORS and WWW-Authenticate so the viewer can read it', async () => {
    for (const token of [undefined, 'forged']) {
      const answer = await ask(`${BASE_PATH}maps/fermee-secrete.json`, { token });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
      expect(answer.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
      expect(answer.headers['cache-control']).toBe('no-store');
    }
  });

  it('answers 403 to a person without the groups, the file to one with them, with no-store and CORS', async () => {
    expect((await ask(`${BASE_PATH}maps/fermee-secrete.json`, { token: tokens['wrong group'] })).status).toBe(403);
    const answer = await ask(`${BASE_PATH}maps/fermee-secrete.json`, { token: tokens['right group'] });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body.toString()).id).toBe('fermee-secrete');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    // The public map's full copy: any signed-in person.
    expect((await ask(`${BASE_PATH}maps/ouverte.json`, { token: tokens['wrong group'] })).status).toBe(200);
  });

  it('answers preflights without a token, for the site origin and the Authorization header', async () => {
    const answer = await ask(`${BASE_PATH}catalog.json`, { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(answer.status).toBe(204);
    expect(answer.headers['access-control-allow-origin']).toBe(SITE_ORIGIN);
    expect(answer.headers['access-control-allow-headers']).toBe('Authorization');
  });

  it('refuses every method but GET, HEAD and OPTIONS, even with a good token', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND']) {
      const answer = await ask(`${BASE_PATH}maps/fermee-secrete.json`, { method, token: tokens['right group'] });
      expect([method, answer.status, answer.headers.allow]).toEqual([method, 405, 'GET, HEAD, OPTIONS']);
      expect(SECRETS.some((s) => answer.body.toString().includes(s))).toBe(false);
    }
  });

  it('lets the site connect to the restricted output and the issuer', () => {
    const connect = contentSecurityPolicy(site).split('; ').find((d) => d.startsWith('connect-src'))!;
    expect(connect.split(' ')).toEqual(expect.arrayContaining([`http://127.0.0.1:${port}`, 'https://auth.example.fr']));
  });

  /** Ways to name a file: the ones nginx normalises to the file itself, and the ones that name no listed file. */
  const split = (path: string): [string, string] => [path.slice(0, path.lastIndexOf('/') + 1), path.slice(path.lastIndexOf('/') + 1)];
  const swapCase = (text: string): string => text.replace(/[a-z]/gi, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
  const TRICKS: ReadonlyArray<{ name: string; method?: string; uri: (path: string) => string; sameFile: boolean }> = [
    { name: 'plain', uri: (p) => `${BASE_PATH}${p}`, sameFile: true },
    { name: 'query', uri: (p) => `${BASE_PATH}${p}?x=1`, sameFile: true },
    { name: 'double slash', uri: (p) => `${BASE_PATH}${split(p)[0]}/${split(p)[1]}`, sameFile: true },
    { name: 'encoded letter', uri: (p) => `${BASE_PATH}${split(p)[0]}%${split(p)[1].charCodeAt(0).toString(16)}${split(p)[1].slice(1)}`, sameFile: true },
    { name: 'encoded slash', uri: (p) => `${BASE_PATH}${p.replace('/', '%2F')}`, sameFile: true },
    { name: 'dot segments', uri: (p) => `${BASE_PATH}x/./../${p}`, sameFile: true },
    { name: 'HEAD', method: 'HEAD', uri: (p) => `${BASE_PATH}${p}`, sameFile: true },
    { name: 'twice encoded', uri: (p) => `${BASE_PATH}${split(p)[0]}%25${split(p)[1].charCodeAt(0).toString(16)}${split(p)[1].slice(1)}`, sameFile: false },
    { name: 'case swapped', uri: (p) => `${BASE_PATH}${swapCase(p)}`, sameFile: false },
    { name: 'trailing slash', uri: (p) => `${BASE_PATH}${p}/`, sameFile: false },
    { name: 'backslash', uri: (p) => `${BASE_PATH}${split(p)[0]}\\${split(p)[1]}`, sameFile: false },
    { name: 'line break', uri: (p) => `${BASE_PATH}${p}%0D%0AX-Original-URI:%20${BASE_PATH}catalog.json`, sameFile: false },
  ];
  const TARGETS = [
    { name: 'a restricted map document', path: () => 'maps/fermee-secrete.json' },
    { name: 'a restricted data file', path: () => Object.keys(rules).find((p) => /^data\/fermee\./.test(p))! },
    { name: 'the catalog of the group « agents »', path: () => groupCatalogPath('agents') },
    { name: 'the catalog of anyone signed in', path: () => 'catalog.json' },
    { name: 'access.json', path: () => 'access.json' },
  ];
  const TOKENS = ['none', 'wrong group', 'right group', 'expired', 'forged (another key)', 'alg none', 'wrong issuer', 'wrong audience'];

  /** access.json is never served (404 wherever the path leads to it); else 401, then 403 unless the groups may read the very file. */
  function expectedStatus(path: string, trick: (typeof TRICKS)[number], token: string): number {
    if (path === 'access.json' && trick.sameFile) return 404;
    const groups = GROUPS[token];
    if (!groups) return 401;
    const needed = rules[path];
    return trick.sameFile && needed && mayRead(needed, groups) ? 200 : 403;
  }

  describe.each(TARGETS)('$name', (target) => {
    it.each(TOKENS)('token: %s — the exact status for every way of naming it, and no leak', async (token) => {
      const path = target.path();
      expect(path, 'the build wrote the file').toBeTruthy();
      const file = readFileSync(join(folder, path));
      const statuses: Record<string, number> = {};
      const expected: Record<string, number> = {};
      for (const trick of TRICKS) {
        const answer = await ask(trick.uri(path), { method: trick.method, token: tokens[token] });
        statuses[trick.name] = answer.status;
        expected[trick.name] = expectedStatus(path, trick, token);
        expect(answer.headers['cache-control'], `${trick.name}: Cache-Control`).toBe('no-store');
        if (answer.status === 200) {
          expect(answer.body.equals(trick.method === 'HEAD' ? Buffer.alloc(0) : file), `${trick.name}: the file itself`).toBe(true);
        } else {
          const body = answer.body.toString();
          expect(SECRETS.filter((s) => body.includes(s)), `${trick.name}: ${answer.status} leaks`).toEqual([]);
          expect(file.length > 64 && body.includes(file.toString().slice(0, 64)), `${trick.name}: ${answer.status} carries the file`).toBe(false);
        }
      }
      expect(statuses).toEqual(expected);
      expect(problems, 'the checker could always decide').toEqual([]);
    });
  });
});
