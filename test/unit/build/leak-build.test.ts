/**
 * The whole build, run once with a site configuration whose name repeats a restricted map's title:
 * the leak check must stop it and leave no public output that a later step could deploy.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { build } from 'vite';

const ROOT = resolve(import.meta.dirname, '../../..');
const work = mkdtempSync(join(tmpdir(), 'cartable-leak-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('a build whose public output holds a restricted title fails and empties that output', async () => {
  const restricted = JSON.parse(readFileSync(join(ROOT, 'maps/sites-sensibles-agents.json'), 'utf8')) as { title: { fr: string } };
  const site = JSON.parse(readFileSync(join(ROOT, 'site.config.json'), 'utf8')) as Record<string, unknown>;
  delete site.$schema;
  const config = join(work, 'site.config.json');
  writeFileSync(config, JSON.stringify({ ...site, name: { fr: restricted.title.fr, en: 'Leak' } }));
  const outDir = join(work, 'dist');
  const previous = process.env.CARTABLE_SITE_CONFIG;
  process.env.CARTABLE_SITE_CONFIG = config;
  try {
    await expect(
      build({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } }),
    ).rejects.toThrow(/restricted string\(s\)[\s\S]*was emptied/);
  } finally {
    if (previous === undefined) delete process.env.CARTABLE_SITE_CONFIG;
    else process.env.CARTABLE_SITE_CONFIG = previous;
  }
  expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
}, 180_000);
