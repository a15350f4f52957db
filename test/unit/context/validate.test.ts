import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/context/problems.js';
import { parseJson, validateContext } from '../../../src/context/validate.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import { minimalDocument } from './fixtures.js';

const messages = (input: unknown): string[] => {
  const result = validateContext(input);
  return result.ok ? [] : result.problems.map((p) => formatProblem('maps/essai.json', p));
};

describe('validateContext', () => {
  it('accepts a minimal document and fills in the defaults', () => {
    const result = validateContext(minimalDocument());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const layer = result.value.layers[0]!;
    expect(layer).toMatchObject({ visible: true, opacity: 1, attributions: [], legend: { hidden: false } });
    expect(result.value.access).toEqual({ level: 'public', groups: [] });
    expect(result.value.view).toMatchObject({ projection: 'EPSG:3857', crs: 'EPSG:4326' });
    expect(result.value.basemaps).toEqual([]);
    expect(Object.isFrozen(result.value.layers)).toBe(true);
  });

  it('does not change the value it is given', () => {
    const doc = minimalDocument();
    validateContext(doc);
    expect(doc.layers[0].visible).toBeUndefined();
  });

  it('names the file, the JSON path and the problem, with the value found', () => {
    const doc = minimalDocument();
    doc.layers[0].style.symbol.marker.radius = 'big';
    expect(messages(doc)).toEqual(['maps/essai.json: /layers/0/style/symbol/marker/radius: must be a number ≥ 0, got "big"']);
  });

  it('reports out-of-range numbers with their bounds', () => {
    const doc = minimalDocument();
    doc.layers[0].opacity = 2;
    expect(messages(doc)).toEqual(['maps/essai.json: /layers/0/opacity: must be a number ≥ 0 and ≤ 1, got 2']);
  });

  it('reports unknown properties instead of ignoring them', () => {
    const doc = minimalDocument();
    doc.layers[0].colour = 'red';
    doc.titel = 'typo';
    expect(messages(doc)).toEqual(
      expect.arrayContaining(['maps/essai.json: /titel: unknown property', 'maps/essai.json: /layers/0/colour: unknown property']),
    );
  });

  it('names an unknown layer kind and lists the known ones', () => {
    const doc = minimalDocument();
    doc.layers.push({ type: 'shapefile', id: 'x', title: 'X' });
    const [message] = messages(doc);
    expect(message).toMatch(/^maps\/essai\.json: \/layers\/1\/type: "shapefile" is not a known type; known: "group", "geojson", "xyz", "wmts"/);
  });

  it('asks for one data source of a GeoJSON layer', () => {
    const doc = minimalDocument();
    delete doc.layers[0].url;
    expect(messages(doc)).toEqual(['maps/essai.json: /layers/0: needs one of "url", "file", "source", "data"']);
    doc.layers[0].url = 'a.json';
    doc.layers[0].file = 'b.json';
    expect(messages(doc)).toEqual(['maps/essai.json: /layers/0: give only one of "url", "file"']);
    delete doc.layers[0].file;
    doc.layers[0].source = { url: 'https://donnees.example.org/sites.geojson', name: 'sites' };
    expect(messages(doc)).toEqual(['maps/essai.json: /layers/0: give only one of "url", "source"']);
    delete doc.layers[0].url;
    expect(messages(doc)).toEqual([]);
    doc.layers[0].source = { url: 'sites.geojson', name: 'un nom' };
    expect(messages(doc)).toHaveLength(2);
  });

  it('accepts per-language texts and rejects other shapes', () => {
    const doc = minimalDocument();
    doc.description = { fr: 'Une carte', en: 'A map' };
    expect(messages(doc)).toEqual([]);
    doc.description = 42;
    expect(messages(doc)).toEqual(['maps/essai.json: /description: must be a text or an object, got 42']);
  });

  it('lists every problem of a document at once', () => {
    const doc = minimalDocument();
    doc.id = 'bad id!';
    doc.access = { level: 'secret' };
    doc.layers[0].opacity = -1;
    delete doc.layers[0].title;
    const found = messages(doc);
    expect(found).toHaveLength(4);
    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/id: expected identifier'),
        'maps/essai.json: /access/level: must be one of "public", "restricted", got "secret"',
        expect.stringContaining('/layers/0/opacity: must be a number ≥ 0'),
        'maps/essai.json: /layers/0: missing required property "title"',
      ]),
    );
  });

  it('checks what the schema cannot: unique ids, field references, view, basemaps', () => {
    const doc = minimalDocument();
    doc.layers.push({ ...structuredClone(doc.layers[0]) });
    doc.layers[0].style.label = { field: 'name' };
    doc.layers[0].idField = 'id_site';
    doc.basemaps = [
      { type: 'empty', id: 'a', title: 'A', active: true },
      { type: 'empty', id: 'b', title: 'B', active: true },
    ];
    expect(messages(doc)).toEqual(
      expect.arrayContaining([
        'maps/essai.json: /layers/1/id: id "sites" is already used at /layers/0',
        `maps/essai.json: /layers/0/style/label/field: names the field "name", which the layer's "fields" list does not declare`,
        `maps/essai.json: /layers/0/idField: "id_site" is not one of the layer's "fields"`,
        'maps/essai.json: /basemaps: only one basemap may be active, 2 are',
      ]),
    );
  });

  it('keeps zoom levels for Web-Mercator views and knows the projections', () => {
    const doc = minimalDocument();
    doc.view = { projection: 'EPSG:2154', crs: 'EPSG:2154', center: [900000, 6450000], zoom: 8 };
    expect(messages(doc)).toEqual([
      'maps/essai.json: /view/zoom: zoom levels are for Web-Mercator maps; give a "resolution" or a "scale" for EPSG:2154',
    ]);
    doc.view = { projection: 'EPSG:2154', crs: 'EPSG:2154', center: [900000, 6450000], scale: 250000 };
    expect(messages(doc)).toEqual([]);
    doc.view.projection = 'EPSG:9999';
    expect(messages(doc)).toEqual([expect.stringContaining('/view/projection: "EPSG:9999" is not a projection Cartable knows')]);
  });

  it('refuses a document that is not an object', () => {
    expect(messages([1, 2])).toEqual(['maps/essai.json: /: must be a JSON object (a map context document)']);
  });
});

describe('parseJson', () => {
  it('gives the line and column of a syntax error', () => {
    const result = parseJson('{\n  "version": 1,\n  "id": oops\n}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toBe('not valid JSON: at line 3, column 9');
  });
});

describe('the shipped documents', () => {
  const dir = join(import.meta.dirname, '../../../maps');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    it(`maps/${name} is valid`, () => {
      const parsed = parseJson(readFileSync(join(dir, name), 'utf8'));
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(messages(parsed.value)).toEqual([]);
    });
  }

  it('site.config.json is valid', () => {
    const parsed = parseJson(readFileSync(join(dir, '../site.config.json'), 'utf8'));
    const result = parsed.ok ? validateSiteConfig(parsed.value) : parsed;
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

describe('validateSiteConfig', () => {
  it('rejects theme values that could escape a CSS declaration', () => {
    const result = validateSiteConfig({ version: 1, name: 'X', theme: { '--cartable-accent': 'red; } body { display:none' } });
    expect(result.ok).toBe(false);
  });

  it('fills in defaults: French, no analytics, no origins', () => {
    const result = validateSiteConfig({ version: 1, name: 'X' });
    expect(result.ok && result.value).toMatchObject({ defaultLanguage: 'fr', allowedOrigins: [], theme: {}, legal: {} });
    expect(result.ok && result.value.analytics).toBeUndefined();
  });
});

describe('jsonErrorOffset', () => {
  it('finds the first error and nothing in valid JSON', async () => {
    const { jsonErrorOffset } = await import('../../../src/context/json-position.js');
    for (const valid of ['{}', '[1, -2.5e3, "a\\"b", true, false, null, {"x": [ ]}]', ' "\\u00e9" ']) {
      expect(jsonErrorOffset(valid)).toBe(-1);
    }
    expect(jsonErrorOffset('{"a": 1,}')).toBe(8);
    expect(jsonErrorOffset('{"a": 01}')).toBe(7);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
  });

  it('says when a document is cut short', () => {
    const result = parseJson('{"version": 1, "layers": [');
    expect(!result.ok && result.problems[0]!.message).toBe('not valid JSON: the text ends too early');
  });
});

describe('popup settings', () => {
  it('checks templates and the fields they name', () => {
    const doc = minimalDocument();
    doc.layers[0].popup = {
      title: '{{nom}',
      subtitle: '{{#nom}}x',
      fields: ['nom', 'hauteur'],
      links: [{ label: 'Voir', url: 'https://x.example/{{code}}/{{ref}}' }],
    };
    doc.layers[0].tooltip = { fr: '{{nom}}', en: '{{name}}' };
    expect(messages(doc)).toEqual(
      expect.arrayContaining([
        'maps/essai.json: /layers/0/popup/subtitle: template: "{{#nom}}" is never closed',
        `maps/essai.json: /layers/0/tooltip/en: names the field "name", which the layer's "fields" list does not declare`,
        `maps/essai.json: /layers/0/popup/links/0/url: names the field "ref", which the layer's "fields" list does not declare`,
        `maps/essai.json: /layers/0/popup/fields/1: names the field "hauteur", which the layer's "fields" list does not declare`,
      ]),
    );
  });

  it('knows where records open', () => {
    const doc = minimalDocument();
    expect(validateContext(doc).ok && (validateContext(doc) as { value: { popup: unknown } }).value.popup).toEqual({ mode: 'popup' });
    doc.popup = { mode: 'sidebar' };
    expect(messages(doc)).toEqual(['maps/essai.json: /popup/mode: must be one of "popup", "panel", got "sidebar"']);
  });
});
