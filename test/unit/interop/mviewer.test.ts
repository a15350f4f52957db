import { describe, expect, it } from 'vitest';
import type { GroupDef, LayerNode, WmsLayerDef } from '../../../src/context/types.js';
import { importMviewer } from '../../../src/interop/mviewer/import.js';
import { exportOwsContext } from '../../../src/interop/owc/export.js';
import { importOwsContext } from '../../../src/interop/owc/import.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';
import { fixture, messages, readXml, validated } from './support.js';

const byId = (nodes: readonly LayerNode[], id: string): LayerNode | undefined =>
  nodes.flatMap((n): LayerNode[] => (n.type === 'group' ? [n, ...n.layers.flatMap((c) => (c.type === 'group' ? [c, ...c.layers] : [c]))] : [n])).find((n) => n.id === id);

describe('mviewer import, rule by rule (hand-made configuration)', () => {
  const result = importMviewer(readXml(fixture('mviewer-rules.xml')));
  const map = validated(result.document);
  const warnings = messages(result.report, 'warning');

  it('reads the title, the view (centre and zoom in the map projection) and the IGN completion as the geocoder', () => {
    expect(map).toMatchObject({ id: 'Carte-de-test-mviewer', title: 'Carte de test mviewer', search: { geocoder: true } });
    expect(map.view).toMatchObject({ projection: 'EPSG:3857', crs: 'EPSG:3857', center: [638000, 5620000], zoom: 9, maxZoom: 18 });
  });

  it('turns themes and groups into groups (collapsed themes fold)', () => {
    expect(map.layers.map((n) => `${n.type}:${n.id}`)).toEqual(['group:nature', 'group:fond', 'wms:osm-wms']);
    const nature = map.layers[0] as GroupDef;
    expect(nature.expanded).toBe(false);
    expect(nature.layers.map((n) => n.id)).toEqual(['sites', 'zh']);
  });

  it('converts a GeoJSON layer: scales, opacity, fields with aliases, the template as a record, tooltip, fuse search, legend, metadata', () => {
    expect(byId(map.layers, 'sites')).toMatchObject({
      type: 'geojson',
      url: 'https://data.example.org/sites.geojson',
      visible: true,
      opacity: 0.8,
      minScale: 1000,
      maxScale: 500000,
      attributions: ['Département'],
      info: { metadata: 'https://catalogue.example.org/sites' },
      legend: { image: 'https://data.example.org/sites.png' },
      tooltip: '{{nom}}',
      search: { fields: ['nom', 'commune'], label: '{{nom}} ({{commune}})' },
      popup: {
        title: '{{nom}}',
        // One paragraph per line of the template (a section stays whole).
        sections: [{ text: 'Commune : {{commune}}' }, { text: '{{#altitude}}Altitude : {{altitude}} m\n{{/altitude}}' }, { fields: ['photo'] }],
        links: [{ label: 'Fiche du site', url: '{{fiche}}' }],
      },
      fields: [
        { name: 'nom', label: 'Nom', type: 'text' },
        { name: 'commune', label: 'Commune', type: 'text' },
        { name: 'photo', label: 'Photo', type: 'image' },
        { name: 'altitude', type: 'text' },
        { name: 'fiche', type: 'text' },
      ],
    });
    expect(warnings).toContain('/config/themes/theme[1]/layer: style "sitesStyle" is a function of mviewer\'s featurestyles.js: a default style is used');
    expect(warnings).toContain('/config/themes/theme[1]/layer: unknown attribute(s), not converted: couleurfavorite');
  });

  it('converts a WMS layer: first style (the others listed), tiling, GetFeatureInfo format, filter and SLD as parameters', () => {
    expect(byId(map.layers, 'zones_humides')).toMatchObject({
      type: 'wms', layers: 'zones_humides', styles: 'zh_type', tiled: true, queryable: true, infoFormat: 'html',
      params: { SLD: 'https://geo.example.org/zh.sld', CQL_FILTER: "departement='38'" },
    });
    expect(warnings).toContain('/config/themes/theme[1]/group/layer[1]: 2 styles offered to choose from: Cartable shows one, "zh_type" (others: zh_etat)');
  });

  it('converts a vector-tms layer to vector tiles drawn by its style document', () => {
    expect(byId(map.layers, 'osm-vt')).toMatchObject({ type: 'vectortiles', styleUrl: 'https://tiles.example.org/style.json', source: 'openmaptiles' });
  });

  it('converts baselayers: WMTS to the active basemap with its attribution text; a WMS one becomes the bottom layer', () => {
    expect(map.basemaps).toEqual([expect.objectContaining({ type: 'wmts', id: 'plan', layer: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2', attributions: ['IGN'], active: true })]);
    expect(map.layers.at(-1)).toMatchObject({ type: 'wms', id: 'osm-wms', layers: 'osm:grey', visible: false });
  });

  it('lists, with the reason, every item it cannot convert', () => {
    expect(warnings).toEqual(expect.arrayContaining([
      '/config/themes/theme[1]/group/layer[2]: "PNR" is a JavaScript custom layer (customlayers/pnr.js): its data and style live in code, so it is not converted; rebuild it as a geojson or wfs layer',
      '/config/themes/theme[2]/layer[2]: "Traces" of type "kml" is not converted: KML is not a layer kind Cartable draws (convert it to GeoJSON)',
      '/config/themes/theme[3]: theme "Urbanisme" loads another mviewer configuration (https://example.org/apps/urba.xml): not converted; import that file on its own',
      '/config/extensions/extension: addon "isochrone" (component) is not converted: JavaScript extensions have no Cartable equivalent',
      '/config/baselayers/baselayer[3]: basemap "Bing" of type "BING" is not converted: Cartable basemaps are WMTS, XYZ/OSM (and WMS as a layer)',
      '/config/themes/theme[2]/layer[1]: filterstyle (poi) is not converted: edit the style document to leave those layers out',
    ]));
    expect(messages(result.report, 'info')).toContain('/config/application: application settings not converted (tools and looks of mviewer): logo, measuretools');
  });

  it('refuses an XML document that is not an mviewer configuration', () => {
    const other = importMviewer(readXml(fixture('wmc-rules.wmc')));
    expect(other.document).toBeUndefined();
    expect(messages(other.report, 'error')).toEqual(['/: not an mviewer configuration: the root element is <ViewContext>, expected <config>']);
  });
});

describe.skipIf(!hasSharedData('configs/mviewer'))('mviewer: the real configurations of ../shared/data/configs/mviewer', () => {
  const load = (name: string) => importMviewer(readXml(sharedFile(`configs/mviewer/${name}`)));

  it("converts mviewer's default application: 5 themes, 7 WMS layers, duplicate ids made unique, filters, custom layers listed", () => {
    const result = load('apps_default.xml');
    const map = validated(result.document);
    expect(map.layers.filter((n) => n.type === 'group').map((n) => n.title)).toEqual(['Population', 'Environnement', 'Éducation', 'Transports', 'Découpages territoriaux']);
    const population = map.layers[0] as GroupDef;
    expect(population.layers.map((n) => n.id)).toEqual(['rp_struct_pop_geom', 'rp_struct_pop_geom-2']);
    expect(population.layers[0]).toMatchObject({ type: 'wms', url: 'https://ows.region-bretagne.fr/geoserver/rb/wms', styles: 'rphab_densite@commune', tiled: false, infoFormat: 'gml',
      time: { values: ['1999', '2007', '2012', '2017'], control: 'slider' },
      filters: [{ id: 'level', field: 'level', values: ['Commune', 'EPCI', 'Pays'], label: 'Échelle', default: 'Commune' }],
    });
    expect(population.layers[0]).not.toHaveProperty('params');
    // « lycee »: a filter list not enabled at start (« Tous »), a value holding a quote.
    expect(byId(map.layers, 'lycee')).toMatchObject({
      filters: [{ id: 'secteur_li', field: 'secteur_li', values: ['Public', "Privé sous contrat avec l'éducation nationale"], label: 'Filtre' }],
      params: { SLD: 'https://kartenn.region-bretagne.fr/styles/lycee_secteur.sld' },
    });
    expect((byId(map.layers, 'lycee') as WmsLayerDef).filters?.[0]).not.toHaveProperty('default');
    expect(map.layers.at(-1)).toMatchObject({ type: 'wms', id: 'osm', layers: 'osm:grey' });
    expect(map.basemaps).toEqual([expect.objectContaining({ id: 'ortho', type: 'wmts', active: true })]);
    const warnings = messages(result.report, 'warning');
    expect(warnings.filter((w) => w.includes('JavaScript custom layer'))).toHaveLength(2);
    expect(warnings.filter((w) => w.includes('the time control') || w.includes('attribute filter'))).toEqual([]);
    expect(messages(result.report, 'info').filter((w) => w.includes('attributestylesync is not converted'))).toHaveLength(2);
    // Its six templates are .mst files: without --templates, each is said not read (how to give them in mviewer-templates.test.ts).
    expect(warnings.filter((w) => w.includes('record template not read') && w.includes('--templates'))).toHaveLength(6);
  });

  it('converts the IGN demo: 4 WMTS basemaps (Plan IGN active), WMS layers; the addon, custom layer and remote theme listed', () => {
    const result = load('demo_ign.xml');
    const map = validated(result.document);
    expect(map.basemaps.map((b) => `${b.id}${b.active ? '*' : ''}`)).toEqual(['ortho1', 'plan*', 'rpg2020', 'slopes']);
    expect(map.basemaps[1]).toMatchObject({ opacity: 0.8 });
    expect(byId(map.layers, 'LANDUSE.AGRICULTURE2020')).toMatchObject({ type: 'wms', url: 'https://data.geopf.fr/wms-r/wms', tiled: true, infoFormat: 'html' });
    const warnings = messages(result.report, 'warning');
    expect(warnings.some((w) => w.includes('addon "isochroneAddon"'))).toBe(true);
    expect(warnings.some((w) => w.includes('"PNR WFS" is a JavaScript custom layer'))).toBe(true);
    expect(warnings.some((w) => w.includes('theme "Documents d\'urbanisme" loads another mviewer configuration'))).toBe(true);
  });

  it('converts the vector demo: its three layers are JavaScript custom layers, each listed; the Elasticsearch search too', () => {
    const result = load('demo_vector.xml');
    const map = validated(result.document);
    expect((map.layers[0] as GroupDef).layers).toEqual([]);
    expect(map.basemaps.map((b) => b.type)).toEqual(['wmts', 'xyz']);
    const warnings = messages(result.report, 'warning');
    for (const title of ['Lycées en Bretagne', 'Parcs naturels', 'Biefs']) expect(warnings.some((w) => w.includes(`"${title}" is a JavaScript custom layer`))).toBe(true);
    expect(warnings.some((w) => w.startsWith('/config/elasticsearch: Elasticsearch search'))).toBe(true);
  });

  it.each(['apps_default.xml', 'demo_ign.xml', 'demo_vector.xml'])('round-trips the imported %s through OWS Context', (name) => {
    const map = validated(load(name).document);
    const back = importOwsContext(JSON.parse(JSON.stringify(exportOwsContext(map, { updated: '2026-01-01T00:00:00Z' }).document)));
    expect(validated(back.document)).toEqual(map);
  });
});

if (!hasSharedData('configs/mviewer')) console.warn(SKIP_NO_SHARED_DATA);
