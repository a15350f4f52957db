/**
 * The build's leak check: it finds every restricted string planted in a public output (as is,
 * HTML- or JSON-escaped; the other written forms are in leak-forms.test.ts), names the file and the
 * string, and finds nothing in a clean output — the shipped maps' and the real INPG geosites' included.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublicOutput, findLeaks, LeakError, projectLeaks, restrictedSecrets } from '../../../plugin/leaks.js';
import { buildMaps } from '../../../plugin/maps.js';
import { hasSharedData, sharedFile, SKIP_NO_SHARED_DATA } from '../../support/shared-data.js';
import { minimalDocument } from '../context/fixtures.js';
import { publicOutput } from './leak-fixtures.js';
import { project, splitProject } from './restricted-fixtures.js';

const ROOT = join(import.meta.dirname, '../../..');

describe('the leak check', () => {
  it('lists what only the restricted output may hold', () => {
    const root = splitProject();
    const { maps, restricted } = buildMaps(join(root, 'maps'), root);
    const secrets = restrictedSecrets(maps, restricted);
    const texts = (kind: string) => secrets.filter((s) => s.kind === kind).map((s) => s.text).sort();
    expect(texts('map id')).toEqual(['fermee-secrete']);
    expect(texts('map title')).toEqual(['Carte fermée secrète', 'Secret closed map']);
    expect(texts('layer id')).toEqual(['groupe-agents', 'notes-agents']);
    expect(texts('layer title')).toEqual(['Groupe des agents', 'Notes des agents']);
    // Withheld and restricted records' values; public ones ("Belvédère ouvert") and the public document's
    // own words ("Réservé", the confidential value it names) are not secrets.
    expect(texts('record value')).toEqual(['Aire de nidification cachée', 'Falaise protégée', 'Note de terrain confidentielle']);
    expect(texts('file name').some((name) => /^fermee-secrete\.json$/.test(name))).toBe(true);
    expect(texts('file name').some((name) => /^sites\.[0-9a-f]{10}\.geojson$/.test(name))).toBe(true);
  });

  it('finds nothing in a clean public output, and every planted leak with its file and string', () => {
    const root = splitProject();
    const { maps, restricted } = buildMaps(join(root, 'maps'), root);
    expect(findLeaks(publicOutput(maps), restrictedSecrets(maps, restricted))).toEqual([]);
    expect(() => checkPublicOutput(publicOutput(maps), maps, restricted)).not.toThrow();

    const fullSites = restricted.find((m) => m.context.id === 'ouverte')!.outputs.find((o) => /^data\/sites\.[0-9a-f]+\.geojson$/.test(o.path))!.path;
    const planted = publicOutput(maps, {
      'assets/chunk.js': 'const a={nom:"Aire de nidification cach\\u00e9e"};',
      'maps/autre.html': '<title>Carte ferm&eacute;e</title><meta content="Carte fermée secrète" />',
      'catalog.json': JSON.stringify({ maps: [{ id: 'fermee-secrete', document: 'maps/fermee-secrete.json' }] }),
      'sw.js': `precacheAndRoute([{url:"${fullSites}"}]);`,
      'maps/notes.html': '<p>Notes des agents&#39; — groupe-agents-bis, sous-notes-agents</p>',
    });
    const leaks = findLeaks(planted, restrictedSecrets(maps, restricted));
    expect(leaks.map((l) => `${l.file}: ${l.kind}: ${l.text}`).sort()).toEqual([
      'assets/chunk.js: record value: Aire de nidification cachée',
      'catalog.json: file name: fermee-secrete.json',
      'catalog.json: map id: fermee-secrete',
      'maps/autre.html: map title: Carte fermée secrète',
      'maps/notes.html: layer title: Notes des agents',
      `sw.js: file name: ${fullSites.split('/')[1]}`,
    ]);
    // Ids inside longer ids ("groupe-agents-bis", "sous-notes-agents") are other names, not leaks.
    expect(leaks.some((l) => l.kind === 'layer id')).toBe(false);
    expect(() => checkPublicOutput(planted, maps, restricted)).toThrow(LeakError);
    try {
      checkPublicOutput(planted, maps, restricted);
    } catch (error) {
      expect((error as Error).message).toContain('assets/chunk.js: record value of maps/ouverte.json: "Aire de nidification cachée"');
      expect((error as Error).message).toContain('catalog.json: map id of maps/fermee-secrete.json: "fermee-secrete"');
    }
  });

  it('finds an HTML-escaped title and a JSON-escaped value', () => {
    const doc = minimalDocument();
    doc.id = 'carte-d-agents';
    doc.title = "L'inventaire \"réservé\" des agents";
    doc.access = { level: 'restricted' };
    const root = project({ 'maps/carte-d-agents.json': doc });
    const { maps, restricted } = buildMaps(join(root, 'maps'), root);
    const secrets = restrictedSecrets(maps, restricted);
    const html = publicOutput(maps, { 'a.html': '<meta content="L&#39;inventaire &quot;réservé&quot; des agents">' });
    expect(findLeaks(html, secrets).map((l) => l.file)).toEqual(['a.html']);
    const json = publicOutput(maps, { 'a.json': JSON.stringify({ t: doc.title }) });
    expect(findLeaks(json, secrets).map((l) => l.file)).toEqual(['a.json']);
  });

  it('finds nothing in the public build of the shipped maps, whose example restricted map is left out', () => {
    const { maps, restricted, problems } = buildMaps(join(ROOT, 'maps'), ROOT);
    expect(problems).toEqual([]);
    expect(maps.map((m) => m.context.id)).not.toContain('sites-sensibles-agents');
    expect(restricted.map((m) => m.context.id).sort()).toEqual(['geosites', 'lieux-de-france', 'sites-sensibles-agents']);
    const lieux = maps.find((m) => m.context.id === 'lieux-de-france')!;
    expect(lieux.withheldRecords).toBe(3);
    expect(lieux.removedLayers.map((l) => l.id)).toEqual(['releves-terrain-agents']);
    const folder = publicOutput(maps);
    expect(projectLeaks(folder, ROOT)).toEqual([]);
    writeFileSync(join(folder, 'fuite.json'), JSON.stringify({ nom: 'Gîte à chiroptères de la Combe Sourde' }));
    expect(projectLeaks(folder, ROOT).map((l) => `${l.file}: ${l.kind}`)).toEqual(['fuite.json: record value']);
  }, 300_000); // Three builds of the shipped maps: slow on a loaded machine (a bound on a hang).
});

describe.skipIf(!hasSharedData('geosites/inpg-geosites-ecrins.geojson'))('the leak check on the real INPG geosites', () => {
  it('passes the 60 public records and catches any of the 11 withheld ones, their points included', () => {
    const doc = minimalDocument();
    doc.id = 'geosites-test';
    doc.layers[0] = {
      type: 'geojson', id: 'geosites', title: 'Géosites', file: 'data/geosites.geojson', idField: 'id_site',
      confidential: { field: 'confidentialite', values: ['Réservé'] },
      fields: [{ name: 'id_site', type: 'text' }, { name: 'nom_site', type: 'text' }],
      search: { fields: ['nom_site'] },
      style: { symbol: { marker: { shape: 'circle', radius: 5, fill: { color: '#a0522d' } } } },
    };
    const root = project({ 'maps/geosites-test.json': doc });
    mkdirSync(join(root, 'maps/data'), { recursive: true });
    copyFileSync(sharedFile('geosites/inpg-geosites-ecrins.geojson'), join(root, 'maps/data/geosites.geojson'));
    const { maps, restricted } = buildMaps(join(root, 'maps'), root);
    const secrets = restrictedSecrets(maps, restricted);
    expect(findLeaks(publicOutput(maps), secrets).map((l) => `${l.file}: ${l.kind}: ${l.text}`)).toEqual([]);
    const reserved = (JSON.parse(readFileSync(sharedFile('geosites/inpg-geosites-ecrins.geojson'), 'utf8')).features as any[])
      .filter((f) => f.properties.confidentialite === 'Réservé');
    expect(reserved).toHaveLength(11);
    for (const feature of reserved) {
      const { id_site, nom_site } = feature.properties;
      const [lon, lat] = feature.geometry.coordinates as number[];
      // Its point too, rounded to 6 decimals (the source has about 15).
      const planted = JSON.stringify({ id: id_site, n: nom_site, c: [+lon!.toFixed(6), +lat!.toFixed(6)] });
      const leaks = findLeaks(publicOutput(maps, { 'assets/x.js': `export default ${planted};` }), secrets);
      // The id, the name and the point at least (a place name inside the name, e.g. its "lieudit", is one more).
      expect(leaks.map((l) => l.text), nom_site).toEqual(expect.arrayContaining([id_site, nom_site, `${lon},${lat}`]));
      expect(new Set(leaks.map((l) => l.file))).toEqual(new Set(['assets/x.js']));
    }
  }, 180_000); // 11 searches of a public output: slow on a loaded machine (a bound on a hang).
});

if (!hasSharedData('geosites/inpg-geosites-ecrins.geojson')) console.warn(SKIP_NO_SHARED_DATA);
