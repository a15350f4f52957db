/**
 * A map imported from mviewer with an SLD style converted validates and builds; the build warns,
 * naming the map, the layer and the origin, when the map reads data from an origin the site
 * configuration's "allowedOrigins" does not list (the Content-Security-Policy would block it).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, test } from 'vitest';
import { nodeXmlParser } from '../../../src/cli/xml-node.js';
import type { SiteConfig } from '../../../src/context/types.js';
import { importDocument } from '../../../src/interop/convert.js';
import { linkedFilesOf } from '../../../src/interop/linked-files.js';
import type { BuiltMap } from '../../../plugin/maps.js';
import { unlistedOriginWarnings } from '../../../plugin/origins.js';
import { validated } from '../interop/support.js';
import { buildProject, ROOT, writeProject } from './site-build.js';

const work = mkdtempSync(join(tmpdir(), 'cartable-imported-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const SLD = 'https://kartenn.example/styles/equipements.sld';

function importedMap(): Record<string, unknown> {
  const xml = `<config><application title="Équipements"/><mapoptions projection="EPSG:3857" center="-300000,6100000" zoom="8"/>
    <themes><theme id="t" name="Thème"><layer id="equip" name="Équipements" type="geojson" url="https://donnees.example.org/equipements.geojson" sld="${SLD}"/></theme></themes></config>`;
  const files = linkedFilesOf(new Map([[SLD, readFileSync(resolve(ROOT, 'test/fixtures/interop/sld/point-categories.sld'), 'utf8')]]));
  const result = importDocument({ bytes: new TextEncoder().encode(xml), parseXml: nodeXmlParser, linkedFiles: files, id: 'importee' });
  return result.document!;
}

describe('the warning for origins "allowedOrigins" does not list', () => {
  const site = (extra: Partial<SiteConfig>): SiteConfig => ({ allowedOrigins: [], ...extra }) as unknown as SiteConfig;
  const map = (layers: unknown[]): BuiltMap => ({ file: 'maps/m.json', context: { id: 'm', layers, basemaps: [] } }) as unknown as BuiltMap;
  const built = [
    map([
      { type: 'wms', id: 'a', url: 'https://wms.example.org/wms' },
      { type: 'group', id: 'g', layers: [{ type: 'xyz', id: 'b', url: 'https://{a-c}.tile.example.net/{z}/{x}/{y}.png' }] },
      { type: 'geojson', id: 'c', url: '../data/c.geojson' },
    ]),
  ];
  const line = (layer: string, origin: string): string =>
    `Cartable: maps/m.json: map "m", layer "${layer}" reads from ${origin}, which "allowedOrigins" of the site configuration does not list for "data": the Content-Security-Policy will block it`;

  it('one line per map, layer and origin not listed; packaged data (relative) is not concerned', () => {
    expect(unlistedOriginWarnings(site({}), built)).toEqual([line('a', 'https://wms.example.org'), line('b', 'https://{a-c}.tile.example.net')]);
  });

  it('listed origins (for data or credentials), CSP wildcards, tile sub-domains all listed, proxied origins and anyHttpsService are allowed', () => {
    const tiles = ['a', 'b', 'c'].map((s) => ({ origin: `https://${s}.tile.example.net`, use: ['data'] }));
    expect(unlistedOriginWarnings(site({ allowedOrigins: [{ origin: 'https://wms.example.org', use: ['credentials'] }, ...tiles] } as never), built)).toEqual([]);
    expect(unlistedOriginWarnings(site({ allowedOrigins: [{ origin: 'https://*.example.org', use: ['data'] }, { origin: 'https://*.example.net', use: ['data'] }] } as never), built)).toEqual([]);
    expect(unlistedOriginWarnings(site({ allowedOrigins: tiles.slice(0, 2) } as never), built)).toEqual([line('a', 'https://wms.example.org'), line('b', 'https://{a-c}.tile.example.net')]);
    expect(unlistedOriginWarnings(site({ allowedOrigins: [{ origin: 'https://wms.example.org', use: ['embed'] }] } as never), built)[0]).toBe(line('a', 'https://wms.example.org'));
    expect(unlistedOriginWarnings(site({ proxy: { url: 'https://proxy.example/?{url}', origins: ['https://wms.example.org'] } } as never), built)).toEqual([line('b', 'https://{a-c}.tile.example.net')]);
    expect(unlistedOriginWarnings(site({ addLayers: { enabled: true, anyHttpsService: true } } as never), built)).toEqual([]);
  });
});

test('an imported map with a converted SLD style validates and builds; the build warns of its data origin', async () => {
  const document = importedMap();
  const map = validated(document);
  const layer = map.layers[0]!.type === 'group' ? map.layers[0]!.layers[0]! : undefined;
  expect(layer).toMatchObject({ id: 'equip', style: { categories: { field: 'type', values: [{ value: 'ecole' }, { value: 'mairie' }] } } });
  const root = join(work, 'project');
  writeProject(root, { 'maps/importee.json': document });
  const warnings: string[] = [];
  expect(await buildProject(root, join(work, 'dist'), join(work, 'dist-restricted'), warnings)).toBe('');
  const built = JSON.parse(readFileSync(join(work, 'dist/maps/importee.json'), 'utf8'));
  expect(built.layers[0].layers[0].style.categories.field).toBe('type');
  const origin = warnings.filter((w) => w.includes('allowedOrigins'));
  expect(origin).toHaveLength(1);
  expect(origin[0]).toContain('Cartable: maps/importee.json: map "importee", layer "equip" reads from https://donnees.example.org, which "allowedOrigins" of the site configuration does not list for "data": the Content-Security-Policy will block it');
}, 300_000);
