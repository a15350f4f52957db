/** The layer tree's moves: each `move` edit lands the layer where the person asked, in and out of groups. */
import { describe, expect, it } from 'vitest';
import { applyEdit } from '../../../src/studio/model/store.js';
import type { JsonObject } from '../../../src/studio/model/json.js';
import { formatScale, parseScale } from '../../../src/studio/layers/node-fields.js';
import { moveDown, moveIntoGroup, moveOutOfGroup, moveTo, moveUp, treeRows, uniqueId, withFreshIds } from '../../../src/studio/layers/tree.js';

const leaf = (id: string): JsonObject => ({ type: 'geojson', id, title: id, url: 'x.geojson', style: {} });
const doc = (): JsonObject => ({ layers: [leaf('a'), { type: 'group', id: 'g', title: 'g', layers: [leaf('b'), leaf('c')] }, leaf('d')] });
const ids = (document: JsonObject): string[] => treeRows(document).map((row) => `${'  '.repeat(row.depth)}${String(row.node.id)}`);
const apply = (document: JsonObject, move: ReturnType<typeof moveTo>): JsonObject => {
  if (!move) throw new Error('no move');
  return applyEdit({ document, files: new Map() }, move.edit).document;
};

describe('layer tree moves', () => {
  it('lists the tree depth first', () => {
    expect(ids(doc())).toEqual(['a', 'g', '  b', '  c', 'd']);
  });

  it('moves up and down among siblings, and out of a group at its ends', () => {
    const down = moveDown(doc(), ['layers', 0]);
    expect(ids(apply(doc(), down))).toEqual(['g', '  b', '  c', 'a', 'd']);
    expect(down?.landed).toEqual(['layers', 1]);
    expect(ids(apply(doc(), moveUp(['layers', 1, 'layers', 0])))).toEqual(['a', 'b', 'g', '  c', 'd']);
    const outBelow = moveDown(doc(), ['layers', 1, 'layers', 1]);
    expect(ids(apply(doc(), outBelow))).toEqual(['a', 'g', '  b', 'c', 'd']);
    expect(outBelow?.landed).toEqual(['layers', 2]);
    expect(moveUp(['layers', 0])).toBeUndefined();
    expect(moveDown(doc(), ['layers', 2])).toBeUndefined();
  });

  it('puts a layer into a group placed after it (the group moves up once the layer is out)', () => {
    const into = moveIntoGroup(doc(), ['layers', 0], ['layers', 1]);
    expect(into?.edit).toEqual({ type: 'move', from: { path: ['layers'], index: 0 }, to: { path: ['layers', 0, 'layers'], index: 2 } });
    expect(ids(apply(doc(), into))).toEqual(['g', '  b', '  c', '  a', 'd']);
    expect(into?.landed).toEqual(['layers', 0, 'layers', 2]);
    expect(ids(apply(doc(), moveOutOfGroup(['layers', 1, 'layers', 0])))).toEqual(['a', 'g', '  c', 'b', 'd']);
  });

  it('never puts a group inside itself', () => {
    expect(moveIntoGroup(doc(), ['layers', 1], ['layers', 1])).toBeUndefined();
    expect(moveTo(['layers', 1], ['layers', 1, 'layers'], 0)).toBeUndefined();
  });

  it('drops before a row of another list', () => {
    expect(ids(apply(doc(), moveTo(['layers', 2], ['layers', 1, 'layers'], 1)))).toEqual(['a', 'g', '  b', '  d', '  c']);
  });

  it('makes ids unique, a copied group’s layers too', () => {
    expect(uniqueId('Géosites (INPG)', new Set())).toBe('geosites-inpg');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
    const copy = withFreshIds((doc().layers as JsonObject[])[1]!, new Set(['g', 'b', 'c']));
    expect([copy.id, ...(copy.layers as JsonObject[]).map((l) => l.id)]).toEqual(['g-2', 'b-2', 'c-2']);
  });

  it('reads scale denominators as people write them, and writes them back French style', () => {
    expect(parseScale('1:25 000')).toBe(25000);
    expect(parseScale('25\u202f000')).toBe(25000);
    expect(parseScale('1/250.000')).toBe(250000);
    expect(parseScale('  ')).toBeNull();
    expect(parseScale('grand')).toBeNaN();
    expect(parseScale('0')).toBeNaN();
    expect(formatScale(25000, 'fr')).toBe('25\u202f000');
    expect(formatScale(25000, 'en')).toBe('25,000');
  });
});
