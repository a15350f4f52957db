/**
 * A broken document's problems in the page's language: each schema keyword and each check in French
 * and in English, with the JSON path kept; the build's English is unchanged (validate.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { FRENCH_PATTERNS, problemText, sayProblem } from '../../../src/context/problem-text.js';
import { describeSchemaErrors, type Problem } from '../../../src/context/problems.js';
import { parseJson, validateContext } from '../../../src/context/validate.js';
import { mapContextSchema } from '../../../src/context/schema/map-context.js';
import { siteConfigSchema } from '../../../src/context/schema/site-config.js';
import { minimalDocument } from './fixtures.js';

/** Every problem of a document as [path, French, English]. */
function said(doc: unknown): Array<[string, string, string]> {
  const result = validateContext(doc);
  return result.ok ? [] : result.problems.map((p) => [p.path, sayProblem(p, 'fr'), sayProblem(p, 'en')]);
}

/** The one problem at `path`. */
function at(doc: unknown, path: string): { fr: string; en: string } {
  const found = said(doc).filter(([p]) => p === path);
  expect(found, JSON.stringify(said(doc))).toHaveLength(1);
  return { fr: found[0]![1], en: found[0]![2] };
}

describe('schema problems in French and English', () => {
  it('type, with the bounds of a number', () => {
    const doc = minimalDocument();
    doc.layers[0].opacity = 'nine';
    expect(at(doc, '/layers/0/opacity')).toEqual({
      fr: 'doit être un nombre ≥ 0 et ≤ 1 (trouvé : "nine")',
      en: 'must be a number ≥ 0 and ≤ 1, got "nine"',
    });
  });

  it('minimum and maximum', () => {
    const doc = minimalDocument();
    doc.layers[0].opacity = 2;
    expect(at(doc, '/layers/0/opacity').fr).toBe('doit être un nombre ≥ 0 et ≤ 1 (trouvé : 2)');
    doc.layers[0].opacity = -1;
    expect(at(doc, '/layers/0/opacity').fr).toBe('doit être un nombre ≥ 0 et ≤ 1 (trouvé : -1)');
  });

  it('exclusiveMinimum', () => {
    const doc = minimalDocument();
    doc.view = { center: [2.5, 46.5], resolution: 0, projection: 'EPSG:3857' };
    expect(at(doc, '/view/resolution')).toEqual({ fr: 'doit être un nombre > 0 (trouvé : 0)', en: 'must be a number > 0, got 0' });
  });

  it('required', () => {
    const doc = minimalDocument();
    delete doc.layers[0].title;
    expect(at(doc, '/layers/0')).toEqual({ fr: 'propriété obligatoire absente : "title"', en: 'missing required property "title"' });
  });

  it('additionalProperties and unevaluatedProperties: the unknown property is named in the path', () => {
    const doc = minimalDocument();
    doc.colour = 'red';
    doc.layers[0].colour = 'red';
    expect(at(doc, '/colour')).toEqual({ fr: 'propriété inconnue', en: 'unknown property' });
    expect(at(doc, '/layers/0/colour').fr).toBe('propriété inconnue');
    doc.layers[0].style.symbol.marker.halo = 1;
    expect(at(doc, '/layers/0/style/symbol/marker/halo').fr).toBe('propriété inconnue');
  });

  it('enum', () => {
    const doc = minimalDocument();
    doc.popup = { mode: 'sidebar' };
    expect(at(doc, '/popup/mode')).toEqual({
      fr: 'doit être l’une des valeurs "popup", "panel" (trouvé : "sidebar")',
      en: 'must be one of "popup", "panel", got "sidebar"',
    });
  });

  it('const', () => {
    const doc = minimalDocument();
    doc.version = 2;
    expect(at(doc, '/version')).toEqual({ fr: 'doit valoir 1 (trouvé : 2)', en: 'must be 1, got 2' });
  });

  it('discriminator: an unknown layer kind, and a missing one', () => {
    const doc = minimalDocument();
    doc.layers[0].type = 'shapefile';
    expect(at(doc, '/layers/0/type').fr).toMatch(/^"shapefile" n’est pas une valeur connue de "type" ; valeurs connues : "group", "geojson"/);
    delete doc.layers[0].type;
    expect(at(doc, '/layers/0').fr).toBe('propriété obligatoire absente : "type"');
  });

  it('pattern, in French words for the schema’s described patterns', () => {
    const doc = minimalDocument();
    doc.id = 'bad id!';
    expect(at(doc, '/id')).toEqual({
      fr: 'attendu : un identifiant : lettres, chiffres, « _ », « . » et « - », commençant par une lettre ou un chiffre (trouvé : "bad id!")',
      en: 'expected identifier: letters, digits, "_", "." and "-"; starts with a letter or digit, got "bad id!"',
    });
    doc.id = 'essai';
    doc.layers[0].style.symbol.marker.fill.color = 'not a colour!';
    expect(at(doc, '/layers/0/style/symbol/marker/fill/color').fr).toMatch(/^attendu : une couleur CSS/);
  });

  it('a pattern without a description: the wrong form', () => {
    const doc = minimalDocument();
    doc.embed = { allowedOrigins: ['ftp://x'] };
    expect(at(doc, '/embed/allowedOrigins/0')).toEqual({ fr: 'n’a pas la forme attendue (trouvé : "ftp://x")', en: 'has the wrong form, got "ftp://x"' });
  });

  it('propertyNames, inside a choice of shapes (a text or texts by language): the name is in the path', () => {
    const doc = minimalDocument();
    doc.title = { francais: 'Essai' };
    expect(said(doc)).toEqual([['/title/francais', 'n’est pas un nom permis ici', 'is not an allowed name here']]);
  });

  it('anyOf of types (a text or an object)', () => {
    const doc = minimalDocument();
    doc.description = 42;
    expect(at(doc, '/description')).toEqual({ fr: 'doit être un texte ou un objet (trouvé : 42)', en: 'must be a text or an object, got 42' });
  });

  it('anyOf of required properties, and oneOf with two branches given', () => {
    const doc = minimalDocument();
    delete doc.layers[0].url;
    expect(at(doc, '/layers/0').fr).toMatch(/^il faut l’un de "url", "file"/);
    doc.layers[0].url = 'a.json';
    doc.layers[0].file = 'b.json';
    expect(at(doc, '/layers/0')).toEqual({ fr: 'un seul de "url", "file" est permis', en: 'give only one of "url", "file"' });
  });

  it('minItems and maxItems', () => {
    const doc = minimalDocument();
    doc.view.center = [2.5];
    expect(at(doc, '/view/center')).toEqual({ fr: 'doit contenir au moins 2 élément(s)', en: 'must hold at least 2 item(s)' });
    doc.view.center = [2.5, 46.5, 3];
    expect(at(doc, '/view/center')).toEqual({ fr: 'doit contenir au plus 2 élément(s)', en: 'must hold at most 2 item(s)' });
  });

  it('minLength, maxLength and minProperties', () => {
    const doc = minimalDocument();
    doc.layers[0].search = { fields: [''] };
    expect(at(doc, '/layers/0/search/fields/0')).toEqual({ fr: 'ne doit pas être vide', en: 'must not be empty' });
    delete doc.layers[0].search;
    doc.id = 'a'.repeat(81);
    expect(at(doc, '/id')).toEqual({ fr: 'doit faire au plus 80 caractères', en: 'must be at most 80 characters long' });
  });

  it('uniqueItems', () => {
    const doc = minimalDocument();
    doc.layers[0].search = { fields: ['nom', 'nom'] };
    expect(at(doc, '/layers/0/search/fields')).toEqual({
      fr: 'ne doit pas contenir deux fois la même valeur',
      en: 'must not hold the same value twice',
    });
  });

  it('a keyword without words of its own (e.g. format) still names itself, in the page’s language', () => {
    const [problem] = describeSchemaErrors([
      { instancePath: '/updated', schemaPath: '#/properties/updated/format', keyword: 'format', params: { format: 'date' }, message: 'must match format "date"' },
    ]);
    expect(problem).toMatchObject({ path: '/updated', message: 'must match format "date"' });
    expect(sayProblem(problem!, 'fr')).toBe('n’est pas valide (format)');
  });
});

describe('reading problems in French', () => {
  it('names the line and column of a JSON syntax error, and a text cut short', () => {
    const syntax = parseJson('{\n  "version": 1,\n  "id": oops\n}');
    expect(!syntax.ok && sayProblem(syntax.problems[0]!, 'fr')).toBe('JSON invalide : ligne 3, colonne 9');
    const cut = parseJson('{"version": 1, "layers": [');
    expect(!cut.ok && sayProblem(cut.problems[0]!, 'fr')).toBe('JSON invalide : le texte s’arrête trop tôt');
  });

  it('says a document that is not an object', () => {
    expect(said([1, 2])).toEqual([['', 'doit être un objet JSON (un document de carte)', 'must be a JSON object (a map context document)']]);
  });
});

describe('checks beyond the schema in French', () => {
  it('ids, field references, basemaps and views', () => {
    const doc = minimalDocument();
    doc.layers.push(structuredClone(doc.layers[0]));
    doc.layers[0].style.label = { field: 'name' };
    doc.basemaps = [
      { type: 'empty', id: 'a', title: 'A', active: true },
      { type: 'empty', id: 'b', title: 'B', active: true },
    ];
    expect(at(doc, '/layers/1/id').fr).toBe('l’identifiant "sites" est déjà utilisé en /layers/0');
    expect(at(doc, '/layers/0/style/label/field').fr).toBe('nomme le champ "name", que la liste "fields" de la couche ne déclare pas');
    expect(at(doc, '/basemaps').fr).toBe('un seul fond de carte peut être actif, 2 le sont');
  });

  it('the view', () => {
    const doc = minimalDocument();
    doc.view = { projection: 'EPSG:2154', crs: 'EPSG:2154', center: [900000, 6450000], zoom: 8 };
    expect(at(doc, '/view/zoom').fr).toBe(
      'les niveaux de zoom sont réservés aux cartes en Web-Mercator ; donnez une "resolution" ou une "scale" pour EPSG:2154',
    );
    doc.view = { center: [2.5, 46.5], zoom: 6, resolution: 100 };
    expect(at(doc, '/view').fr).toBe('un seul de "zoom", "resolution" est permis');
  });

  it('every kind has a text in both languages', () => {
    // A kind without a text would read "undefined" or throw: try each with made-up values.
    const kinds: Record<string, Record<string, unknown>> = {
      order: { low: 'minScale', lowValue: 5, high: 'maxScale', highValue: 2 },
      template: { reason: '"{{#nom}}" is never closed' },
      'unknown-projection': { code: 'EPSG:9999' },
      above: { limit: 'maxZoom', value: 3 },
      'id-field-not-declared': { field: 'x' },
    };
    for (const kind of ['table-needs-id-field', 'center-needs-scale', 'extent-order', 'points-table', 'document-missing', 'no-allowed-form', ...Object.keys(kinds)]) {
      const detail = { kind, ...kinds[kind] } as Parameters<typeof problemText>[0];
      const fr = problemText(detail, 'fr');
      const en = problemText(detail, 'en');
      expect(fr, kind).not.toMatch(/undefined/);
      expect(fr, kind).not.toBe(en);
    }
  });
});

describe('French words for the schemas’ patterns', () => {
  it('exist for every pattern the schemas describe', () => {
    const described = new Set<string>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (typeof schema.pattern === 'string' && typeof schema.description === 'string') described.add(schema.pattern);
      Object.values(schema).forEach(visit);
    };
    visit(mapContextSchema);
    visit(siteConfigSchema);
    expect(described.size).toBeGreaterThan(5);
    expect([...described].filter((pattern) => !FRENCH_PATTERNS[pattern])).toEqual([]);
  });
});

describe('a problem made without a detail', () => {
  it('keeps its English message', () => {
    const problem: Problem = { path: '/x', message: 'something else' };
    expect(sayProblem(problem, 'fr')).toBe('something else');
  });
});
