import { describe, expect, it } from 'vitest';
import { foldText, foldWords } from '../../../src/search/normalize.js';
import { highlightParts } from '../../../src/search/highlight.js';
import { TextIndex, isSerialisedIndex, prefixWithinOneEdit, serialiseIndex, withinOneEdit, type IndexRecord } from '../../../src/search/text-index.js';

const PLACES: IndexRecord[] = [
  { text: 'Saint-Étienne', id: 1, point: [4.39, 45.43] },
  { text: 'Saint-Étienne-du-Grès', id: 2, point: [4.72, 43.78] },
  { text: 'Étienne', id: 3 },
  { text: 'Grenoble', id: 4, point: [5.71667, 45.16667] },
  { text: 'Gréoux-les-Bains', id: 5 },
  { text: 'Les Écrins', id: 6 },
  { text: 'Le Pic de l’Homme', id: 7 },
  { text: 'Lhomme', id: 8 },
  { text: 'Paris', id: 9 },
  { text: 'Parisot', id: 10 },
  { text: 'Pont-Saint-Esprit', id: 11 },
  { text: 'Œuilly', id: 12 },
];

const index = TextIndex.fromRecords(PLACES);
const top = (query: string, options = {}) => index.query(query, options).hits.map((h) => h.label);

describe('foldWords', () => {
  it('folds case, accents, ligatures, hyphens, apostrophes and "st"/"ste"', () => {
    expect(foldWords('Saint-Étienne')).toEqual(['saint', 'etienne']);
    expect(foldWords('St Étienne')).toEqual(['saint', 'etienne']);
    expect(foldWords('ste-Anne')).toEqual(['sainte', 'anne']);
    expect(foldWords("Pic de l’Homme")).toEqual(['pic', 'de', 'l', 'homme']);
    expect(foldWords("l'Homme")).toEqual(['l', 'homme']);
    expect(foldWords('ŒUVRE  Æ')).toEqual(['oeuvre', 'ae']);
    expect(foldWords('  ')).toEqual([]);
  });

  it('agrees with foldText on French names (and fixes its "\\bst" on non-ASCII letters)', () => {
    for (const name of ['Saint-Étienne-de-Saint-Geoirs', 'Aix-en-Provence', 'L’Haÿ-les-Roses', 'Châteauroux-les-Alpes']) {
      expect(foldWords(name).join(' ')).toBe(foldText(name));
    }
    expect(foldWords('Støren')).toEqual(['støren']);
  });
});

describe('edit distance', () => {
  it('accepts one insertion, deletion, substitution or swap, not two', () => {
    expect(withinOneEdit('grenble', 'grenoble')).toBe(true);
    expect(withinOneEdit('grenooble', 'grenoble')).toBe(true);
    expect(withinOneEdit('grenable', 'grenoble')).toBe(true);
    expect(withinOneEdit('gernoble', 'grenoble')).toBe(true);
    expect(withinOneEdit('grnble', 'grenoble')).toBe(false);
    expect(withinOneEdit('grenoble', 'grenoble')).toBe(true);
  });

  it('matches a prefix with one typo while typing', () => {
    expect(prefixWithinOneEdit('grenb', 'grenoble')).toBe(true);
    expect(prefixWithinOneEdit('gerno', 'grenoble')).toBe(true);
    expect(prefixWithinOneEdit('xyzab', 'grenoble')).toBe(false);
  });
});

describe('TextIndex', () => {
  it('matches case and accent insensitively, with abbreviations', () => {
    expect(top('ecrins')).toEqual(['Les Écrins']);
    expect(top('st etienne')[0]).toBe('Saint-Étienne');
    expect(top('SAINT ÉTIENNE')[0]).toBe('Saint-Étienne');
    expect(top('oeuilly')).toEqual(['Œuilly']);
  });

  it('matches prefixes while typing, every word of the query', () => {
    expect(top('gren')).toEqual(['Grenoble']);
    expect(top('st eti')).toEqual(['Saint-Étienne', 'Saint-Étienne-du-Grès']);
    expect(top('pont esp')).toEqual(['Pont-Saint-Esprit']);
    expect(top("l'homme")[0]).toBe('Le Pic de l’Homme');
    // « Lhomme » is « l homme » with a letter missing at the start of a word: a typo, ranked after.
    expect(index.query("l'homme").hits.map((h) => [h.label, h.typo])).toEqual([['Le Pic de l’Homme', false], ['Lhomme', true]]);
  });

  it('ranks the whole name first, then names that start with the query, then exact words, then the shortest', () => {
    expect(top('paris')).toEqual(['Paris', 'Parisot']);
    expect(top('etienne')).toEqual(['Étienne', 'Saint-Étienne', 'Saint-Étienne-du-Grès']);
  });

  it('forgives one typo in longer words, ranked after exact matches', () => {
    expect(top('grenble')).toEqual(['Grenoble']);
    expect(top('saint etinne')[0]).toBe('Saint-Étienne');
    expect(index.query('grenble').hits[0]!.typo).toBe(true);
    expect(top('pqris')).toEqual(['Paris', 'Parisot']);
    // Not in short words (under 5 letters), and not when told not to.
    expect(top('pxri')).toEqual([]);
    expect(top('grenble', { typos: false })).toEqual([]);
    // What matches without typo comes first.
    expect(index.query('pariso').hits.map((h) => [h.label, h.typo])).toEqual([['Parisot', false], ['Paris', true]]);
  });

  it('counts every match and returns at most `limit` hits', () => {
    const many = TextIndex.fromRecords(Array.from({ length: 50 }, (_, i) => ({ text: `Saint-Martin ${i}` })));
    const result = many.query('saint mar', { limit: 5 });
    expect(result.total).toBe(50);
    expect(result.hits).toHaveLength(5);
    expect(many.query('saint', { limit: 5, countLimit: 20 })).toMatchObject({ total: 20, more: true });
  });

  it('gives back ids, labels and points', () => {
    const hit = index.query('grenoble').hits[0]!;
    expect(hit).toMatchObject({ id: 4, label: 'Grenoble', point: [5.71667, 45.16667] });
    const labelled = TextIndex.fromRecords([{ text: 'Meije La Grave', label: 'La Meije (La Grave)', id: 'PAC0058' }]);
    expect(labelled.query('grave').hits[0]).toMatchObject({ label: 'La Meije (La Grave)', id: 'PAC0058' });
    expect(labelled.query('meije').hits[0]!.point).toBeUndefined();
  });

  it('serialises to plain JSON and loads back to the same answers', () => {
    const data = JSON.parse(JSON.stringify(index.serialise()));
    expect(isSerialisedIndex(data)).toBe(true);
    expect(data).toMatchObject({ format: 'cartable-search', version: 2 });
    expect(data.texts.split('\n')).toHaveLength(PLACES.length);
    const loaded = TextIndex.load(data);
    for (const q of ['st etienne', 'grenble', 'paris', "l'homme", 'ecr']) expect(loaded.query(q)).toEqual(index.query(q));
    expect(() => TextIndex.load({ format: 'other' } as never)).toThrow(/cartable-search/);
    expect(() => TextIndex.load({ format: 'cartable-search', version: 3, texts: '' } as never)).toThrow(/version 1 or 2/);
  });

  it('stores points compactly (relative integers) and texts without newlines', () => {
    const data = serialiseIndex([{ text: 'a\nb', point: [1.5, 2] }, { text: 'c', point: [1.50001, 2] }]);
    expect(data.texts).toBe('a b\nc');
    expect(data.points).toEqual([150000, 200000, 1, 0]);
    expect(TextIndex.load(data).query('c').hits[0]!.point).toEqual([1.50001, 2]);
  });

  it('answers nothing for an empty query or an empty index', () => {
    expect(index.query('  ').hits).toEqual([]);
    expect(TextIndex.fromRecords([]).query('paris').total).toBe(0);
  });
});

describe('highlightParts', () => {
  it('splits a label into plain parts, the matched beginnings of words marked', () => {
    expect(highlightParts('Saint-Étienne-du-Grès', 'st eti')).toEqual([
      { text: 'Saint', match: true },
      { text: '-', match: false },
      { text: 'Éti', match: true },
      { text: 'enne-du-Grès', match: false },
    ]);
    expect(highlightParts('Grenoble', 'grenble')).toEqual([
      { text: 'Grenobl', match: true },
      { text: 'e', match: false },
    ]);
    expect(highlightParts('<b>x</b>', 'b')).toEqual([
      { text: '<', match: false },
      { text: 'b', match: true },
      { text: '>x</', match: false },
      { text: 'b', match: true },
      { text: '>', match: false },
    ]);
    expect(highlightParts('Paris', '')).toEqual([{ text: 'Paris', match: false }]);
  });
});
