/**
 * Packaged data the build cannot ship: a `file` that is not JSON fails the build naming the document,
 * the layer, the file, the line and the column; JSON that is not GeoJSON fails naming the file and
 * what it holds. Nothing of such a map is packaged.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMaps } from '../../../plugin/maps.js';
import { minimalDocument } from '../context/fixtures.js';
import { project } from './restricted-fixtures.js';

/** A project whose one map packages `text` as data/sites.geojson, in a layer of `type`. */
function packaging(text: string, type: 'geojson' | 'points' = 'geojson') {
  const doc = minimalDocument();
  delete doc.layers[0].url;
  doc.layers[0].type = type;
  doc.layers[0].file = 'data/sites.geojson';
  if (type === 'points') doc.layers[0].style = { symbol: { marker: { shape: 'circle', radius: 3, fill: { color: '#336699' } } } };
  const root = project({ 'maps/essai.json': doc, 'maps/data/sites.geojson': text });
  return buildMaps(join(root, 'maps'), root);
}

describe('a packaged file that is not GeoJSON', () => {
  it('fails the build naming the file, the line and the column of a syntax error', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [\n    { "type": "Feature", "properties": { "nom": "Lac" }, }\n  ]\n}';
    const { maps, problems, invalid } = packaging(text);
    expect(problems).toEqual(['maps/essai.json: /layers/0/file: "data/sites.geojson" is not valid JSON: at line 4, column 58']);
    expect(text.split('\n')[3]![57]).toBe('}'); // The column points at the character after the stray comma.
    expect(maps).toEqual([]);
    expect(invalid).toEqual(['maps/essai.json']);
  });

  it('says a file that ends too early, once, for a points layer too', () => {
    expect(packaging('{ "type": "FeatureCollection", "features": [', 'points').problems).toEqual([
      'maps/essai.json: /layers/0/file: "data/sites.geojson" is not valid JSON: the text ends too early',
    ]);
  });

  it('fails the build on JSON that holds no FeatureCollection or Feature, saying what it holds', () => {
    const cases: Array<[string, string]> = [
      ['{ "type": "Topology", "objects": {} }', 'found "type": "Topology"'],
      ['[{ "type": "Feature" }]', 'found an array'],
      ['{ "features": [] }', 'found an object without "type"'],
      ['{ "type": "FeatureCollection" }', 'found a FeatureCollection without a "features" array'],
      ['"sites"', 'found "sites"'],
    ];
    for (const [text, found] of cases) {
      const { maps, problems } = packaging(text);
      expect(problems).toEqual([
        `maps/essai.json: /layers/0/file: "data/sites.geojson" is JSON but not GeoJSON: a FeatureCollection (with a "features" array) or a Feature is expected, ${found}`,
      ]);
      expect(maps).toEqual([]);
    }
  });

  it('still packages a bare Feature and a FeatureCollection', () => {
    expect(packaging('{ "type": "Feature", "geometry": null, "properties": { "code": "A" } }').problems).toEqual([]);
    expect(packaging('{ "type": "FeatureCollection", "features": [] }').maps).toHaveLength(1);
  });
});
