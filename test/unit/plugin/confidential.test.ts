/**
 * Confidential records stay confidential: values compared without case or Unicode form, a rule that
 * withholds nothing refused, what each rule withheld said, and a file packaged both filtered and
 * whole (across layers and maps, or a restricted layer's file in a public map) refused.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMaps, type BuiltMap } from '../../../plugin/maps.js';
import { confidentialKey, withheldLine, withoutConfidential } from '../../../plugin/restricted.js';
import { minimalDocument } from '../context/fixtures.js';
import { point, project, SITES } from './restricted-fixtures.js';

const documentOf = (map: BuiltMap): any => JSON.parse(String(map.outputs.find((o) => o.path === `maps/${map.context.id}.json`)!.source));
const dataOf = (map: BuiltMap): any => JSON.parse(String(map.outputs.find((o) => o.path === documentOf(map).layers[0].url.replace('../', ''))!.source));

/** A public map whose one layer packages `file` with `confidential` (when given). */
function packagedMap(id: string, file: string, confidential?: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, any> {
  const doc = minimalDocument();
  doc.id = id;
  delete doc.layers[0].url;
  Object.assign(doc.layers[0], { file, ...extra });
  if (confidential) doc.layers[0].confidential = confidential;
  return doc;
}

const RESERVED = { field: 'niveau', values: ['Réservé'] };

describe('confidential values', () => {
  it('compare trimmed, without case and whatever the Unicode form', () => {
    const decomposed = 'Re\u0301serve\u0301'; // « Réservé » as e + combining acute accent.
    expect(decomposed).not.toBe('Réservé');
    for (const value of [decomposed, 'réservé', 'RÉSERVÉ', ' Réservé ', 'Réservé'.normalize('NFD').toUpperCase()]) {
      expect(confidentialKey(value), JSON.stringify(value)).toBe(confidentialKey('Réservé'));
    }
    expect(confidentialKey('Reserve')).not.toBe(confidentialKey('Réservé'));
    expect(confidentialKey('Straße')).toBe(confidentialKey('STRASSE'));
    expect(confidentialKey(1)).toBe(confidentialKey('1'));
  });

  it('withhold records stored in decomposed Unicode with a rule written in lower case', () => {
    const data = {
      type: 'FeatureCollection',
      features: [
        point('S1', { niveau: 'Public' }),
        point('S2', { niveau: 'Re\u0301serve\u0301' }),
        point('S3', { niveau: 'RÉSERVÉ ' }),
        point('S4', { niveau: null }),
        point('S5', { niveau: { nested: 'Réservé' } }),
      ],
    };
    const root = project({ 'maps/essai.json': packagedMap('essai', 'data/sites.geojson', { field: 'niveau', values: ['réservé'] }), 'maps/data/sites.geojson': data });
    const { maps, restricted, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    expect(dataOf(maps[0]!).features.map((f: any) => f.properties.code)).toEqual(['S1', 'S4', 'S5']);
    expect(dataOf(restricted[0]!).features).toHaveLength(5);
    expect(withoutConfidential(data, { field: 'niveau', values: ['Réservé'] }).withheld).toBe(2);
  });
});

describe('what each rule withholds', () => {
  it('is counted per rule, for the build log', () => {
    const doc = packagedMap('essai', 'data/sites.geojson', RESERVED);
    doc.layers.push({ ...structuredClone(doc.layers[0]), id: 'inline', file: undefined, data: SITES, confidential: { field: 'nom', values: ['source publique', 'belvédère ouvert'] } });
    delete doc.layers[1].file;
    const root = project({ 'maps/essai.json': doc, 'maps/data/sites.geojson': SITES });
    const { maps, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    expect(maps[0]!.confidential.map((c) => [c.at, c.layer, c.withheld])).toEqual([['/layers/0', 'sites', 1], ['/layers/1', 'inline', 2]]);
    expect(maps[0]!.withheldRecords).toBe(3);
    expect(withheldLine(maps[0]!.file, maps[0]!.confidential[0]!)).toBe('maps/essai.json /layers/0 "sites": 1 record(s) withheld from the public site (niveau: "Réservé")');
  });

  it('fails the build when a rule withholds nothing, naming the map, the layer, the values and those present', () => {
    const root = project({
      'maps/essai.json': packagedMap('essai', 'data/sites.geojson', { field: 'niveau', values: ['Secret', 'Caché'] }),
      'maps/autre.json': packagedMap('autre', 'data/autre.geojson', { field: 'statut', values: ['Réservé'] }),
      'maps/data/sites.geojson': SITES,
      'maps/data/autre.geojson': { type: 'FeatureCollection', features: [point('A1', { nom: 'Sans statut' })] },
    });
    const { maps, problems } = buildMaps(join(root, 'maps'), root);
    expect(maps).toEqual([]);
    expect(problems).toEqual([
      'maps/autre.json: /layers/0/confidential: the layer "sites" withholds no record: none has "statut" equal to "Réservé" (compared trimmed, without case, Unicode-normalised); no record has the field "statut". Correct "field" or "values", or remove "confidential"',
      'maps/essai.json: /layers/0/confidential: the layer "sites" withholds no record: none has "niveau" equal to "Secret", "Caché" (compared trimmed, without case, Unicode-normalised); the values of "niveau" are "Public", "Réservé". Correct "field" or "values", or remove "confidential"',
    ]);
  });

  it('lists a few of the values present, and how many more', () => {
    const many = { type: 'FeatureCollection', features: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'a'].map((v, i) => point(`P${i}`, { niveau: v })) };
    const root = project({ 'maps/essai.json': packagedMap('essai', 'data/sites.geojson', RESERVED), 'maps/data/sites.geojson': many });
    expect(buildMaps(join(root, 'maps'), root).problems[0]).toContain('the values of "niveau" are "a", "b", "c", "d", "e" and 2 more.');
  });
});

describe('a data file packaged both filtered and whole', () => {
  const files = { 'maps/data/sites.geojson': SITES };

  it('is refused across maps, naming both uses', () => {
    const root = project({
      ...files,
      'maps/filtree.json': packagedMap('filtree', 'data/sites.geojson', RESERVED),
      'maps/entiere.json': packagedMap('entiere', 'data/sites.geojson'),
    });
    const { problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([
      'maps/entiere.json: /layers/0/file: packages the data that maps/filtree.json /layers/0/file packages with "confidential" (niveau: "Réservé"), here without "confidential": ' +
        'this use would ship records the other withholds. Declare the same "confidential" on both, or give each its own file',
    ]);
  });

  it('is refused between two layers of one map, and between two different rules', () => {
    const doc = packagedMap('essai', 'data/sites.geojson', RESERVED);
    doc.layers.push({ ...structuredClone(doc.layers[0]), id: 'copie', confidential: undefined });
    delete doc.layers[1].confidential;
    const other = packagedMap('autre', 'data/sites.geojson', { field: 'nom', values: ['Source publique'] });
    const root = project({ ...files, 'maps/essai.json': doc, 'maps/autre.json': other });
    const { problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^maps\/essai\.json: \/layers\/0\/file: packages the data that maps\/autre\.json \/layers\/0\/file packages with "confidential" \(nom: "Source publique"\), here with "confidential" \(niveau: "Réservé"\)/);
    // Once the two maps agree, the layer without the rule is the one named.
    const agreeing = project({ ...files, 'maps/essai.json': doc, 'maps/autre.json': packagedMap('autre', 'data/sites.geojson', { field: 'NIVEAU'.toLowerCase(), values: [' réservé'] }) });
    expect(buildMaps(join(agreeing, 'maps'), agreeing).problems).toEqual([
      'maps/essai.json: /layers/1/file: packages the data that maps/autre.json /layers/0/file packages with "confidential" (niveau: " réservé"), here without "confidential": ' +
        'this use would ship records the other withholds. Declare the same "confidential" on both, or give each its own file',
    ]);
  });

  it('is refused when another public map offers the file as a download', () => {
    const download = packagedMap('telechargement', 'data/autre.geojson', undefined, { info: { downloads: [{ title: 'Tout', url: 'data/sites.geojson' }] } });
    const root = project({ ...files, 'maps/data/autre.geojson': SITES, 'maps/filtree.json': packagedMap('filtree', 'data/sites.geojson', RESERVED), 'maps/telechargement.json': download });
    expect(buildMaps(join(root, 'maps'), root).problems).toEqual([
      expect.stringMatching(/^maps\/telechargement\.json: \/layers\/0\/info\/downloads\/0\/url: packages the data that maps\/filtree\.json \/layers\/0\/file packages with "confidential"/),
    ]);
  });

  it('is refused when a public map packages whole the file of a restricted layer or map', () => {
    const restrictedMap = { ...packagedMap('agents', 'data/sites.geojson'), access: { level: 'restricted', groups: ['agents'] } };
    const withLayer = packagedMap('mixte', 'data/autre.geojson');
    withLayer.layers.push({ ...structuredClone(withLayer.layers[0]), id: 'notes', file: 'data/notes.geojson', access: { level: 'restricted' } });
    const root = project({
      ...files,
      'maps/data/autre.geojson': SITES,
      'maps/data/notes.geojson': SITES,
      'maps/agents.json': restrictedMap,
      'maps/mixte.json': withLayer,
      'maps/publique.json': packagedMap('publique', 'data/sites.geojson'),
      'maps/notes.json': packagedMap('notes', 'data/notes.geojson'),
    });
    expect(buildMaps(join(root, 'maps'), root).problems).toEqual([
      'maps/notes.json: /layers/0/file: packages whole, for the public site, the data that maps/mixte.json /layers/1/file reads for a restricted layer: every record of it would be public. Give this layer a "confidential" rule, or a file of its own',
      'maps/publique.json: /layers/0/file: packages whole, for the public site, the data that maps/agents.json /layers/0/file reads for a restricted layer: every record of it would be public. Give this layer a "confidential" rule, or a file of its own',
    ]);
  });

  it('is allowed with the same rule everywhere, and for a restricted map beside a public layer that filters', () => {
    const doc = packagedMap('essai', 'data/sites.geojson', RESERVED, { info: { downloads: [{ title: 'GeoJSON', url: 'data/sites.geojson' }] } });
    const restrictedMap = { ...packagedMap('agents', 'data/sites.geojson'), access: { level: 'restricted', groups: ['agents'] } };
    const root = project({ ...files, 'maps/essai.json': doc, 'maps/autre.json': packagedMap('autre', 'data/sites.geojson', RESERVED), 'maps/agents.json': restrictedMap });
    const { maps, problems } = buildMaps(join(root, 'maps'), root);
    expect(problems).toEqual([]);
    expect(maps.map((m) => dataOf(m).features.length)).toEqual([2, 2]);
  });
});
