import { configureLocalization } from '@lit/localize';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvDocument } from '../../../src/csv/cell.js';
import { reportCsv, type CsvTexts } from '../../../src/report/csv.js';
import { parseTypedPoints, TypedPointsProblem } from '../../../src/report/place.js';
import type { Report } from '../../../src/report/types.js';
import { reportCsvTexts } from '../../../src/ui/report/export.js';
import { BENIGN_CELLS, HOSTILE_CELLS, parseCsv } from '../csv/cells.js';

const texts: CsvTexts = {
  title: "Qu'y a-t-il ici ?",
  about: [['Lieu', "Le Bourg-d'Oisans (INSEE 38052)"], ['Date', '6 décembre 2026']],
  layer: 'Couche', status: 'Statut', id: 'Identifiant', label: 'Libellé', distance: 'Distance (m)', position: 'Position', onBoundary: 'en limite',
  checked: 'vérifiée', unchecked: (id) => `non vérifiée (${id})`, capped: 'incomplète',
};

/** The table's lines (after the header block and its blank line), split into cells. */
const table = (csv: string): string[][] => {
  const lines = parseCsv(csv.slice(1), ';');
  return lines.slice(lines.findIndex((line) => line.length === 1 && line[0] === '') + 1);
};

describe('report CSV', () => {
  it('writes every cell through csvCell: formulas neutralised wherever they come from, plain numbers kept', () => {
    const values = [...HOSTILE_CELLS, ...BENIGN_CELLS];
    const report: Report = {
      place: { kind: 'circle', center: [0, 0], distance: 5000, label: 'x' },
      made: '2026-11-29T03:00:00Z',
      layers: [
        { layerId: 'a', title: '@titre', hidden: false, items: values.map((v, i) => ({ id: i, label: 'x', fields: [{ label: '-champ', value: String(v) }] })) },
      ],
    };
    const csv = reportCsv(report, { ...texts, about: [['=lieu', '+1+cmd']] });
    const header = ['Couche', 'Statut', 'Identifiant', 'Libellé', 'Distance (m)', 'Position', '-champ'];
    const cells = values.map((v, i) => ['@titre', 'vérifiée', i, 'x', undefined, undefined, v]);
    expect(csv).toBe(csvDocument([[texts.title], ['=lieu', '+1+cmd'], [], header, ...cells], ';'));
    expect(parseCsv(csv.slice(1), ';')[1]).toEqual(["'=lieu", "'+1+cmd"]);
    const lines = table(csv);
    expect(lines[0]![6]).toBe("'-champ");
    expect(lines.slice(1).map((line) => [line[0], line[6]])).toEqual([
      ...HOSTILE_CELLS.map((cell) => ["'@titre", `'${cell}`]),
      ...BENIGN_CELLS.map((cell) => ["'@titre", String(cell)]),
    ]);
  });

  it('starts with a header block (title, place, date), then one row per feature with the key fields as columns by name', () => {
    const report: Report = {
      place: { kind: 'area', geometry: undefined as never, label: "Le Bourg-d'Oisans", commune: { name: "Le Bourg-d'Oisans", code: '38052' } },
      made: '2026-11-29T03:00:00Z',
      layers: [
        { layerId: 'geo', title: 'Géosites', hidden: false, items: [
          { id: 'RHA0040', label: 'Lac', fields: [{ label: 'Intérêt', value: 'géomorphologie' }, { label: 'Type', value: '=1+1' }] },
          { id: 'RHA0041', label: 'Col', onBoundary: true, fields: [{ label: 'Type', value: 'col' }] },
        ] },
        // Another layer, other key fields (« Type » shared, « Surface » its own).
        { layerId: 'znieff', title: 'ZNIEFF', hidden: false, capped: true, items: [{ id: 820, label: 'Marais', fields: [{ label: 'Surface', value: '12 ha' }, { label: 'Type', value: 'I' }] }] },
        { layerId: 'b', title: 'Vide', hidden: true, items: [] },
        { layerId: 'c', title: 'Fond', hidden: false, items: [], unchecked: { reason: 'image' } },
      ],
    };
    const csv = reportCsv(report, texts);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.slice(0, 4)).toEqual(["Qu'y a-t-il ici ?", "Lieu;Le Bourg-d'Oisans (INSEE 38052)", 'Date;6 décembre 2026', '']);
    // An area: no distance column; the features' key fields by name, in layer order, each once.
    expect(lines[4]).toBe('Couche;Statut;Identifiant;Libellé;Position;Intérêt;Type;Surface');
    expect(lines[5]).toBe("Géosites;vérifiée;RHA0040;Lac;;géomorphologie;'=1+1;");
    expect(lines[6]).toBe('Géosites;vérifiée;RHA0041;Col;en limite;;col;');
    expect(lines[7]).toBe('ZNIEFF;incomplète;820;Marais;;;I;12 ha');
    expect(lines[8]).toBe('Vide;vérifiée');
    expect(lines[9]).toBe('Fond;non vérifiée (c)');
    expect(lines[10]).toBe('');
    expect(lines).toHaveLength(11);
  });

  it('gives the distance column around a point or a line, in whole metres', () => {
    const report: Report = {
      place: { kind: 'circle', center: [0, 0], distance: 5000, label: 'x' },
      made: '2026-11-29T03:00:00Z',
      layers: [{ layerId: 'a', title: 'Géosites', hidden: false, items: [{ id: 'S1', label: 'Étang', distance: 1234.4, fields: [] }] }],
    };
    const lines = table(reportCsv(report, texts));
    expect(lines[0]).toEqual(['Couche', 'Statut', 'Identifiant', 'Libellé', 'Distance (m)', 'Position']);
    expect(lines[1]).toEqual(['Géosites', 'vérifiée', 'S1', 'Étang', '1234', '']);
  });

  it('is written in English when the person reads English', async () => {
    (globalThis as { window?: unknown }).window ??= new EventTarget();
    const { setLocale } = configureLocalization({ sourceLocale: 'fr', targetLocales: ['en'], loadLocale: () => import('../../../src/i18n/locales/en.js') });
    await setLocale('en');
    try {
      const report: Report = {
        place: { kind: 'area', geometry: undefined as never, label: 'Le Bourg-d’Oisans', commune: { name: "Le Bourg-d'Oisans", code: '38052' } },
        made: '2026-11-29T15:00:00Z',
        map: { title: 'Geosites', address: 'https://example.org/maps/geosites.html' },
        layers: [
          { layerId: 'geo', title: 'Geosites', hidden: false, items: [{ id: 'RHA0041', label: 'Col', onBoundary: true, fields: [{ label: 'Type', value: 'pass' }] }] },
          { layerId: 'c', title: 'Photos', hidden: false, items: [], unchecked: { reason: 'image' } },
        ],
      };
      const lines = reportCsv(report, reportCsvTexts(report, 'en')).slice(1).split('\r\n');
      expect(lines[0]).toBe('What is here?');
      expect(lines[1]).toBe("Place;Le Bourg-d'Oisans (INSEE 38052)");
      expect(lines[2]).toMatch(/^Date;29 November 2026 at \d\d:00$/);
      expect(lines.slice(3, 6)).toEqual(['Map;Geosites', 'Map address;https://example.org/maps/geosites.html', '']);
      expect(lines[6]).toBe('Layer;Status;Identifier;Name;Position;Type');
      expect(lines[7]).toBe('Geosites;checked;RHA0041;Col;on the boundary;pass');
      expect(lines[8]).toBe('Photos;not checked: image layer, cannot be queried');
    } finally {
      await setLocale('fr');
    }
  });
});

describe('typed points', () => {
  it('reads degrees (lon lat) and Lambert-93 metres, one point a line or after « ; »', () => {
    expect(parseTypedPoints('5.72 45.18\n5,8 45,2; 5.75, 45.3')).toEqual({ crs: 'EPSG:4326', points: [[5.72, 45.18], [5.8, 45.2], [5.75, 45.3]] });
    expect(parseTypedPoints('913000 6458000')).toEqual({ crs: 'EPSG:2154', points: [[913000, 6458000]] });
  });

  it('names the point at fault', () => {
    const problem = (text: string) => {
      try {
        parseTypedPoints(text);
      } catch (error) {
        return [(error as TypedPointsProblem).code, (error as TypedPointsProblem).at];
      }
      return undefined;
    };
    expect(problem('  ')).toEqual(['empty', undefined]);
    expect(problem('5.7 45.1\n5.8')).toEqual(['pair', 2]);
    expect(problem('5.7 abc')).toEqual(['number', 1]);
    expect(problem('5.7 45.1; 913000 6458000')).toEqual(['mixed', 2]);
    expect(problem('200 -300')).toEqual(['range', 1]);
  });
});
