import { describe, expect, it } from 'vitest';
import { readFeatureRef, withFeatureRef } from '../../../src/state/feature-link.js';

describe('feature links', () => {
  it('round-trips a layer and a feature id, whatever characters they hold', () => {
    const url = withFeatureRef(new URL('https://x.example/cartes/maps/geosites.html?lang=en'), { layerId: 'geosites', featureId: 'PAC 0058/é~2' });
    expect(url.searchParams.get('lang')).toBe('en');
    expect(readFeatureRef(url)).toEqual({ layerId: 'geosites', featureId: 'PAC 0058/é~2' });
    expect(readFeatureRef(withFeatureRef(url, undefined))).toBeUndefined();
  });

  it('ignores malformed values', () => {
    for (const bad of ['geosites', '~PAC', 'geosites~', '']) {
      expect(readFeatureRef(new URL(`https://x.example/?feature=${encodeURIComponent(bad)}`))).toBeUndefined();
    }
  });
});
