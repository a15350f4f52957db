/** The site setting that opens adding layers to any https service widens the Content-Security-Policy, and only then. */
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../plugin/deploy.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';

const site = (extra: Record<string, unknown> = {}) => {
  const result = validateSiteConfig({ version: 1, name: 'Test', allowedOrigins: [{ origin: 'https://data.geopf.fr', use: ['data'] }], ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
};
const directive = (csp: string, name: string): string[] => csp.split('; ').find((d) => d.startsWith(`${name} `))!.split(' ').slice(1);

describe('addLayers in the site configuration', () => {
  it('defaults to the listed origins only', () => {
    const config = site();
    expect(config.addLayers).toEqual({ enabled: true, anyHttpsService: false });
    const csp = contentSecurityPolicy(config);
    expect(directive(csp, 'connect-src')).not.toContain('https:');
    expect(directive(csp, 'img-src')).not.toContain('https:');
  });

  it('anyHttpsService allows https: in connect-src and img-src, nothing else', () => {
    const csp = contentSecurityPolicy(site({ addLayers: { anyHttpsService: true } }));
    expect(directive(csp, 'connect-src')).toContain('https:');
    expect(directive(csp, 'img-src')).toContain('https:');
    expect(directive(csp, 'script-src')).toEqual(["'self'"]);
    expect(directive(csp, 'frame-ancestors')).not.toContain('https:');
  });

  it('refuses unknown settings', () => {
    expect(validateSiteConfig({ version: 1, name: 'T', addLayers: { anyService: true } }).ok).toBe(false);
  });
});
