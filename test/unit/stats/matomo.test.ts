import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { FIXTURES, startMatomo, TOKEN, type MatomoStub } from './matomo-server.js';

const MAPS = join(FIXTURES, 'maps');
let folder: string;
let stub: MatomoStub | undefined;
const saved = process.env.CARTABLE_MATOMO_TOKEN;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'cartable-stats-'));
  process.env.CARTABLE_MATOMO_TOKEN = TOKEN;
});
afterEach(async () => {
  await stub?.close();
  stub = undefined;
  rmSync(folder, { recursive: true, force: true });
  if (saved === undefined) delete process.env.CARTABLE_MATOMO_TOKEN;
  else process.env.CARTABLE_MATOMO_TOKEN = saved;
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const figuresOf = (dir: string): Record<string, unknown> => {
  const { input: _input, ...rest } = JSON.parse(readFileSync(join(dir, 'figures.json'), 'utf8'));
  return rest;
};

describe('cartable stats from Matomo (recorded answers, local server)', () => {
  it('gives the same figures and CSV files as the stored events of the same visits', async () => {
    stub = await startMatomo();
    const fromMatomo = await run(['stats', '--year', '2026', '--matomo', stub.url, '--site', '3', '--maps', MAPS, '-o', folder]);
    expect(fromMatomo.code, fromMatomo.err).toBe(0);
    const events = mkdtempSync(join(tmpdir(), 'cartable-stats-events-'));
    try {
      expect((await run(['stats', '--year', '2026', '--events', join(FIXTURES, 'events'), '--maps', MAPS, '-o', events])).code).toBe(0);
      expect(figuresOf(folder)).toEqual(figuresOf(events));
      for (const file of ['consultations-par-mois.csv', 'cartes-les-plus-consultees.csv', 'telechargements.csv', 'integrations.csv', 'fiches-de-metadonnees.csv', 'cartes-restreintes-par-mois.csv']) {
        expect(readFileSync(join(folder, file), 'utf8'), file).toBe(readFileSync(join(events, file), 'utf8'));
      }
    } finally {
      rmSync(events, { recursive: true, force: true });
    }
    expect(JSON.parse(readFileSync(join(folder, 'figures.json'), 'utf8')).input).toEqual({ source: 'matomo', unreadableLines: 0 });
    // The token goes in the POST body, never in the address.
    expect(stub.requests.every((r) => r.get('token_auth') === TOKEN && r.get('idSite') === '3' && r.get('format') === 'JSON')).toBe(true);
    expect(stub.requests.map((r) => r.get('method'))).toEqual(expect.arrayContaining(['Actions.getPageUrls', 'Actions.getDownloads', 'Actions.getOutlinks', 'Events.getAction']));
  });

  it('asks partial months with period=range', async () => {
    stub = await startMatomo();
    const result = await run(['stats', '--from', '2026-01-10', '--to', '2026-03-31', '--matomo', stub.url, '--site', '3', '--maps', MAPS, '-o', folder]);
    expect(result.code, result.err).toBe(0);
    const pages = stub.requests.filter((r) => r.get('method') === 'Actions.getPageUrls').map((r) => `${r.get('period')} ${r.get('date')}`);
    expect(pages.slice(0, 2)).toEqual(['month 2026-02-01,2026-03-31', 'range 2026-01-10,2026-01-31']);
  });

  const failures: Array<[string, (p: URLSearchParams) => { status: number; body: string } | undefined, RegExp]> = [
    ['a refused token (HTTP 401)', () => ({ status: 401, body: '' }), /refused the token \(HTTP 401\): check CARTABLE_MATOMO_TOKEN/],
    ['an error answer naming the token', () => ({ status: 200, body: JSON.stringify({ result: 'error', message: `token_auth ${TOKEN} is not valid` }) }), /answered an error to Actions\.getPageUrls: token_auth \*\*\* is not valid/],
    ['an answer that is not JSON', () => ({ status: 200, body: '<html>login</html>' }), /is not JSON/],
    ['a server error', () => ({ status: 500, body: 'oops' }), /answered HTTP 500/],
  ];
  for (const [what, answer, message] of failures) {
    it(`stops with exit 1 on ${what}, without printing the token`, async () => {
      stub = await startMatomo(answer);
      const result = await run(['stats', '--year', '2026', '--matomo', stub.url, '--site', '3', '--maps', MAPS, '-o', folder]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(message);
      expect(result.err + result.out).not.toContain(TOKEN);
      expect(result.err).not.toMatch(/\n\s+at /);
    });
  }

  it('stops with exit 1 when Matomo cannot be reached', async () => {
    stub = await startMatomo();
    const url = stub.url;
    await stub.close();
    stub = undefined;
    const result = await run(['stats', '--year', '2026', '--matomo', url, '--site', '3', '--maps', MAPS, '-o', folder]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cannot reach Matomo at http:\/\/127\.0\.0\.1:\d+/);
    expect(result.err).not.toContain(TOKEN);
  });

  it('needs the token in the environment', async () => {
    delete process.env.CARTABLE_MATOMO_TOKEN;
    const result = await run(['stats', '--year', '2026', '--matomo', 'http://127.0.0.1:9/', '--site', '3', '--maps', MAPS, '-o', folder]);
    expect(result.code).toBe(2);
    expect(result.err).toContain('set the environment variable CARTABLE_MATOMO_TOKEN');
  });
});
