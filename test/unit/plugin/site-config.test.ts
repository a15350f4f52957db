import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSiteConfig, siteConfigPath } from '../../../plugin/site.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('the site configuration file', () => {
  const previous = process.env.CARTABLE_SITE_CONFIG;
  afterEach(() => {
    if (previous === undefined) delete process.env.CARTABLE_SITE_CONFIG;
    else process.env.CARTABLE_SITE_CONFIG = previous;
  });

  it('is site.config.json unless CARTABLE_SITE_CONFIG names another (absolute or relative to the project)', () => {
    expect(siteConfigPath('/p', {})).toBe('/p/site.config.json');
    expect(siteConfigPath('/p', { CARTABLE_SITE_CONFIG: 'test/site.json' })).toBe('/p/test/site.json');
    expect(siteConfigPath('/p', { CARTABLE_SITE_CONFIG: '/tmp/x.json' })).toBe('/tmp/x.json');
  });

  it('builds a copy of the site with another configuration, its problems named after its file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cartable-site-'));
    try {
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify({ version: 1, name: 'Essai', analytics: { type: 'endpoint', url: 'https://stats.example.fr/c' } }));
      process.env.CARTABLE_SITE_CONFIG = good;
      const { site, problems } = loadSiteConfig(ROOT);
      expect(problems).toEqual([]);
      expect(site?.analytics).toEqual({ type: 'endpoint', url: 'https://stats.example.fr/c', restrictedMaps: false });
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify({ version: 1, name: 'Essai', analytics: { type: 'endpoint', url: 'ftp://x' } }));
      process.env.CARTABLE_SITE_CONFIG = bad;
      const result = loadSiteConfig(ROOT);
      expect(result.site).toBeUndefined();
      expect(result.problems.join('\n')).toContain('bad.json: /analytics');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
