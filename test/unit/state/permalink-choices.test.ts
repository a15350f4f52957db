import { describe, expect, it } from 'vitest';
import { validateContext } from '../../../src/context/validate.js';
import type { MapContext } from '../../../src/context/types.js';
import { permalinkActions, permalinkOf, readPermalink, writePermalink } from '../../../src/state/permalink.js';
import { MapStore, initialState } from '../../../src/state/store.js';
import { minimalDocument } from '../context/fixtures.js';

function context(): MapContext {
  const doc = minimalDocument();
  doc.layers.push({
    type: 'wms',
    id: 'pop',
    title: 'Population',
    url: 'https://geo.example/wms',
    layers: 'rb:pop',
    time: { values: ['1999', '2007', '2012', '2017'], label: { fr: 'Année', en: 'Year' } },
    filters: [
      { id: 'level', field: 'level', values: ['Commune', 'EPCI', 'Pays'], label: 'Échelle', default: 'Commune' },
      { id: 'sect', field: 'secteur', values: ['Public', 'Privé ~ sous contrat'], label: 'Secteur' },
    ],
  });
  const result = validateContext(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const BASE = 'https://x.example/maps/essai.html';

describe('WMS choices in permalinks', () => {
  it('writes only the choices that differ from the document, and reads them back into the store', () => {
    const ctx = context();
    const store = new MapStore(initialState(ctx));
    expect(writePermalink(new URL(BASE), permalinkOf({ context: ctx, state: store.state }), ctx).searchParams.has('lc')).toBe(false);
    store.dispatch({ type: 'set-layer-choice', id: 'pop', choice: { time: '2007' } });
    store.dispatch({ type: 'set-layer-choice', id: 'pop', choice: { filter: 'level', value: '' } });
    store.dispatch({ type: 'set-layer-choice', id: 'pop', choice: { filter: 'sect', value: 'Privé ~ sous contrat' } });
    const url = writePermalink(new URL(BASE), permalinkOf({ context: ctx, state: store.state }), ctx);
    expect(url.searchParams.getAll('lc')).toEqual(['pop~t:2007~f.level:~f.sect:Privé %7E sous contrat']);

    const { link, ignored } = readPermalink(new URL(url.href), ctx);
    expect(ignored).toEqual([]);
    const opened = new MapStore(initialState(ctx));
    for (const action of permalinkActions(opened.state, link, ctx)) opened.dispatch(action);
    expect(opened.state.layers['pop']?.choices).toEqual({ time: '2007', filters: { level: '', sect: 'Privé ~ sous contrat' } });
  });

  it('ignores values a layer does not offer, unknown layers and filters: the defaults stay', () => {
    const ctx = context();
    const url = new URL(`${BASE}?lc=pop~t:2008~f.level:Canton~f.nope:x~f.sect:Public~junk&lc=ghost~t:2007&lc=pop~t:%E0`);
    const { link, ignored } = readPermalink(url, ctx);
    expect(link.choices).toEqual([{ id: 'pop', choice: { filter: 'sect', value: 'Public' } }]);
    expect(ignored).toEqual(['lc:pop', 'lc:pop', 'lc:pop', 'lc:pop', 'lc:ghost', 'lc:pop']);
    const opened = new MapStore(initialState(ctx));
    for (const action of permalinkActions(opened.state, link, ctx)) opened.dispatch(action);
    expect(opened.state.layers['pop']?.choices).toEqual({ time: '2017', filters: { level: 'Commune', sect: 'Public' } });
  });
});
