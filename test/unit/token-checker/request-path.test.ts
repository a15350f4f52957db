import { describe, expect, it } from 'vitest';
import { normaliseBasePath, requestedFile } from '../../../src/token-checker/request-path.js';

describe('the file a request asks for (X-Original-URI)', () => {
  it('is the path under the base path when it is one clean path', () => {
    expect(requestedFile('/cartes-restreint/maps/secret.json', '/cartes-restreint/')).toBe('maps/secret.json');
    expect(requestedFile('/cartes-restreint/catalogs/YWdlbnRz.json', '/cartes-restreint/')).toBe('catalogs/YWdlbnRz.json');
    expect(requestedFile('/cartes-restreint/data/données.json', '/cartes-restreint/')).toBe('data/données.json');
  });

  it('is nothing for anything nginx should have normalised, or outside the base path', () => {
    const refused = [
      '/cartes-restreint/maps/secret.json?x=1',
      '/cartes-restreint/maps//secret.json',
      '/cartes-restreint//maps/secret.json',
      '/cartes-restreint/maps/%73ecret.json',
      '/cartes-restreint/maps/../maps/secret.json',
      '/cartes-restreint/./maps/secret.json',
      '/cartes-restreint/maps\\secret.json',
      '/cartes-restreint/maps/secret.json/',
      '/cartes-restreint/maps/secret.json#x',
      '/cartes-restreint/maps/secret\u0000.json',
      '/cartes-restreint/maps/\ufffd.json',
      '/cartes-restreint/',
      '/cartes-restreint',
      '/autre/maps/secret.json',
      '/cartes-restreinte/maps/secret.json',
      '',
    ];
    for (const uri of refused) expect([uri, requestedFile(uri, '/cartes-restreint/')]).toEqual([uri, undefined]);
  });

  it('takes the base path with or without its slashes', () => {
    expect(normaliseBasePath('cartes-restreint')).toBe('/cartes-restreint/');
    expect(normaliseBasePath('/a/b/')).toBe('/a/b/');
    expect(normaliseBasePath('/')).toBe('/');
    expect(requestedFile('/catalog.json', normaliseBasePath('/'))).toBe('catalog.json');
  });
});
