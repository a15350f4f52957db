import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StudioStore, emptyDocument } from '../../../src/studio/model/store.js';
import { getAt, type JsonObject } from '../../../src/studio/model/json.js';
import { textIn, withTextIn } from '../../../src/studio/settings/localized.js';
import { activeBasemapId, basemapChoices, EMPTY_BASEMAP, GEOPLATEFORME_BASEMAPS, indexOfBasemap } from '../../../src/studio/settings/basemap-choices.js';
import { frameEdit } from '../../../src/studio/settings/view-frame.js';
import type { SiteConfig } from '../../../src/context/types.js';

const geosites = JSON.parse(readFileSync(join(import.meta.dirname, '../../../maps/geosites.json'), 'utf8')) as JsonObject;

describe('a LocalizedText in the studio’s FR and EN inputs', () => {
  it('shows a plain string in French only (it is every language’s text), an object’s texts in their inputs', () => {
    expect([textIn('INPG', 'fr'), textIn('INPG', 'en')]).toEqual(['INPG', '']);
    expect([textIn({ fr: 'Géologie', en: 'Geology' }, 'fr'), textIn({ fr: 'Géologie', en: 'Geology' }, 'en')]).toEqual(['Géologie', 'Geology']);
    expect(textIn(undefined, 'fr')).toBe('');
  });

  it('keeps a plain string plain while French alone is written, and back to plain when English is emptied', () => {
    expect(withTextIn('INPG', 'fr', 'INPG 2')).toBe('INPG 2');
    expect(withTextIn('INPG', 'en', 'Geoheritage')).toEqual({ fr: 'INPG', en: 'Geoheritage' });
    expect(withTextIn({ fr: 'Géologie', en: 'Geology' }, 'en', '')).toBe('Géologie');
    expect(withTextIn({ fr: 'Géologie', en: 'Geology' }, 'fr', '')).toEqual({ en: 'Geology' });
    expect(withTextIn(undefined, 'en', 'Title')).toEqual({ en: 'Title' });
    expect(withTextIn('x', 'fr', '')).toBeUndefined();
  });
});

describe('the basemaps offered', () => {
  it('are the Géoplateforme’s, « Sans fond de carte » and the document’s own, one per id, never marked active', () => {
    const choices = basemapChoices(undefined, geosites.basemaps);
    expect(choices.map((c) => [c.basemap.id, c.origin])).toEqual([
      ['plan-ign', 'geoplateforme'],
      ['ortho', 'geoplateforme'],
      ['cadastre', 'geoplateforme'],
      ['aucun', 'empty'],
    ]);
    expect(choices.some((c) => 'active' in c.basemap)).toBe(false);
    // The Géoplateforme's are written as the shipped maps write them.
    expect(choices[0]!.basemap).toEqual(Object.fromEntries(Object.entries((geosites.basemaps as JsonObject[])[0]!).filter(([key]) => key !== 'active')));
  });

  it('start with the site’s default basemap when its configuration gives one, and keep a document’s other basemaps', () => {
    const site = { defaultBasemap: { type: 'xyz', id: 'osm', title: 'OpenStreetMap', url: 'https://tile.example/{z}/{x}/{y}.png', active: true } } as unknown as SiteConfig;
    const own = { type: 'xyz', id: 'maison', title: 'Fond maison', url: 'https://fond.example/{z}/{x}/{y}.png' };
    const choices = basemapChoices(site, [own]);
    expect(choices[0]).toEqual({ basemap: { type: 'xyz', id: 'osm', title: 'OpenStreetMap', url: 'https://tile.example/{z}/{x}/{y}.png' }, origin: 'site' });
    expect(choices.at(-1)).toEqual({ basemap: own, origin: 'document' });
  });

  it('each make a valid document, the shown one being the one marked active, else the first', () => {
    const store = new StudioStore(emptyDocument('fonds'));
    for (const basemap of [...GEOPLATEFORME_BASEMAPS, EMPTY_BASEMAP]) store.apply({ type: 'insert', path: ['basemaps'], index: 99, value: basemap });
    expect(store.state.problems).toEqual([]);
    const basemaps = store.state.document.basemaps;
    expect(activeBasemapId(basemaps)).toBe('plan-ign');
    store.apply({ type: 'set', path: ['basemaps', indexOfBasemap(basemaps, 'aucun'), 'active'], value: true });
    expect(activeBasemapId(store.state.document.basemaps)).toBe('aucun');
    expect(indexOfBasemap(basemaps, 'nope')).toBe(-1);
  });
});

describe('« Cadrer sur la carte actuelle »', () => {
  it('writes the centre and zoom of a Web-Mercator map and drops the extent it no longer opens on', () => {
    const store = new StudioStore({ ...emptyDocument('vue'), view: { projection: 'EPSG:3857', extent: [5, 44, 7, 46], minZoom: 5 } });
    store.apply(frameEdit(store.state.document, { center: [6.25, 44.85], zoom: 9.5 }), { label: 'vue' });
    expect(store.state.document.view).toEqual({ projection: 'EPSG:3857', minZoom: 5, center: [6.25, 44.85], zoom: 9.5 });
    expect(store.state.undo).toEqual(['vue']);
    expect(store.state.problems).toEqual([]);
  });

  it('writes a resolution for other projections and keeps the projection and CRS', () => {
    const doc = { ...emptyDocument('l93'), view: { projection: 'EPSG:2154', crs: 'EPSG:2154', center: [900000, 6400000], scale: 50000 } };
    const store = new StudioStore(doc);
    store.apply(frameEdit(store.state.document, { center: [912345.6, 6412345.6], resolution: 12.5 }));
    expect(getAt(store.state.document, ['view'])).toEqual({ projection: 'EPSG:2154', crs: 'EPSG:2154', center: [912345.6, 6412345.6], resolution: 12.5 });
  });
});
