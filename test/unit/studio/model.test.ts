import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioStore, emptyDocument } from '../../../src/studio/model/store.js';
import { readFormat, serializeDocument } from '../../../src/studio/model/serialize.js';
import { getAt, pathOf, pointerOf, type JsonObject } from '../../../src/studio/model/json.js';

const MAPS = join(import.meta.dirname, '../../../maps');
const shipped = readdirSync(MAPS).filter((name) => name.endsWith('.json'));

describe('the studio document', () => {
  it.each(shipped)('gives back %s byte for byte when opened and saved unchanged', (name) => {
    const text = readFileSync(join(MAPS, name), 'utf8');
    const store = new StudioStore(JSON.parse(text) as JsonObject, { kind: 'map', id: name, text }, readFormat(text));
    expect(store.state.problems).toEqual([]);
    expect(serializeDocument(store.state.document, store.state.format)).toBe(text);
  });

  it('keeps a key in its place when it changes, and puts a new one where the schema orders it', () => {
    const store = new StudioStore(emptyDocument('essai'));
    store.apply({ type: 'set', path: ['title', 'fr'], value: 'Géosites' });
    store.apply({ type: 'set', path: ['description'], value: { fr: 'Des sites', en: 'Sites' } });
    store.apply({ type: 'set', path: ['tags'], value: ['INPG'] });
    const keys = Object.keys(store.state.document);
    expect(keys.slice(0, 6)).toEqual(['$schema', 'version', 'id', 'title', 'description', 'tags']);
    expect(keys.indexOf('access')).toBeGreaterThan(keys.indexOf('tags'));
  });

  it('writes a new layer in the schema order of its kind, whatever order the editor gave', () => {
    const store = new StudioStore(emptyDocument('essai'));
    store.apply({ type: 'insert', path: ['layers'], index: 0, value: { style: { symbol: { fill: { color: '#112233' } } }, title: 'Sites', data: { type: 'FeatureCollection', features: [] }, id: 'sites', type: 'geojson' } });
    expect(Object.keys(getAt(store.state.document, ['layers', 0]) as JsonObject)).toEqual(['type', 'id', 'title', 'data', 'style']);
    expect(store.state.problems).toEqual([]);
  });

  it('undoes and redoes steps, typing in one field being one step', () => {
    const store = new StudioStore(emptyDocument('essai'));
    for (const value of ['G', 'Gé', 'Géo']) store.apply({ type: 'set', path: ['title', 'fr'], value }, { merge: '/title/fr', label: 'titre' });
    store.apply({ type: 'set', path: ['id'], value: 'geo' });
    expect(store.state.undo).toHaveLength(2);
    store.undo();
    expect(store.state.document.id).toBe('essai');
    store.undo();
    expect(getAt(store.state.document, ['title', 'fr'])).toBe('Nouvelle carte');
    expect(store.state.dirty).toBe(false);
    store.redo();
    expect(getAt(store.state.document, ['title', 'fr'])).toBe('Géo');
    expect(store.state.redo).toHaveLength(1);
  });

  it('validates each change with the build’s validators, keeping the last valid document for the preview', () => {
    const store = new StudioStore(emptyDocument('essai'));
    const valid = store.state.valid;
    expect(valid?.id).toBe('essai');
    store.apply({ type: 'set', path: ['id'], value: 'pas un id' });
    expect(store.state.problems.map((p) => p.path)).toEqual(['/id']);
    expect(store.state.valid).toBeUndefined();
    expect(store.state.lastValid).toBe(valid);
  });

  it('names places with JSON pointers, as the validators do', () => {
    expect(pointerOf(['layers', 0, 'a/b'])).toBe('/layers/0/a~1b');
    expect(pathOf('/layers/0/a~1b')).toEqual(['layers', 0, 'a/b']);
  });
});
