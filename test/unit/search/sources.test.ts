import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex } from '../../../plugin/search.js';
import { validateContext } from '../../../src/context/validate.js';
import type { CatalogEntry, WfsLayerDef } from '../../../src/context/types.js';
import { createCatalogSearch } from '../../../src/search/catalog-search.js';
import { SearchEngine } from '../../../src/search/engine.js';
import { completionUrl, readCompletion } from '../../../src/search/geocoder.js';
import { isLonLatGeoJson, recordOf, recordsFromGeoJson, representativePoint } from '../../../src/search/records.js';
import { TextIndex } from '../../../src/search/text-index.js';
import { likeFilter, likePattern, wfsSearchUrl } from '../../../src/layers/wfs/search-url.js';
import { FIRST_LETTER_TYPOS } from '../../support/search-typos.js';

const GEOJSON = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [6.3, 45.05] }, properties: { id_site: 'PAC0058', nom_site: 'Panorama de la Meije', lieudit: 'le Pic de l’Homme' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 4], [0, 0]]] }, properties: { id_site: 'X1', nom_site: 'Carrière', lieudit: null } },
    { type: 'Feature', geometry: null, properties: { id_site: 'X2', nom_site: '', lieudit: '' } },
  ],
};
const SETTINGS = { search: { fields: ['nom_site', 'lieudit'], label: '{{nom_site}}{{#lieudit}} — {{lieudit}}{{/lieudit}}' }, idField: 'id_site', language: 'fr' };

describe('records of searchable features', () => {
  it('searches the fields, labels with the template, keeps ids and lon/lat points, skips empty texts', () => {
    const records = recordsFromGeoJson(GEOJSON, SETTINGS, { lonLat: true });
    expect(records).toEqual([
      { text: 'Panorama de la Meije le Pic de l’Homme', label: 'Panorama de la Meije — le Pic de l’Homme', id: 'PAC0058', point: [6.3, 45.05] },
      { text: 'Carrière', label: 'Carrière', id: 'X1', point: [1, 2] },
    ]);
    expect(recordsFromGeoJson(GEOJSON, SETTINGS, { lonLat: false })[0]!.point).toBeUndefined();
    expect(representativePoint({ type: 'MultiLineString', coordinates: [[[0, 0], [4, 2]]] })).toEqual([2, 1]);
  });

  it('take their rank from the search.rank field when it holds a number', () => {
    const settings = { search: { fields: ['nom'], rank: 'population' }, language: 'fr' };
    expect(recordOf({ nom: 'Grenoble', population: 158198 }, settings)).toEqual({ text: 'Grenoble', label: 'Grenoble', rank: 158198 });
    expect(recordOf({ nom: 'Gières', population: '6912' }, settings)!.rank).toBe(6912);
    for (const population of [null, '', 'n/a', undefined, { n: 1 }]) expect(recordOf({ nom: 'X', population }, settings)).not.toHaveProperty('rank');
  });

  it('knows lon/lat data from projected data', () => {
    expect(isLonLatGeoJson({}, undefined)).toBe(true);
    expect(isLonLatGeoJson({ crs: { properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } }, undefined)).toBe(true);
    expect(isLonLatGeoJson({ crs: { properties: { name: 'urn:ogc:def:crs:EPSG::2154' } } }, undefined)).toBe(false);
    expect(isLonLatGeoJson({}, 'EPSG:2154')).toBe(false);
  });
});

describe('the build-time index', () => {
  it('indexes a packaged file into a content-hashed serialised index that loads as is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cartable-search-'));
    writeFileSync(join(dir, 'sites.geojson'), JSON.stringify(GEOJSON));
    const out = buildSearchIndex({ file: 'sites.geojson', ...SETTINGS }, { mapsDir: dir, at: '/layers/0', folder: 'data' });
    expect(out.problems).toEqual([]);
    expect(out.path).toMatch(/^data\/sites\.search\.[0-9a-f]{10}\.json$/);
    const index = TextIndex.load(JSON.parse(out.source!));
    expect(index.query('pic homme').hits[0]).toMatchObject({ id: 'PAC0058', label: 'Panorama de la Meije — le Pic de l’Homme' });
  });

  it('reports a file that is not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cartable-search-'));
    writeFileSync(join(dir, 'bad.geojson'), '{ nope');
    const out = buildSearchIndex({ file: 'bad.geojson', ...SETTINGS }, { mapsDir: dir, at: '/layers/0', folder: 'data' });
    expect(out.problems[0]).toMatchObject({ path: '/layers/0/file', message: expect.stringMatching(/cannot be indexed/) });
  });
});

describe('the search setting of a document', () => {
  const doc = (search: unknown) => ({
    version: 1,
    id: 'm',
    title: 'M',
    view: { center: [0, 0], zoom: 2 },
    search: { geocoder: true },
    layers: [{ type: 'geojson', id: 'l', title: 'L', data: GEOJSON, idField: 'id_site', fields: [{ name: 'id_site' }, { name: 'nom_site' }, { name: 'lieudit' }], style: {}, search }],
  });

  it('is validated: fields declared, a template label, no unknown property', () => {
    const ok = validateContext(doc({ fields: ['nom_site'], label: '{{nom_site}}' }));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.value.search).toEqual({ geocoder: true, maxResults: 5 });
    const unknown = validateContext(doc({ fields: ['nom'] }));
    expect(unknown.ok ? [] : unknown.problems.map((p) => p.path)).toContain('/layers/0/search/fields/0');
    const empty = validateContext(doc({ fields: [] }));
    expect(empty.ok).toBe(false);
    const extra = validateContext(doc({ fields: ['nom_site'], boost: 2 }));
    expect(extra.ok).toBe(false);
    const badLabel = validateContext(doc({ fields: ['nom_site'], label: '{{#nom_site}}' }));
    expect(badLabel.ok ? [] : badLabel.problems.map((p) => p.path)).toContain('/layers/0/search/label');
    // A rank field is a declared field, like the searched ones.
    expect(validateContext(doc({ fields: ['nom_site'], rank: 'lieudit' })).ok).toBe(true);
    const badRank = validateContext(doc({ fields: ['nom_site'], rank: 'population' }));
    expect(badRank.ok ? [] : badRank.problems.map((p) => p.path)).toContain('/layers/0/search/rank');
  });
});

describe('the search engine (worker side)', () => {
  it('indexes GeoJSON text, loads serialised indexes and queries them all', () => {
    const engine = new SearchEngine();
    expect(engine.handle({ type: 'geojson', key: 'sites', text: JSON.stringify(GEOJSON), settings: SETTINGS })).toEqual({ type: 'ready', key: 'sites', size: 2 });
    const places = JSON.stringify(TextIndex.fromRecords([{ text: 'La Grave', id: 1 }]).serialise());
    expect(engine.handle({ type: 'load', key: 'places', index: places })).toMatchObject({ type: 'ready', size: 1 });
    const answer = engine.handle({ type: 'query', text: 'grave', limit: 5 });
    expect(answer.type).toBe('results');
    if (answer.type === 'results') {
      expect(answer.results.places!.hits[0]!.label).toBe('La Grave');
      expect(answer.results.sites!.total).toBe(0);
    }
    expect(engine.handle({ type: 'load', key: 'bad', index: '{}' })).toMatchObject({ type: 'error', key: 'bad' });
  });
});

describe('the IGN completion geocoder', () => {
  it('asks for addresses and places, and reads the answer', () => {
    const url = new URL(completionUrl("l'Alpe d'Huez", 5));
    expect(url.origin + url.pathname).toBe('https://data.geopf.fr/geocodage/completion/');
    expect(url.searchParams.get('text')).toBe("l'Alpe d'Huez");
    expect(url.searchParams.get('type')).toBe('StreetAddress,PositionOfInterest');
    expect(url.searchParams.get('maximumResponses')).toBe('5');
    expect(readCompletion({ results: [{ fulltext: 'Grenoble', x: 5.72, y: 45.18, kind: 'PositionOfInterest' }, { fulltext: 'bad' }] })).toEqual([
      { label: 'Grenoble', kind: 'PositionOfInterest', point: [5.72, 45.18], zoom: 13 },
    ]);
    expect(() => readCompletion({ error: 'x' })).toThrow();
  });
});

describe('WFS search through the service', () => {
  const wfs = {
    type: 'wfs', id: 'rnn', title: 'R', url: 'https://data.geopf.fr/wfs/ows', typeName: 'PROTECTEDAREAS.RNN:rnn', version: '2.0.0', maxFeatures: 500,
    search: { fields: ['nom_site'] },
  } as unknown as WfsLayerDef;

  it('filters with a case-insensitive PropertyIsLike on the searched fields, escaped', () => {
    expect(likePattern("réserve d'Aiguilles*")).toBe('*réserve*d*Aiguilles!**');
    expect(likeFilter(['a', 'b'], 'x<y', '2.0.0')).toBe(
      '<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:Or>' +
        '<fes:PropertyIsLike wildCard="*" singleChar="." escapeChar="!" matchCase="false"><fes:ValueReference>a</fes:ValueReference><fes:Literal>*x&lt;y*</fes:Literal></fes:PropertyIsLike>' +
        '<fes:PropertyIsLike wildCard="*" singleChar="." escapeChar="!" matchCase="false"><fes:ValueReference>b</fes:ValueReference><fes:Literal>*x&lt;y*</fes:Literal></fes:PropertyIsLike>' +
        '</fes:Or></fes:Filter>',
    );
    expect(likeFilter(['a'], 'x', '1.1.0')).toContain('<ogc:PropertyName>a</ogc:PropertyName>');
    const url = new URL(wfsSearchUrl(wfs, 'vercors', { limit: 20 }));
    expect(url.searchParams.get('COUNT')).toBe('20');
    expect(url.searchParams.get('SRSNAME')).toBe('EPSG:4326');
    expect(url.searchParams.get('BBOX')).toBeNull();
    expect(url.searchParams.get('FILTER')).toContain('<fes:Literal>*vercors*</fes:Literal>');
    const cql = new URL(wfsSearchUrl({ ...wfs, cqlFilter: "dep='38'" } as WfsLayerDef, "l'isle", { limit: 5 }));
    expect(cql.searchParams.get('CQL_FILTER')).toBe("(dep='38') AND (nom_site ILIKE '%l%isle%')");
  });
});

describe('the catalog search', () => {
  const entry = (id: string, title: string, tags: string[], layers: string[] = []): CatalogEntry => ({
    id, title, tags, layers, document: `maps/${id}.json`, page: `maps/${id}.html`, online: false, validated: true,
  });
  const entries = [
    entry('geosites', 'Géosites — patrimoine géologique', ['Géologie', 'INPG']),
    entry('nature', 'Nature & Paysage', ['Environnement'], ['Réserves naturelles nationales']),
    entry('lieux', 'Lieux habités de France', ['Démonstration']),
  ];
  const search = createCatalogSearch({ entries, language: 'fr', href: (e) => `https://x/${e.page}`, title: 'Cartes' });

  it('finds maps by title, tag and layer name; typos only when nothing matches exactly', async () => {
    expect(search.matching('geologie')).toEqual(new Set(['geosites']));
    expect(search.matching('GEOLOGIQUE')).toEqual(new Set(['geosites']));
    expect(search.matching('reserves')).toEqual(new Set(['nature']));
    expect(search.matching('nature')).toEqual(new Set(['nature']));
    expect(search.matching('demonstratoin')).toEqual(new Set(['lieux']));
    expect(search.matching('  ')).toBeUndefined();
    const [group] = await search.local('geologie');
    expect(group).toMatchObject({ title: 'Cartes', total: 1, results: [{ label: 'Géosites — patrimoine géologique', target: { kind: 'map', href: 'https://x/maps/geosites.html' } }] });
  });
});

describe('the demo map', () => {
  it('ships its places with a build-time index that the document names', async () => {
    const { buildMap } = await import('../../../plugin/maps.js');
    const root = join(import.meta.dirname, '../../..');
    const { map, problems } = buildMap(join(root, 'maps/lieux-de-france.json'), root);
    expect(problems).toEqual([]);
    const document = JSON.parse(String(map!.outputs[0]!.source));
    const lieux = document.layers[0].layers.find((l: { id: string }) => l.id === 'lieux');
    expect(lieux.search.index).toMatch(/^\.\.\/data\/france-places\.search\.[0-9a-f]{10}\.json$/);
    const output = map!.outputs.find((o) => `../${o.path}` === lieux.search.index)!;
    const index = TextIndex.load(JSON.parse(String(output.source)));
    expect(index.size).toBe(8941);
    expect(index.query('st etienne').hits[0]).toMatchObject({ label: 'Saint-Étienne' });
    expect(index.query('grenble').hits[0]).toMatchObject({ label: 'Grenoble' });
    // 16 shipped names with a typo in their first letter (wrong, missing, one too many, swapped).
    const missed = FIRST_LETTER_TYPOS.filter(([query, name]) => !index.query(query).hits.some((h) => h.label === name));
    expect(missed).toEqual([]);
    expect(index.query('trenoble').hits[0]).toMatchObject({ label: 'Grenoble', typo: true });
    // « balam » reaches Balma (first here: no place starts with « balam »).
    expect(index.query('balam', { limit: 5 }).hits[0]).toMatchObject({ label: 'Balma' });
  }, 180_000); // a bound on a hang: builds the whole demo map (32 s seen on a busy machine)
});
