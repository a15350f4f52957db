/** Small projects for the restricted-access build tests: written to temp folders, removed after each test. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { minimalDocument } from '../context/fixtures.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

export function project(files: Record<string, unknown>): string {
  const root = mkdtempSync(join(tmpdir(), 'cartable-restricted-'));
  roots.push(root);
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  }
  return root;
}

export const point = (id: string, props: Record<string, unknown>, lon = 6.2, lat = 44.9) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: { code: id, ...props },
});

export const SITES = {
  type: 'FeatureCollection',
  features: [
    point('S1', { nom: 'Belvédère ouvert', niveau: 'Public' }),
    point('S2', { nom: 'Aire de nidification cachée', niveau: 'Réservé' }),
    point('S3', { nom: 'Source publique', niveau: 'Public' }),
  ],
};

/** A public map with a confidential packaged layer, a restricted layer, and a restricted map. */
export function splitProject() {
  const open = minimalDocument();
  open.id = 'ouverte';
  delete open.layers[0].url;
  open.layers[0].file = 'data/sites.geojson';
  open.layers[0].confidential = { field: 'niveau', values: ['Réservé'] };
  open.layers[0].search = { fields: ['nom'] };
  open.layers[0].info = { downloads: [{ title: 'GeoJSON', url: 'data/sites.geojson' }] };
  open.layers.push({
    type: 'group',
    id: 'groupe-agents',
    title: 'Groupe des agents',
    layers: [{ ...structuredClone(open.layers[0]), id: 'notes-agents', title: 'Notes des agents', file: 'data/notes.geojson', confidential: undefined, access: { level: 'restricted', groups: ['agents'] } }],
  });
  delete open.layers[1].layers[0].confidential;
  const closed = minimalDocument();
  closed.id = 'fermee-secrete';
  closed.title = { fr: 'Carte fermée secrète', en: 'Secret closed map' };
  closed.access = { level: 'restricted', groups: ['agents'] };
  delete closed.layers[0].url;
  closed.layers[0].file = 'data/fermee.geojson';
  return project({
    'maps/ouverte.json': open,
    'maps/fermee-secrete.json': closed,
    'maps/data/sites.geojson': SITES,
    'maps/data/notes.geojson': { type: 'FeatureCollection', features: [point('N1', { nom: 'Note de terrain confidentielle' })] },
    'maps/data/fermee.geojson': { type: 'FeatureCollection', features: [point('F1', { nom: 'Falaise protégée' })] },
  });
}

