import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeXmlParser } from '../../../src/cli/xml-node.js';
import type { LayerNode } from '../../../src/context/types.js';
import { linkedFilesOf } from '../../../src/interop/linked-files.js';
import { importMviewer } from '../../../src/interop/mviewer/import.js';
import { fixture, messages, validated } from './support.js';

/** Record templates of WMS and GeoJSON layers, given as linked files (what the CLI reads for the importer). */
const config = (layers: string): Document =>
  nodeXmlParser(`<config><application title="Essai"/><mapoptions projection="EPSG:3857" center="-300000,6100000" zoom="8"/>
    <baselayers><baselayer type="OSM" id="osm" label="OSM" title="OSM" url="https://tile.openstreetmap.org/{z}/{x}/{y}.png" visible="true"/></baselayers>
    <themes><theme name="T" id="t">${layers}</theme></themes></config>`);
const mst = (name: string): string => readFileSync(fixture(`mviewer-templates/${name}`), 'utf8');
const layer = (nodes: readonly LayerNode[], id: string): Record<string, unknown> =>
  nodes.flatMap((n) => (n.type === 'group' ? n.layers : [n])).find((n) => n.id === id) as unknown as Record<string, unknown>;

describe('mviewer record templates given as linked files', () => {
  it('asks the template of each layer, converts it for a WMS layer, and asks JSON of a GeoServer that was asked HTML', () => {
    const linked = linkedFilesOf(new Map([['https://example.org/tpl/global.port.mst', mst('global.port.mst')]]));
    const result = importMviewer(
      config(`<layer id="port" name="Ports" url="https://ows.example.org/geoserver/rb/wms" infoformat="text/html" queryable="true"><template url="https://example.org/tpl/global.port.mst"/></layer>
        <layer id="mapserver" name="MS" url="https://ms.example.org/cgi-bin/mapserv" queryable="true"><template>{{#features}}&lt;h3&gt;{{nom}}&lt;/h3&gt;{{/features}}</template></layer>`),
      { linkedFiles: linked },
    );
    expect([...linked.wanted]).toEqual([['https://example.org/tpl/global.port.mst', 'template']]);
    const map = validated(result.document);
    expect(layer(map.layers, 'port')).toMatchObject({ type: 'wms', infoFormat: 'json', popup: { title: 'Port de {{nom_port}}' }, fields: [{ name: 'photo_url', type: 'image' }] });
    expect(layer(map.layers, 'mapserver')).toMatchObject({ infoFormat: 'gml', popup: { title: '{{nom}}' } });
    expect(messages(result.report, 'info')).toContain('/config/themes/theme/layer[1]: records are asked as JSON (application/json), not html, so that the template has fields to read');
  });

  it('converts the remote template of a GeoJSON layer the same way, its fields declared', () => {
    const linked = linkedFilesOf(new Map([['tpl/global.lycee.mst', mst('global.lycee.mst')]]));
    const result = importMviewer(config(`<layer id="lycees" name="Lycées" type="geojson" url="https://data.example.org/lycees.geojson" fields="commune" aliases="Commune"><template url="tpl/global.lycee.mst"/></layer>`), { linkedFiles: linked });
    const lycees = layer(validated(result.document).layers, 'lycees');
    expect(lycees).toMatchObject({ popup: { title: '{{appellation_officielle}}', links: [{ label: 'Lien' }, { label: "Fiche de l'annuaire" }] } });
    expect((lycees.fields as Array<{ name: string }>).map((f) => f.name)).toEqual(expect.arrayContaining(['commune', 'appellation_officielle', 'uai', 'site_web', 'internat']));
  });

  it('says a template it was not given was not read, and how to give it; the layer keeps the generic record', () => {
    const result = importMviewer(config(`<layer id="port" name="Ports" url="https://ows.example.org/geoserver/rb/wms"><template url="https://example.org/tpl/global.port.mst"/></layer>`));
    expect(layer(validated(result.document).layers, 'port').popup).toBeUndefined();
    expect(messages(result.report, 'warning')).toContain(
      '/config/themes/theme/layer: record template not read (https://example.org/tpl/global.port.mst): records show the fields as they come; give the templates with --templates <folder or address> (cartable import --help)',
    );
  });
});
