import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, reportCsv, type CsvTexts } from '../../../src/report/csv.js';
import { parseTypedPoints, TypedPointsProblem } from '../../../src/report/place.js';
import type { Report } from '../../../src/report/types.js';

const texts: CsvTexts = {
  layer: 'Couche', status: 'Statut', feature: 'Objet', id: 'Identifiant', distance: 'Distance (m)',
  field: (n) => `Champ ${n}`, value: (n) => `Valeur ${n}`,
  checked: 'vérifiée', unchecked: (id) => `non vérifiée (${id})`, capped: 'incomplète',
};

describe('report CSV', () => {
  it('neutralises values a spreadsheet would run as formulas, keeps numbers', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+33 1 23')).toBe("'+33 1 23");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('-cmd')).toBe("'-cmd");
    expect(csvCell('-12,5')).toBe('-12,5');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('deux\nlignes')).toBe('"deux\nlignes"');
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
