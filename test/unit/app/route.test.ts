import { describe, expect, it } from 'vitest';
import { isAllowedDocumentUrl } from '../../../src/app/load.js';
import { readLanguage, readRoute } from '../../../src/app/route.js';
import { safeUrl } from '../../../src/ui/safe-url.js';
import { foldText, matchesAllWords } from '../../../src/search/normalize.js';

describe('readRoute', () => {
  it('opens the studio, empty or on a map of the site, but never on a map page', () => {
    expect(readRoute(url('?studio'), null)).toEqual({ kind: 'studio', mapId: undefined });
    expect(readRoute(url('?studio=geosites'), null)).toEqual({ kind: 'studio', mapId: 'geosites' });
    expect(readRoute(url('?studio'), 'geosites')).toEqual({ kind: 'map', id: 'geosites' });
  });

  const url = (search: string) => new URL(`https://cartes.example.org/cartes/${search}`);
  it('reads the map from the page, then ?map=, then ?context=, else the catalog', () => {
    expect(readRoute(url('?map=a'), 'b')).toEqual({ kind: 'map', id: 'b' });
    expect(readRoute(url('?map=a'), null)).toEqual({ kind: 'map', id: 'a' });
    expect(readRoute(url('?context=docs/x.json'), null)).toEqual({ kind: 'document', url: 'docs/x.json' });
    expect(readRoute(url(''), null)).toEqual({ kind: 'catalog' });
  });

  it('tolerates foreign fragments and parameters', () => {
    expect(readRoute(url('?map=a&utm_source=x#?secret=abc'), null)).toEqual({ kind: 'map', id: 'a' });
  });

  it('reads a known language or falls back', () => {
    expect(readLanguage(url('?lang=en'), 'fr')).toBe('en');
    expect(readLanguage(url('?lang=xx'), 'fr')).toBe('fr');
    expect(readLanguage(url(''), 'en')).toBe('en');
  });
});

describe('isAllowedDocumentUrl', () => {
  const root = 'https://cartes.example.org/cartes/';
  it('accepts the site itself and the configured document origins only', () => {
    expect(isAllowedDocumentUrl('maps/x.json', root, [])).toBe(true);
    expect(isAllowedDocumentUrl('https://docs.example.org/x.json', root, ['https://docs.example.org'])).toBe(true);
    expect(isAllowedDocumentUrl('https://evil.test/x.json', root, ['https://docs.example.org'])).toBe(false);
    expect(isAllowedDocumentUrl('https://docs.example.org.evil.test/x.json', root, ['https://docs.example.org'])).toBe(false);
    expect(isAllowedDocumentUrl('javascript:alert(1)', root, [])).toBe(false);
    expect(isAllowedDocumentUrl('data:application/json,{}', root, [])).toBe(false);
  });
});

describe('safeUrl', () => {
  const base = 'https://cartes.example.org/cartes/maps/x.json';
  it('keeps http(s), mailto and tel, resolves relative URLs, drops the rest', () => {
    expect(safeUrl('https://a.example/b', base)).toBe('https://a.example/b');
    expect(safeUrl('../data/a.geojson', base)).toBe('https://cartes.example.org/cartes/data/a.geojson');
    expect(safeUrl('mailto:a@b.fr', base)).toBe('mailto:a@b.fr');
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,<script>', 'vbscript:x', undefined, '']) {
      expect(safeUrl(bad, base)).toBeUndefined();
    }
  });
});

describe('foldText', () => {
  it('folds case, accents, hyphens, apostrophes and saints', () => {
    expect(foldText("Saint-Étienne")).toBe('saint etienne');
    expect(foldText('St Étienne')).toBe('saint etienne');
    expect(foldText("Pic de l’Homme")).toBe('pic de l homme');
    expect(foldText('ŒUVRE')).toBe('oeuvre');
    expect(matchesAllWords(foldText('Géosites — patrimoine géologique'), 'geol patri')).toBe(true);
    expect(matchesAllWords(foldText('Nature & Paysage'), 'paysages')).toBe(false);
  });
});
