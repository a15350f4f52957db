import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../../src/context/validate.js';
import type { GroupDef, LayerNode, MapContext } from '../../../src/context/types.js';
import { exportOwsContext } from '../../../src/interop/owc/export.js';
import { importOwsContext } from '../../../src/interop/owc/import.js';
import { EXTENSION_KEY } from '../../../src/interop/owc/model.js';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';
import { ROOT, fixture, messages, readJson, validated } from './support.js';

const UPDATED = '2026-01-01T00:00:00Z';

/** Validated map → OWS Context (through JSON text, as a file would carry it) → import → validated map. */
function roundTrip(map: MapContext): MapContext {
  const exported = exportOwsContext(map, { updated: UPDATED });
  const imported = importOwsContext(JSON.parse(JSON.stringify(exported.document)));
  expect(messages(imported.report, 'error')).toEqual([]);
  return validated(imported.document);
}

const findLayer = (nodes: readonly LayerNode[], id: string): LayerNode | undefined => {
  for (const node of nodes) {
    if (node.id === id) return node;
    if (node.type === 'group') {
      const inner = findLayer(node.layers, id);
      if (inner) return inner;
    }
  }
  return undefined;
};

describe('OWS Context import, rule by rule (hand-made document)', () => {
  const result = importOwsContext(readJson(fixture('owc-offerings.json')));
  const map = validated(result.document);

  it('reads the collection: id, title, abstract as text, keywords as tags, rights, bbox as the view', () => {
    expect(map.id).toBe('risques');
    expect(map.title).toBe('Risques naturels en Isère');
    expect(map.description).toBe('Un contexte fait main pour les tests');
    expect(map.tags).toEqual(['risques', 'Isère']);
    expect(map.attributions).toEqual(["Préfecture de l'Isère"]);
    expect(map.view).toMatchObject({ projection: 'EPSG:3857', crs: 'EPSG:4326', extent: [4.5, 44.9, 6.4, 45.9] });
  });

  it('reads a WMS offering: endpoint with its own parameters kept, LAYERS, STYLES from the default style, FORMAT, vendor TIME, legend', () => {
    const ppr = findLayer(map.layers, 'ppr');
    expect(ppr).toMatchObject({
      type: 'wms',
      url: 'https://geo.example.org/wms?map=risques.map',
      layers: 'ppr_zonage',
      styles: 'zonage_couleur',
      format: 'image/png',
      transparent: true,
      version: '1.1.1',
      params: { TIME: '2024' },
      legend: { image: 'https://geo.example.org/legend/ppr.png' },
    });
  });

  it('reads the resource fields: title, abstract, active, scale limits, rights, metadata and download links', () => {
    expect(findLayer(map.layers, 'ppr')).toMatchObject({
      title: 'Plans de prévention',
      visible: true,
      minScale: 1000,
      maxScale: 250000,
      attributions: ['DDT 38'],
      info: {
        description: 'Zonage réglementaire des PPR.',
        metadata: 'https://catalogue.example.org/record/ppr',
        downloads: [{ title: 'Shapefile', url: 'https://data.example.org/ppr.zip', format: 'application/zip' }],
      },
    });
  });

  it('reads a WFS offering with its type name, output format, SRS (from a URN) and count; an SLD it was not given is named, with how to give it', () => {
    expect(findLayer(map.layers, 'avalanches')).toMatchObject({
      type: 'wfs',
      url: 'https://geo.example.org/wfs',
      typeName: 'risques:clpa',
      version: '2.0.0',
      outputFormat: 'application/json',
      srsName: 'EPSG:2154',
      maxFeatures: 500,
      visible: false,
    });
    expect(messages(result.report, 'warning')).toContain('/features/1/properties/offerings/0: the SLD style https://geo.example.org/clpa.sld was not read: a default style is used (give the SLD files to "cartable import" with --styles <folder or base URL>)');
    expect(messages(result.report, 'warning')).toContain('/features/1/properties/offerings/1: not converted: KML is not a layer kind Cartable draws (convert it to GeoJSON, e.g. with ogr2ogr)');
  });

  it('reads a GeoJSON offering by its link', () => {
    expect(findLayer(map.layers, 'communes')).toMatchObject({ type: 'geojson', url: 'https://data.example.org/communes-38.geojson' });
  });

  it('turns folders into nested groups, and a WMTS in a basemap folder into the active basemap', () => {
    const risques = map.layers[0] as GroupDef;
    expect(risques).toMatchObject({ type: 'group', title: 'Risques' });
    expect(risques.layers.map((n) => n.id)).toEqual(['Risques-Reglementaire', 'avalanches']);
    expect((risques.layers[0] as GroupDef).layers.map((n) => n.id)).toEqual(['ppr']);
    expect(map.basemaps).toEqual([
      expect.objectContaining({ type: 'wmts', id: 'plan-ign', layer: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2', matrixSet: 'PM', active: true }),
    ]);
  });

  it('lists a resource it cannot convert with the reason, and leaves it out', () => {
    expect(findLayer(map.layers, 'sans-getmap')).toBeUndefined();
    expect(messages(result.report, 'error')).toEqual(['/features/4/properties/offerings/0: WMS offering without a GetMap request: the layer names are unknown, the resource is left out']);
    expect(messages(result.report, 'warning')).toContain('/features/4: "WMS sans GetMap" is left out: none of its offerings can be converted');
    expect(messages(result.report, 'info')).toContain('/properties: not converted (no Cartable equivalent): generator');
  });

  it('refuses what is not an OWS Context document', () => {
    expect(importOwsContext({ type: 'Feature' }).report).toEqual([
      { level: 'error', path: '', message: 'not an OWS Context GeoJSON document: expected an object with "type": "FeatureCollection"' },
    ]);
    expect(importOwsContext({ type: 'FeatureCollection' }).document).toBeUndefined();
  });

  it('survives broken resources and a broken Cartable extension: each part is said and skipped', () => {
    const result = importOwsContext({
      type: 'FeatureCollection',
      properties: { title: 'x', [EXTENSION_KEY]: { version: 1, keep: 5, layout: [5, { group: null }] } },
      features: [null, { type: 'Feature', id: 'a', properties: { offerings: 'x', [EXTENSION_KEY]: { version: 2 } } }],
    });
    expect(validated(result.document).layers).toEqual([]);
    expect(messages(result.report)).toEqual(expect.arrayContaining([
      `/properties/${EXTENSION_KEY}/keep: must be an object: ignored`,
      `/properties/${EXTENSION_KEY}/layout: must be a list of resource ids and { group, layers } entries: ignored`,
      '/features/0: a resource must be a GeoJSON Feature object: left out',
      `/features/1/properties/${EXTENSION_KEY}: "${EXTENSION_KEY}" is not a version 1 Cartable extension: it is ignored`,
    ]));
  });
});

describe('OWS Context export', () => {
  const maps = readdirSync(resolve(ROOT, 'maps')).filter((f) => f.endsWith('.json'));

  it('writes standard offerings that other readers understand, and the rest under one extension key', () => {
    const map = validated(readJson(resolve(ROOT, 'maps/nature-paysage.json')));
    const { document } = exportOwsContext(map, { updated: UPDATED });
    expect(document.type).toBe('FeatureCollection');
    expect(document.properties.title).toBe('Nature & Paysage en Auvergne-Rhône-Alpes');
    expect(document.bbox).toHaveLength(4);
    const sic = document.features.find((f) => f.id === 'sic')!;
    expect(sic.properties.folder).toBe('Natura 2000');
    const offering = (sic.properties.offerings as Array<{ code: string; operations: Array<{ code: string; href: string }> }>)[0]!;
    expect(offering.code).toBe('http://www.opengis.net/spec/owc-geojson/1.0/req/wms');
    expect(offering.operations.find((o) => o.code === 'GetMap')!.href).toContain('LAYERS=PROTECTEDAREAS.SIC');
    expect(Object.keys(sic.properties).filter((k) => k.includes(':'))).toEqual([EXTENSION_KEY]);
    expect(Object.keys(document.properties).filter((k) => k.includes(':'))).toEqual([EXTENSION_KEY]);
  });

  it.each(maps)('gives back the same document after export and import: maps/%s', (file) => {
    const map = validated(readJson(resolve(ROOT, 'maps', file)));
    expect(roundTrip(map)).toEqual(map);
  });

  it('carries popups, tables, search, fields and the id field in the extension, and the style in the offering', () => {
    // A packaged file (the Géosites layer's "source" has no offering: its original holds records the build withholds).
    const map = validated(readJson(resolve(ROOT, 'maps/lieux-de-france.json')));
    const { document } = exportOwsContext(map, { updated: UPDATED });
    const layer = map.layers.find((l) => l.type === 'geojson')!;
    const resource = document.features.find((f) => f.id === layer.id)!;
    const carried = resource.properties[EXTENSION_KEY] as { keep: Record<string, unknown> };
    for (const key of ['popup', 'search', 'fields', 'idField'] as const) {
      if (key in layer) expect(carried.keep[key]).toEqual((layer as unknown as Record<string, unknown>)[key]);
    }
    const offering = (resource.properties.offerings as Array<{ styles: Array<{ content: { type: string; content: unknown } }> }>)[0]!;
    expect(offering.styles[0]!.content).toEqual({ type: 'application/vnd.cartable.style+json', content: layer.style });
    expect(carried.keep.style).toBeUndefined();
  });

  it('round-trips a layer the standard has no offering for, and a restricted layer', () => {
    const map = validated({
      version: 1,
      id: 'essai',
      title: { fr: 'Essai', en: 'Test' },
      access: { level: 'restricted', groups: ['agents'] },
      view: { projection: 'EPSG:2154', crs: 'EPSG:2154', center: [900000, 6450000], scale: 50000 },
      layers: [
        { type: 'csv', id: 'points', title: 'Points', url: 'data/points.csv', xField: 'x', yField: 'y', projection: 'EPSG:2154', style: { symbol: { marker: { shape: 'circle', radius: 4 } } } },
        { type: 'group', id: 'vide', title: 'Groupe vide', expanded: false, layers: [] },
        { type: 'geojson', id: 'secret', title: 'Secret', file: 'data/secret.geojson', access: { level: 'restricted', groups: ['chefs'] }, style: {} },
      ],
    });
    const exported = exportOwsContext(map, { updated: UPDATED });
    expect(messages(exported.report)).toContain('/layers/points: a "csv" layer has no OWS Context offering: it travels in the Cartable extension only (other readers see it without data)');
    expect(exported.document.bbox![0]).toBeGreaterThan(4);
    expect(roundTrip(map)).toEqual(map);
  });
});

describe.skipIf(!hasSharedData('configs/owscontext'))('OWS Context: the real documents of ../shared/data/configs/owscontext', () => {
  const load = (name: string): unknown => JSON.parse(readFileSync(sharedFile(`configs/owscontext/${name}`), 'utf8'));

  it("imports OGC's WMS example (owc-atom offering codes, links as a list, a bogus collection geometry)", () => {
    const result = importOwsContext(load('wms_meris.json'));
    const map = validated(result.document);
    expect(map.layers.map((l) => l.type === 'wms' && l.layers)).toEqual([
      '385d7d71-650a-414b-b8c7-739e2c0b5e76:MER_RR__2PRLRA20120406_102429_000026213113_00238_52838_0211.N1.tif',
      'country_borders',
    ]);
    expect(map.layers[1]).toMatchObject({ url: 'http://nsidc.org/cgi-bin/atlas_north', version: '1.1.1', format: 'image/png' });
    // Their ids are URIs ending in a host or a file name: the titles name the layers.
    expect(map.layers.map((l) => l.id)).toEqual(['MER_RR__2PRLRA20120406_102429_000026213113_00238_52838_0211.N1.tif', 'countries']);
    expect(map.view.extent).toEqual([-2, 45, 8, 55]);
    expect(messages(result.report, 'warning')).toContain('/geometry: the area [4539000,355000,4619000,475000] is not a lon/lat box (GeoJSON is in WGS 84 degrees): not used for the view');
  });

  it('imports the ukis document: folders, inline GeoJSON, WFS, WMS with legend, WMTS by its capabilities, TMS/XYZ tiles, basemaps; KML listed', () => {
    const result = importOwsContext(load('ows-json-context.json'));
    const map = validated(result.document);
    const types = (nodes: readonly LayerNode[]): string[] => nodes.flatMap((n) => (n.type === 'group' ? [`${n.title}:[${types(n.layers).join(',')}]`] : [n.type]));
    expect(types(map.layers)).toEqual(['VectorLayers:[geojson,wfs]', 'vectortiles', 'RasterLayers:[wms,wmts]', 'Overlays:[xyz]', 'xyz']);
    expect(map.basemaps.map((b) => b.id)).toEqual(['eocRasterTMS1Layer', 'eocRasterTMS2Layer']);
    expect(findLayer(map.layers, 'eocXyzLayer')).toMatchObject({ url: 'https://{a-c}.tile.openstreetmap.org/{z}/{x}/{y}.png', attributions: ['© OpenStreetMap contributors'] });
    expect(findLayer(map.layers, 'baseWMTSLayer')).toMatchObject({ layer: 'eoc:basemap', capabilities: expect.stringContaining('REQUEST=GetCapabilities') });
    expect(messages(result.report, 'warning')).toContain('/features/0: "KML Offering - url" is left out: none of its offerings can be converted');
  });

  it('imports the OWSLib example: a WPS is not a layer, said so; the map is empty but valid', () => {
    const result = importOwsContext(load('owc1.geojson'));
    expect(validated(result.document).layers).toEqual([]);
    expect(messages(result.report, 'warning')).toContain('/features/0/properties/offerings/0: not converted: a processing service (WPS) is not a map layer');
  });

  it('says where the invalid OGC example breaks (line 51)', () => {
    const parsed = parseJson(readFileSync(sharedFile('configs/owscontext/csw_10entries.json'), 'utf8'));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems[0]!.message).toMatch(/^not valid JSON: at line 51, column \d+$/);
  });

  it.each(['wms_meris.json', 'ows-json-context.json', 'owc1.geojson'])('round-trips the imported %s', (name) => {
    const map = validated(importOwsContext(load(name)).document);
    expect(roundTrip(map)).toEqual(map);
  });
});

if (!hasSharedData('configs/owscontext')) console.warn(SKIP_NO_SHARED_DATA);
