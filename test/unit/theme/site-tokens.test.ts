/** The site's tokens the build hands the viewer: the defaults, its preset's, then its own. */
import { describe, expect, it } from 'vitest';
import { dsfrTokens } from '../../../src/theme/presets/dsfr.js';
import { showsStateIdentity, sitePreset } from '../../../src/theme/presets/site-preset.js';
import { resolveTheme } from '../../../src/theme/tokens.js';

describe('the site’s tokens', () => {
  it('are the dsfr preset’s, the site’s own tokens taking precedence, without the preset’s name', () => {
    const tokens: Record<string, string> = resolveTheme({ preset: 'dsfr', '--cartable-accent': '#6a6af4' });
    expect(tokens['--cartable-accent']).toBe('#6a6af4');
    expect(tokens['--cartable-header-bg']).toBe(dsfrTokens['--cartable-header-bg']);
    expect(tokens).not.toHaveProperty('preset');
  });

  it('are the defaults and the site’s own, without a preset', () => {
    expect(resolveTheme({ '--cartable-accent': '#123456' })['--cartable-accent']).toBe('#123456');
    expect(sitePreset({ theme: {} })).toBeUndefined();
  });

  it('show the State identity only for a State service in the dsfr preset', () => {
    expect(showsStateIdentity({ theme: { preset: 'dsfr' }, stateService: {} })).toBe(true);
    expect(showsStateIdentity({ theme: { preset: 'dsfr' } })).toBe(false);
    expect(showsStateIdentity({ theme: {}, stateService: {} })).toBe(false);
  });
});
