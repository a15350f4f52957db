import { describe, expect, it } from 'vitest';
import { wantsServiceWorker } from '../../../src/offline/wants-worker.js';

describe('wantsServiceWorker', () => {
  it('registers from every page of the site, from an iframe embed only when it asks for offline use', () => {
    expect(wantsServiceWorker(new URL('https://cartes.example/'))).toBe(true);
    expect(wantsServiceWorker(new URL('https://cartes.example/maps/geosites.html?c=1,2&z=5'))).toBe(true);
    expect(wantsServiceWorker(new URL('https://cartes.example/maps/geosites.html?embed=1'))).toBe(false);
    expect(wantsServiceWorker(new URL('https://cartes.example/maps/geosites.html?embed=1&offline=0'))).toBe(false);
    expect(wantsServiceWorker(new URL('https://cartes.example/maps/geosites.html?embed=1&offline=1'))).toBe(true);
  });
});
