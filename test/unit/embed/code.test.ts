import { describe, expect, it } from 'vitest';
import { embedUrl, iframeCode, type EmbedChoice } from '../../../src/embed/code.js';
import { DEFAULT_EMBED_CONTROLS } from '../../../src/embed/params.js';

/** An author's page with the layer panel open, a record, a filtered table, English, and the map's own state. */
const AUTHOR_PAGE = new URL(
  'https://cartes.example.org/maps/ecrins.html?map=ecrins&c=6.3,44.9&z=11&l=sites:0.5,routes&bm=ortho&add=wms~https%3A%2F%2Fw.example.org~eau' +
    '&panel=1&feature=sites~PAC0058&table=sites&tq=meije&tv.type=glacier&ts=-nom&tin=1&lang=en&utm_source=mail#?secret=1',
);
const CHOICE: EmbedChoice = { controls: DEFAULT_EMBED_CONTROLS, keepView: true, openPanel: false, language: 'fr' };

const codeFor = (choice: Partial<EmbedChoice>): string => iframeCode({ src: embedUrl(AUTHOR_PAGE, { ...CHOICE, ...choice }).href, title: 'Écrins' });
const srcOf = (code: string): URL => new URL(code.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&'));

describe('embed code', () => {
  it('leaves the author’s open panel, record, table and language out of the code', () => {
    const src = srcOf(codeFor({}));
    for (const key of ['panel', 'feature', 'table', 'tq', 'tv.type', 'ts', 'tin', 'utm_source']) expect(src.searchParams.has(key), key).toBe(false);
    expect(src.searchParams.get('lang')).toBe('fr');
    expect(src.hash).toBe('');
  });

  it('keeps the map itself: which map, its layers, basemap, added layers and (when kept) the view', () => {
    const src = srcOf(codeFor({}));
    expect(src.pathname).toBe('/maps/ecrins.html');
    expect(Object.fromEntries(['map', 'l', 'bm', 'add', 'c', 'z', 'embed'].map((k) => [k, src.searchParams.get(k)]))).toEqual({
      map: 'ecrins',
      l: 'sites:0.5,routes',
      bm: 'ortho',
      add: 'wms~https://w.example.org~eau',
      c: '6.3,44.9',
      z: '11',
      embed: '1',
    });
    const documentView = srcOf(codeFor({ keepView: false }));
    expect(['c', 'z', 'r'].some((k) => documentView.searchParams.has(k))).toBe(false);
  });

  it('opens the layer list only when the author ticks it, and only with the layer list shown', () => {
    expect(srcOf(codeFor({ openPanel: true })).searchParams.get('panel')).toBe('1');
    const withoutList = srcOf(codeFor({ openPanel: true, controls: { ...DEFAULT_EMBED_CONTROLS, layers: false } }));
    expect(withoutList.searchParams.has('panel')).toBe(false);
    expect(withoutList.searchParams.get('ctl.layers')).toBe('0');
  });

  it('writes the language the author picks', () => {
    expect(srcOf(codeFor({ language: 'en' })).searchParams.get('lang')).toBe('en');
  });
});
