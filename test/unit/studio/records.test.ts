import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confidentialTest, withheldCount } from '../../../src/context/confidential.js';
import type { ConfidentialRecords } from '../../../src/context/types.js';
import { recordsOf, withoutConfidential } from '../../../plugin/restricted.js';
import { StudioStore } from '../../../src/studio/model/store.js';
import { getAt, type JsonObject } from '../../../src/studio/model/json.js';
import { distinctValues, guessType, insertField, localizedEdit, newField, usableFields, vectorLayerAt, vectorLayers } from '../../../src/studio/records/record-model.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';

const GEOSITES_FILE = 'geosites/inpg-geosites-ecrins.geojson';
const geositesMap = (): JsonObject => JSON.parse(readFileSync(join(import.meta.dirname, '../../../maps/geosites.json'), 'utf8')) as JsonObject;

describe.skipIf(!hasSharedData(GEOSITES_FILE))('the confidential count on the shared Géosites data', () => {
  const geojson = (): unknown => JSON.parse(readFileSync(sharedFile(GEOSITES_FILE), 'utf8'));

  it('withholds 11 records of 71 with the map’s own rule, as the build does', () => {
    const map = geositesMap();
    const [{ layer }] = vectorLayers(map);
    const rule = layer!.confidential as unknown as ConfidentialRecords;
    const data = geojson();
    const records = recordsOf(data);
    expect(records).toHaveLength(71);
    expect(withheldCount(records, rule)).toBe(11);
    // The build's filter uses the same predicate: what it withholds is what the studio counts.
    expect(withoutConfidential(data, rule).withheld).toBe(11);
  });

  it('compares values trimmed, without case, Unicode-normalised (one predicate for both)', () => {
    const records = recordsOf(geojson());
    expect(withheldCount(records, { field: 'confidentialite', values: [' réservé'] })).toBe(11);
    expect(withheldCount(records, { field: 'confidentialite', values: ['Re\u0301serve\u0301'] })).toBe(11);
    expect(withheldCount(records, { field: 'confidentialite', values: ['Reserve'] })).toBe(0);
    expect(withheldCount(records, { field: 'absent', values: ['Réservé'] })).toBe(0);
  });

  it('lists the field’s distinct values with their counts, to pick the withheld ones', () => {
    const values = distinctValues(recordsOf(geojson()), 'confidentialite');
    expect(values.find((v) => v.value === 'Réservé')?.count).toBe(11);
    expect(values.reduce((sum, v) => sum + v.count, 0)).toBeLessThanOrEqual(71);
  });
});
if (!hasSharedData(GEOSITES_FILE)) console.warn(SKIP_NO_SHARED_DATA);

describe('the confidential predicate', () => {
  it('never withholds on objects, null or missing values', () => {
    const test = confidentialTest({ field: 'c', values: ['x', 1, true] });
    expect([{ c: 'X ' }, { c: 1 }, { c: '1' }, { c: true }].map(test)).toEqual([true, true, true, true]);
    expect([{ c: null }, {}, { c: { x: 1 } }, null, undefined].map(test)).toEqual([false, false, false, false, false]);
  });
});

describe('inserting a field into a template', () => {
  it('puts {{name}} at the caret and the caret after it', () => {
    expect(insertField('Site ', 5, 5, 'nom_site')).toEqual({ text: 'Site {{nom_site}}', caret: 17 });
    expect(insertField('A  B', 2, 2, 'x')).toEqual({ text: 'A {{x}} B', caret: 7 });
  });

  it('replaces the selection, and keeps out-of-range carets in the text', () => {
    expect(insertField('Nom : XXX', 6, 9, 'nom')).toEqual({ text: 'Nom : {{nom}}', caret: 13 });
    expect(insertField('ab', 10, 12, 'c')).toEqual({ text: 'ab{{c}}', caret: 7 });
    expect(insertField('', 0, 0, 'c')).toEqual({ text: '{{c}}', caret: 5 });
  });

  it('is one edit of the document: the title template of Géosites gets the field', () => {
    const store = new StudioStore(geositesMap());
    const path = vectorLayers(store.state.document)[0]!.path;
    const titlePath = [...path, 'popup', 'title'];
    const current = getAt(store.state.document, titlePath);
    expect(current).toBe('{{nom_site}}');
    const { text } = insertField(current as string, 12, 12, 'lieudit');
    store.apply(localizedEdit(titlePath, current, 'fr', text));
    expect(getAt(store.state.document, titlePath)).toBe('{{nom_site}}{{lieudit}}');
    expect(store.state.problems).toEqual([]);
    store.undo();
    expect(getAt(store.state.document, titlePath)).toBe('{{nom_site}}');
  });
});

describe('texts per language', () => {
  const path = ['layers', 0, 'popup', 'title'];
  it('keeps a plain string while only French is written, and makes it per language for English', () => {
    expect(localizedEdit(path, 'A', 'fr', 'AB')).toEqual({ type: 'set', path, value: 'AB' });
    expect(localizedEdit(path, 'A', 'en', 'B')).toEqual({ type: 'set', path, value: { fr: 'A', en: 'B' } });
    expect(localizedEdit(path, undefined, 'fr', 'A')).toEqual({ type: 'set', path, value: 'A' });
  });

  it('sets one language of an object, and removes an emptied one (the whole value when nothing is left)', () => {
    expect(localizedEdit(path, { fr: 'A', en: 'B' }, 'en', 'C')).toEqual({ type: 'set', path: [...path, 'en'], value: 'C' });
    expect(localizedEdit(path, { fr: 'A', en: 'B' }, 'en', '')).toEqual({ type: 'set', path: [...path, 'en'], value: undefined });
    expect(localizedEdit(path, { en: 'B' }, 'en', '')).toEqual({ type: 'set', path, value: undefined });
    expect(localizedEdit(path, 'A', 'fr', '')).toEqual({ type: 'set', path, value: undefined });
  });
});

describe('fields from the data', () => {
  it('guesses a type from the values', () => {
    expect(guessType([1, 2, null])).toBe('integer');
    expect(guessType([1.5, 2])).toBe('number');
    expect(guessType(['https://a.fr', 'http://b.fr/x'])).toBe('url');
    expect(guessType(['a@b.fr'])).toBe('email');
    expect(guessType(['2024-03-05'])).toBe('date');
    expect(guessType([true, false])).toBe('boolean');
    expect(guessType(['x'.repeat(200)])).toBe('longtext');
    expect(guessType([])).toBe('text');
  });

  it('describes a new field with its name as label', () => {
    expect(newField('hauteur', [{ hauteur: 3 }])).toEqual({ name: 'hauteur', label: { fr: 'hauteur', en: 'hauteur' }, type: 'integer' });
  });

  it('offers the declared fields, or the data’s when none is declared', () => {
    const layer = vectorLayerAt(geositesMap(), ['layers', 0]) ?? vectorLayers(geositesMap())[0]!.layer;
    expect(usableFields(layer, [{ autre: 1 }])).toContain('nom_site');
    expect(usableFields(layer, [{ autre: 1 }])).not.toContain('autre');
    expect(usableFields({ type: 'geojson', style: {} }, [{ a: 1, geometry: null }, { b: 2 }])).toEqual(['a', 'b']);
  });
});
