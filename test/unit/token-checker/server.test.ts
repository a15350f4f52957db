import { request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAccessManifest } from '../../../src/token-checker/access-manifest.js';
import { createTokenChecker } from '../../../src/token-checker/server.js';
import { InvalidTokenError, KeysUnavailableError, type TokenVerifier } from '../../../src/token-checker/verify-token.js';

/** Tokens of this stand-in verifier: "ok.<group>.<group>…" is valid, "down" means the keys are out of reach. */
const verify: TokenVerifier = async (token) => {
  if (token === 'down') throw new KeysUnavailableError('keys out of reach');
  if (token !== 'ok' && !token.startsWith('ok.')) throw new InvalidTokenError('ERR_JWS_INVALID');
  return { groups: token.split('.').slice(1) };
};

describe('the token checker’s answers', () => {
  let server: Server;
  let port: number;
  let manifest: string | undefined;
  const logged: string[] = [];
  beforeAll(async () => {
    const access = {
      rules: () => {
        if (!manifest) throw new Error('access.json: missing');
        return parseAccessManifest(manifest);
      },
    };
    server = createTokenChecker({ access, basePath: '/restreint/', verify, log: (line) => logged.push(line) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => server?.close());

  /** nginx's question: the Authorization header, and the path as raw UTF-8 bytes in X-Original-URI. */
  const ask = (uri: string, authorization?: string): Promise<{ status: number; challenge?: string }> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string> = { 'X-Original-URI': Buffer.from(uri, 'utf8').toString('latin1') };
      if (authorization) headers.Authorization = authorization;
      const sent = request({ host: '127.0.0.1', port, path: '/check', headers }, (answer) => {
        answer.resume();
        answer.on('end', () => resolve({ status: answer.statusCode!, challenge: answer.headers['www-authenticate'] }));
      });
      sent.on('error', reject);
      sent.end();
    });

  it('204 for a listed file and the right groups, 403 otherwise, 401 with its challenge for a missing or bad token', async () => {
    manifest = JSON.stringify({ version: 1, files: { 'maps/a.json': ['agents'], 'data/données.geojson': [] } });
    expect(await ask('/restreint/maps/a.json', 'Bearer ok.agents')).toEqual({ status: 204 });
    expect(await ask('/restreint/maps/a.json', 'bearer ok.visiteurs.agents')).toEqual({ status: 204 });
    expect(await ask('/restreint/maps/a.json', 'Bearer ok.visiteurs')).toEqual({ status: 403 });
    expect(await ask('/restreint/maps/b.json', 'Bearer ok.agents')).toEqual({ status: 403 });
    expect(await ask('/restreint/data/données.geojson', 'Bearer ok')).toEqual({ status: 204 });
    for (const authorization of [undefined, 'Bearer nope', 'Basic b2s6YWdlbnRz', 'Bearer ok.agents extra', 'Bearer ']) {
      expect(await ask('/restreint/maps/a.json', authorization)).toEqual({ status: 401, challenge: 'Bearer error="invalid_token"' });
    }
    expect(logged).toEqual([]);
  });

  it('503 when it cannot decide (keys out of reach, access.json unreadable), and says why', async () => {
    manifest = JSON.stringify({ version: 1, files: { 'maps/a.json': [] } });
    expect(await ask('/restreint/maps/a.json', 'Bearer down')).toEqual({ status: 503 });
    manifest = undefined;
    expect(await ask('/restreint/maps/a.json', 'Bearer ok.agents')).toEqual({ status: 503 });
    expect(logged).toEqual(['token-checker: cannot decide: keys out of reach', 'token-checker: cannot decide: access rules unreadable: access.json: missing']);
  });
});
