import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroupDef, LayerNode, WmsLayerDef } from '../../../src/context/types.js';
import { runCartable } from '../../support/cartable-cli.js';
import { hasSharedData, sharedFile } from '../../support/shared-data.js';
import { fixture, validated } from './support.js';


const TEMPLATES = fixture('mviewer-templates');
const APPS = sharedFile('configs/mviewer/apps_default.xml');
const work = mkdtempSync(join(tmpdir(), 'cartable-templates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const wmsLayers = (nodes: readonly LayerNode[]): WmsLayerDef[] =>
  nodes.flatMap((n): WmsLayerDef[] => (n.type === 'group' ? wmsLayers((n as GroupDef).layers) : n.type === 'wms' ? [n] : []));
const noStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

it('documents --templates and --styles in its help', async () => {
  const help = await runCartable('--help');
  expect(help.stdout).toContain('--templates <where>   Import: read the record templates the document points to (mviewer .mst');
  expect(help.stdout).toContain('--styles <where>      Import: read the SLD styles the document points to, the same way');
});

describe.skipIf(!hasSharedData('configs/mviewer'))('cartable import mviewer --templates (apps_default.xml)', () => {
  it('converts the templates read from a folder: popups, fields, GetFeatureInfo as GML; the JavaScript ones listed per layer', async () => {
    const out = join(work, 'apps.json');
    const run = await runCartable('import', 'mviewer', APPS, '--templates', TEMPLATES, '-o', out);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${TEMPLATES}: 6 of 6 template file(s) read\n`);
    const map = validated(JSON.parse(readFileSync(out, 'utf8')));
    const wms = wmsLayers(map.layers);
    expect(wms).toHaveLength(8);
    expect(wms.filter((l) => l.popup).map((l) => l.id)).toEqual(['rp_struct_pop_geom', 'reserve_naturelle_regionale', 'lycee', 'port']);
    // mviewer asked GML of these GeoServer layers: kept, it holds the fields the templates read.
    expect(wms.filter((l) => l.popup).every((l) => l.infoFormat === 'gml')).toBe(true);
    const byId = (id: string): WmsLayerDef => wms.find((l) => l.id === id)!;
    expect(byId('rp_struct_pop_geom').popup).toEqual({
      title: '{{nom_geo}}',
      sections: [
        { text: 'Échelle : {{level}} — recensement {{annee}}' },
        { fields: [{ field: 'pop', label: 'Population' }, { field: 'superficie', label: 'Superficie (km²)' }] },
        { text: 'Densité : {{densite}} hab./km²' },
      ],
      links: [{ label: "Statistiques de l'Insee", url: 'https://www.insee.fr/fr/statistiques/zones/{{code_insee}}' }],
    });
    expect(byId('lycee').popup).toMatchObject({
      title: '{{appellation_officielle}}',
      sections: [{ fields: [{ field: 'secteur_li', label: 'Secteur' }, { field: 'adresse', label: 'Adresse' }, { field: 'commune', label: 'Commune' }, { field: 'effectif', label: 'Élèves' }] }, {}, {}],
      links: [{ label: 'Lien', url: '{{site_web}}' }, { label: "Fiche de l'annuaire", url: 'https://www.education.gouv.fr/annuaire/{{uai}}' }],
    });
    expect(byId('port').fields).toEqual([{ name: 'photo_url', type: 'image' }]);
    expect(byId('reserve_naturelle_regionale').fields).toEqual([{ name: 'photo', type: 'image' }, { name: 'description', type: 'html' }]);
    // An image where the template puts it, labelled by its fixed alternative text.
    expect(byId('reserve_naturelle_regionale').popup?.sections?.[0]).toEqual({ fields: [{ field: 'photo', label: 'Photo de la réserve' }] });
    // What cannot be converted is said per layer, with the reason; those layers keep the generic record.
    const notConverted = run.stderr.split('\n').filter((l) => l.includes('record template not converted'));
    expect(notConverted).toEqual([
      expect.stringMatching(/theme\[1\]\/layer\[2\]: record template not converted \(.*territoire\.pop\.cat_age\.mst\): it runs JavaScript \(<script>\)/),
      expect.stringMatching(/group\[1\]\/layer\[2\]: record template not converted \(.*global\.arret_ferroviaire\.mst\): it runs JavaScript in event handlers/),
    ]);
    expect(byId('rp_struct_pop_geom-2').popup).toBeUndefined();
    expect(byId('arret_ferroviaire').popup).toBeUndefined();
    expect(run.stderr).not.toContain('record template not read');
  });

  describe('from a base address', () => {
    let server: Server;
    let base: string;
    const asked: string[] = [];
    beforeAll(async () => {
      server = createServer((request, response) => {
        const name = decodeURIComponent(new URL(request.url!, 'http://x').pathname.replace(/^\/templates\//, ''));
        asked.push(name);
        if (name === 'global.port.mst' || name.includes('/')) {
          response.writeHead(404).end();
          return;
        }
        try {
          response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(readFileSync(join(TEMPLATES, name)));
        } catch {
          response.writeHead(404).end();
        }
      });
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/templates/`;
    });
    afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

    it('fetches each template by its file name; a missing one is said, and the map is still written', async () => {
      const out = join(work, 'apps-url.json');
      const run = await runCartable('import', APPS, '--templates', base, '-o', out);
      expect(run.status).toBe(0);
      expect(asked.sort()).toEqual(['global.arret_ferroviaire.mst', 'global.lycee.mst', 'global.port.mst', 'global.reserve_naturelle_reg.mst', 'territoire.pop.cat_age.mst', 'territoire.pop.densite.mst']);
      expect(run.stderr).toContain(`${base}: template global.port.mst not read: ${base}global.port.mst answered 404 (not found)\n`);
      expect(run.stderr).toContain(`${base}: 5 of 6 template file(s) read\n`);
      expect(run.stderr).toMatch(/group\[2\]\/layer: record template not read \(.*global\.port\.mst\): records show the fields as they come; give the templates with --templates/);
      noStack(run.stderr);
      const wms = wmsLayers(validated(JSON.parse(readFileSync(out, 'utf8'))).layers);
      expect(wms.filter((l) => l.popup).map((l) => l.id)).toEqual(['rp_struct_pop_geom', 'reserve_naturelle_regionale', 'lycee']);
    });
  });

  it('refuses a --templates folder that does not exist before reading anything', async () => {
    const run = await runCartable('import', APPS, '--templates', join(work, 'absent'));
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`cartable: --templates ${join(work, 'absent')}: no such folder (give a folder or an http(s) address)\n`);
  });
});

describe('cartable import mviewer --styles (the SLD converter fed by the command line)', () => {
  it('reads the SLD a GeoJSON layer points to from a folder and draws the layer by its categories', async () => {
    const input = join(work, 'equipements.xml');
    writeFileSync(
      input,
      `<config><application title="Équipements"/><mapoptions projection="EPSG:3857" center="-300000,6100000" zoom="8"/>
<themes><theme id="t" name="Thème"><layer id="equip" name="Équipements" type="geojson" url="https://example.org/e.geojson" sld="https://kartenn.example/styles/point-categories.sld"/></theme></themes></config>`,
    );
    const out = join(work, 'equipements.json');
    const run = await runCartable('import', 'mviewer', input, '--styles', fixture('sld'), '-o', out);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('1 of 1 style file(s) read');
    const map = validated(JSON.parse(readFileSync(out, 'utf8')));
    const layer = (map.layers[0] as GroupDef).layers[0]!;
    expect(layer).toMatchObject({ type: 'geojson', style: { categories: { field: 'type' } } });
    // Without --styles, the same import keeps a default style and says how to give the file.
    const without = await runCartable('import', 'mviewer', input, '-o', join(work, 'default.json'));
    expect(without.stderr).toContain('was not read: a default style is used (give the SLD files to "cartable import" with --styles');
  });
});
