import { describe, expect, it } from 'vitest';
import { safeReturnUrl, withoutCallbackParams } from '../../../src/auth/return-url.js';
import { isCallback } from '../../../src/auth/start.js';

const ROOT = 'https://cartes.example.org/cartes/';

describe('safeReturnUrl (no open redirect)', () => {
  it('keeps a page of the site, with its state', () => {
    expect(safeReturnUrl('https://cartes.example.org/cartes/?map=geosites&lang=en', ROOT)).toBe('https://cartes.example.org/cartes/?map=geosites&lang=en');
    expect(safeReturnUrl('https://cartes.example.org/cartes/maps/geosites.html', ROOT)).toBe('https://cartes.example.org/cartes/maps/geosites.html');
    expect(safeReturnUrl('maps/geosites.html', ROOT)).toBe('https://cartes.example.org/cartes/maps/geosites.html');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/cartes/',
    'https://cartes.example.org.evil.example/cartes/',
    'https://cartes.example.org@evil.example/cartes/',
    'http://cartes.example.org/cartes/', // Another scheme is another origin.
    'https://cartes.example.org:8443/cartes/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://cartes.example.org/autre-site/',
    'https://cartes.example.org/cartes/../admin/',
    '/cartes/%2e%2e/admin/',
    'https://cartes.example.org/cartesX/',
  ])('refuses %s (falls back to the root)', (attacker) => {
    const result = safeReturnUrl(attacker, ROOT);
    expect(new URL(result).origin).toBe('https://cartes.example.org');
    expect(new URL(result).pathname.startsWith('/cartes/')).toBe(true);
    expect(result).toBe(ROOT);
  });

  it('falls back to the root for nothing or garbage', () => {
    expect(safeReturnUrl(undefined, ROOT)).toBe(ROOT);
    expect(safeReturnUrl('', ROOT)).toBe(ROOT);
    expect(safeReturnUrl('http://[', ROOT)).toBe(ROOT);
  });

  it('drops the callback parameters and the fragment', () => {
    expect(safeReturnUrl('https://cartes.example.org/cartes/?map=a&code=x&state=y&iss=z#frag', ROOT)).toBe('https://cartes.example.org/cartes/?map=a');
    expect(withoutCallbackParams('https://cartes.example.org/cartes/?code=x&state=y&lang=en')).toBe('https://cartes.example.org/cartes/?lang=en');
  });
});

describe('isCallback', () => {
  it('is the root page with state and code (or error)', () => {
    expect(isCallback(new URL(`${ROOT}?code=a&state=b`), ROOT)).toBe(true);
    expect(isCallback(new URL(`${ROOT}?error=access_denied&state=b`), ROOT)).toBe(true);
    expect(isCallback(new URL(`${ROOT}?state=b`), ROOT)).toBe(false);
    expect(isCallback(new URL(`${ROOT}maps/x.html?code=a&state=b`), ROOT)).toBe(false);
    expect(isCallback(new URL(`${ROOT}?map=x`), ROOT)).toBe(false);
  });
});
