import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { freePort } from '../../support/nginx.js';
import { startTokenCheckerCommand } from '../../support/restricted-nginx.js';

/** The command run in this process (settings are checked before it listens): its exit code and what it wrote. */
async function run(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(['token-checker', ...args], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { status, stdout, stderr };
}

describe('cartable token-checker', () => {
  const folder = mkdtempSync(join(tmpdir(), 'cartable-checker-cli-'));
  const access = join(folder, 'access.json');
  writeFileSync(access, JSON.stringify({ version: 1, files: { 'catalog.json': [] } }));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const needed = ['--access', access, '--base-path', '/cartes-restreint/', '--issuer', 'https://auth.example.fr/realms/p', '--audience', 'cartable'];

  it('says how to use it', async () => {
    const help = await run('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--groups-claim/);
  });

  it('refuses to start without what it needs, or with unsafe settings, in one sentence', async () => {
    const cases: Array<[string[], RegExp, number]> = [
      [needed.filter((_, i) => i > 1), /needs --access/, 2],
      [needed.slice(0, 6), /needs --audience/, 2],
      [[...needed, '--algorithms', 'HS256'], /HS256/, 2],
      [[...needed, '--algorithms', 'none'], /none/, 2],
      [[...needed, '--listen', 'partout'], /--listen partout/, 2],
      [[...needed, '--unknown'], /--unknown/, 2],
      [[...needed.slice(0, 1), join(folder, 'absent.json'), ...needed.slice(2)], /absent\.json/, 1],
    ];
    for (const [args, message, code] of cases) {
      const result = await run(...args);
      expect([args.join(' '), result.status]).toEqual([args.join(' '), code]);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('runs from bin/cartable.js, listening where it is told until it is stopped', async () => {
    const port = await freePort();
    const checker = await startTokenCheckerCommand([...needed, '--listen', `127.0.0.1:${port}`]);
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/check`, { headers: { 'X-Original-URI': '/cartes-restreint/catalog.json' } });
      expect(answer.status).toBe(401);
    } finally {
      await checker.close();
    }
  });
});
