import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvDocument } from '../../../src/csv/cell.js';
import { reportCsv, type CsvTexts } from '../../../src/report/csv.js';
import { parseTypedPoints, TypedPointsProblem } from '../../../src/report/place.js';
import type { Report } from '../../../src/report/types.js';
import { BENIGN_CELLS, HOSTILE_CELLS, parseCsv } from '../csv/cells.js';

const texts: CsvTexts = {
  layer: 'Couche', status: 'Statut', feature: 'Objet', id: 'Identifiant', distance: 'Distance (m)',
  field: (n) => `Champ ${n}`, value: (n) => `Valeur ${n}`,
  checked: 'vérifiée', unchecked: (id) => `non vérifiée (${id})`, capped: 'incomplète',
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
    const csv = reportCsv(report, texts);
    const cells = values.map((v, i) => ['@titre', 'vérifiée', 'x', i, undefined, '-champ', v, undefined, undefined, undefined, undefined]);
    const header = ['Couche', 'Statut', 'Objet', 'Identifiant', 'Distance (m)', 'Champ 1', 'Valeur 1', 'Champ 2', 'Valeur 2', 'Champ 3', 'Valeur 3'];
    expect(csv).toBe(csvDocument([header, ...cells], ';'));
    const lines = parseCsv(csv.slice(1), ';').slice(1);
    expect(lines.map((line) => [line[0], line[5], line[6]])).toEqual([
      ...HOSTILE_CELLS.map((cell) => ["'@titre", "'-champ", `'${cell}`]),
      ...BENIGN_CELLS.map((cell) => ["'@titre", "'-champ", String(cell)]),
    ]);
  });

  it('writes a BOM, a header, one line per feature and one per empty or unchecked layer', () => {
    const report: Report = {
      place: { kind: 'circle', center: [0, 0], distance: 5000, label: 'x' },
      made: '2026-11-29T03:00:00Z',
      layers: [
        { layerId: 'a', title: 'Géosites', hidden: false, items: [
          { id: 'S1', label: 'Étang', distance: 1234.4, fields: [{ label: 'Type', value: '=1+1' }] },
          { id: 2, label: 'Col', distance: 10, fields: [] },
        ] },
        { layerId: 'b', title: 'Vide', hidden: true, items: [] },
        { layerId: 'c', title: 'Fond', hidden: false, items: [], unchecked: { reason: 'image' } },
      ],
    };
    const csv = reportCsv(report, texts);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('Couche;Statut;Objet;Identifiant;Distance (m);Champ 1;Valeur 1;Champ 2;Valeur 2;Champ 3;Valeur 3');
    expect(lines[1]).toBe("Géosites;vérifiée;Étang;S1;1234;Type;'=1+1;;;;");
    expect(lines[2]).toBe('Géosites;vérifiée;Col;2;10;;;;;;');
    expect(lines[3]).toBe('Vide;vérifiée');
    expect(lines[4]).toBe('Fond;non vérifiée (c)');
    expect(lines[5]).toBe('');
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
