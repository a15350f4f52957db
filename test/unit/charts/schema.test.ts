/** A layer's charts in the document: what the schema and the checks accept, and what they say otherwise (FR/EN). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { walkLayers } from '../../../src/context/checks.js';
import { problemText } from '../../../src/context/problem-text.js';
import { validateContext } from '../../../src/context/validate.js';
import { minimalDocument } from '../context/fixtures.js';

/** The minimal document with a category field and the given charts on its layer. */
function withCharts(charts: unknown[], categories = ['a', 'b', 'c']): Record<string, any> {
  const doc = minimalDocument();
  const layer = doc.layers[0];
  layer.fields.push({ name: 'kind', type: 'text' }, { name: 'commune', type: 'text' });
  layer.style.categories = { field: 'kind', values: categories.map((value) => ({ value, symbol: { fill: { color: '#336699' } } })) };
  layer.table = { columns: ['nom', 'kind'] };
  layer.charts = charts;
  return doc;
}

const problems = (doc: unknown): Array<{ path: string; fr: string; en: string }> => {
  const result = validateContext(doc);
  return result.ok ? [] : result.problems.map((p) => ({ path: p.path, fr: problemText(p.detail!, 'fr'), en: problemText(p.detail!, 'en') }));
};

describe('a layer’s charts', () => {
  it('accepts each kind of chart with its own options', () => {
    const doc = withCharts([
      { id: 'par-type', type: 'bar', title: { fr: 'Par type', en: 'By type' }, field: 'kind', limit: 8 },
      { id: 'part', type: 'pie', title: 'Part', field: 'kind' },
      { id: 'surface', type: 'histogram', title: 'Surface', field: 'surface', bins: 10 },
      { id: 'communes', type: 'territory', title: 'Communes', field: 'code', labelField: 'commune' },
      { id: 'niveau', type: 'pie', title: 'Niveau', field: 'nom', values: [{ value: 'x', color: '#ff0000' }, { value: 'y', label: { fr: 'Y', en: 'Why' } }] },
    ]);
    expect(problems(doc)).toEqual([]);
    const result = validateContext(doc);
    expect(result.ok && result.value.layers[0]!.type === 'geojson' && result.value.layers[0]!.charts?.length).toBe(5);
  });

  it('refuses charts on a layer without a table (they count its rows)', () => {
    const doc = withCharts([{ id: 'x', type: 'bar', title: 'A', field: 'kind' }]);
    delete doc.layers[0].table;
    expect(problems(doc)).toEqual([
      {
        path: '/layers/0/charts',
        fr: 'les graphiques comptent les lignes du tableau de la couche : donnez-lui un "table"',
        en: 'charts count the rows of the layer\'s table: give the layer a "table"',
      },
    ]);
  });

  it('refuses a chart id used twice in the layer', () => {
    const doc = withCharts([
      { id: 'x', type: 'bar', title: 'A', field: 'kind' },
      { id: 'x', type: 'bar', title: 'B', field: 'nom' },
    ]);
    expect(problems(doc)).toEqual([{ path: '/layers/0/charts/1/id', fr: 'l’identifiant "x" est déjà utilisé en /layers/0/charts/0', en: 'id "x" is already used at /layers/0/charts/0' }]);
  });

  it('refuses a field the layer does not declare, for the field and the label field', () => {
    const doc = withCharts([{ id: 'x', type: 'territory', title: 'A', field: 'insee', labelField: 'nom_commune' }]);
    expect(problems(doc).map((p) => [p.path, p.en])).toEqual([
      ['/layers/0/charts/0/field', 'names the field "insee", which the layer\'s "fields" list does not declare'],
      ['/layers/0/charts/0/labelField', 'names the field "nom_commune", which the layer\'s "fields" list does not declare'],
    ]);
  });

  it('refuses bins out of 2..50, and bins on anything but a histogram', () => {
    expect(problems(withCharts([{ id: 'x', type: 'histogram', title: 'A', field: 'surface', bins: 1 }])).map((p) => [p.path, p.en])).toEqual([
      ['/layers/0/charts/0/bins', 'must be a whole number ≥ 2 and ≤ 50, got 1'],
    ]);
    expect(problems(withCharts([{ id: 'x', type: 'histogram', title: 'A', field: 'surface', bins: 51 }]))[0]!.path).toBe('/layers/0/charts/0/bins');
    expect(problems(withCharts([{ id: 'x', type: 'bar', title: 'A', field: 'kind', bins: 5 }]))).toEqual([
      { path: '/layers/0/charts/0/bins', fr: '"bins" ne sert qu’aux graphiques "histogram", pas "bar"', en: '"bins" is for "histogram" charts only, not "bar"' },
    ]);
  });

  it('refuses a histogram of a text field', () => {
    expect(problems(withCharts([{ id: 'x', type: 'histogram', title: 'A', field: 'nom' }]))).toEqual([
      { path: '/layers/0/charts/0/field', fr: 'un histogramme demande un champ numérique : "nom" est de type "text"', en: 'a histogram needs a number field: "nom" is of type "text"' },
    ]);
  });

  it('refuses a pie of a field with more than 6 categories, and says to use a bar chart', () => {
    const doc = withCharts([{ id: 'x', type: 'pie', title: 'A', field: 'kind' }], ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(problems(doc)).toEqual([
      {
        path: '/layers/0/charts/0/type',
        fr: 'un camembert se lit avec 6 parts au plus : "kind" a 7 catégories ; utilisez un graphique "bar"',
        en: 'a pie reads with at most 6 slices: "kind" has 7 categories; use a "bar" chart',
      },
    ]);
    expect(problems(withCharts([{ id: 'x', type: 'pie', title: 'A', field: 'kind' }], ['a', 'b', 'c', 'd', 'e', 'f']))).toEqual([]);
  });

  it('refuses a pie of a field whose values nothing declares', () => {
    const [problem] = problems(withCharts([{ id: 'x', type: 'pie', title: 'A', field: 'nom' }]));
    expect(problem!.path).toBe('/layers/0/charts/0/type');
    expect(problem!.en).toBe(
      'a pie needs the values of "nom" known and few (at most 6): categorise the layer\'s style on "nom" or give the chart\'s "values"; or use a "bar" chart',
    );
    expect(problem!.fr).toMatch(/^un camembert demande des valeurs de "nom" connues et peu nombreuses \(6 au plus\)/);
  });

  it('refuses an unknown type, an option it does not know, and a chart without a title', () => {
    expect(problems(withCharts([{ id: 'x', type: 'donut', title: 'A', field: 'kind' }]))[0]).toMatchObject({ path: '/layers/0/charts/0/type' });
    expect(problems(withCharts([{ id: 'x', type: 'bar', title: 'A', field: 'kind', colour: 'red' }]))[0]).toMatchObject({ path: '/layers/0/charts/0/colour', en: 'unknown property' });
    expect(problems(withCharts([{ id: 'x', type: 'bar', field: 'kind' }]))[0]).toMatchObject({ path: '/layers/0/charts/0', en: 'missing required property "title"' });
  });
});

describe('the shipped maps’ charts', () => {
  const read = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../maps/${name}`, import.meta.url), 'utf8'));
  const chartsOf = (name: string): Array<{ id: string; type: string; field: string }> => {
    const result = validateContext(read(name));
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return [];
    const charts: Array<{ id: string; type: string; field: string }> = [];
    walkLayers(result.value.layers, (node) => {
      if ('charts' in node && node.charts) charts.push(...node.charts);
    });
    return charts;
  };

  it('géosites: by type (bar) and by rarity (pie of its four declared values)', () => {
    expect(chartsOf('geosites.json').map((c) => [c.id, c.type, c.field])).toEqual([
      ['par-type', 'bar', 'typologie1'],
      ['par-rarete', 'pie', 'rarete'],
    ]);
  });

  it('nature et paysage: the national nature reserves by manager', () => {
    expect(chartsOf('nature-paysage.json').map((c) => [c.id, c.type, c.field])).toEqual([['par-gestionnaire', 'bar', 'gest_site']]);
  });
});
