/**
 * SLD → Cartable styles, on hand-made SLD files (test/fixtures/interop/sld/), and where importers
 * find SLD: mviewer GeoJSON layers ("sld", a linked file) and OWS Context offering styles (inline or linked).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeXmlParser } from '../../../src/cli/xml-node.js';
import type { VectorStyle } from '../../../src/context/types.js';
import { importDocument } from '../../../src/interop/convert.js';
import { linkedFilesOf, NO_LINKED_FILES } from '../../../src/interop/linked-files.js';
import { Report } from '../../../src/interop/report.js';
import { sldStyle, withXmlParser } from '../../../src/interop/sld/layer-style.js';
import { fixture, messages, validated } from './support.js';

const sldText = (name: string): string => readFileSync(fixture(`sld/${name}.sld`), 'utf8');

function convert(name: string): { style?: VectorStyle; report: string[] } {
  const report = new Report();
  const style = sldStyle({ inline: sldText(name) }, withXmlParser(NO_LINKED_FILES, nodeXmlParser), report, '/layer');
  return { style, report: messages(report.items) };
}

/** A map with one GeoJSON layer drawn by `style`: what the validator says of it. */
const mapWith = (style: VectorStyle): unknown => ({
  version: 1,
  id: 'sld',
  title: 'SLD',
  view: { center: [2, 47], zoom: 6 },
  layers: [{ type: 'geojson', id: 'l', title: 'L', url: 'https://example.org/l.geojson', style }],
});

describe('SLD styles converted into Cartable styles', () => {
  it('points by category: PropertyIsEqualTo rules on one field become categories, ElseFilter the other values; a square mark is drawn as a circle, said so', () => {
    const { style, report } = convert('point-categories');
    expect(style).toEqual({
      symbol: { marker: { shape: 'circle', radius: 4, fill: { color: '#999999' } } },
      symbolLabel: 'Autre équipement',
      categories: {
        field: 'type',
        values: [
          { value: 'ecole', label: 'École', symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#e41a1c' }, stroke: { color: '#ffffff', width: 1.5 } } } },
          { value: 'mairie', label: 'Mairie', symbol: { marker: { shape: 'circle', radius: 5, fill: { color: 'rgba(55, 126, 184, 0.5)' } } } },
        ],
      },
    });
    expect(report).toEqual([
      '/layer: SLD style given inline, not converted: rule "mairie": the mark "square" (Cartable draws circles and icons): drawn as a circle',
      '/layer: style converted from the SLD given inline (3 rule(s))',
    ]);
    validated(mapWith(style!));
  });

  it('a line (SE 1.1 namespaces, SvgParameter): colour with its opacity, width, dashes; the line cap is listed as dropped', () => {
    const { style, report } = convert('line');
    expect(style).toEqual({ symbol: { stroke: { color: 'rgba(51, 51, 51, 0.8)', width: 2.5, dash: [6, 3] } } });
    expect(report).toContain('/layer: SLD style given inline, not converted: rule "Voie ferrée": stroke-linecap of the stroke');
    validated(mapWith(style!));
  });

  it('polygons with scale denominators: one scale rule per range; a label alone within scales keeps its own limits, in every rule', () => {
    const { style, report } = convert('polygon-scales');
    const label = { field: 'nom', color: '#000000', haloColor: '#ffffff', size: 10, maxScale: 25000 };
    expect(style).toEqual({
      label,
      rules: [
        { maxScale: 50000, symbol: { fill: { color: 'rgba(77, 175, 74, 0.4)' }, stroke: { color: '#1b7837', width: 2 } }, label },
        { minScale: 50000, symbol: { fill: { color: '#1b7837' } }, label },
      ],
    });
    expect(report).toEqual(['/layer: style converted from the SLD given inline (3 rule(s))']);
    validated(mapWith(style!));
  });

  it('a text label from one field: size, colour, halo; the font family is listed as dropped', () => {
    const { style, report } = convert('text-label');
    expect(style).toEqual({
      symbol: { fill: { color: '#ffffcc' }, stroke: { color: '#808080', width: 1 } },
      label: { field: 'nom', color: '#222222', haloColor: '#fafafa', size: 13 },
    });
    expect(report).toContain('/layer: SLD style given inline, not converted: rule "communes": the label font family, style and weight');
    validated(mapWith(style!));
  });

  it('lists every construct it cannot convert, one line each with its rule, and keeps the rest', () => {
    const { style, report } = convert('unsupported');
    expect(style).toEqual({ symbol: { marker: { shape: 'circle', radius: 3, fill: { color: '#808080' } } } });
    expect(report).toEqual([
      '/layer: SLD style given inline, not converted: rule "grandes": its filter <PropertyIsGreaterThan> (Cartable styles vary by the values of one field: PropertyIsEqualTo only): the rule is left out',
      '/layer: SLD style given inline, not converted: rule "toutes": fill computed by <Function> (only literal values are converted)',
      '/layer: SLD style given inline, not converted: rule "icone": an external graphic without an http(s) or relative address',
      '/layer: SLD style given inline, not converted: rule "icone": a RasterSymbolizer (Cartable draws points, lines, polygons and labels)',
      '/layer: style converted from the SLD given inline (2 rule(s))',
    ]);
  });

  it('says why a default style is used when the SLD is not given, not XML, or not an SLD', () => {
    const report = new Report();
    const files = withXmlParser(NO_LINKED_FILES, nodeXmlParser);
    expect(sldStyle({ href: 'https://example.org/a.sld' }, files, report, '/a')).toBeUndefined();
    expect(sldStyle({ inline: '<StyledLayerDescriptor>' }, files, report, '/b')).toBeUndefined();
    expect(sldStyle({ inline: '<svg/>' }, files, report, '/c')).toBeUndefined();
    const lines = messages(report.items, 'warning');
    expect(lines[0]).toBe('/a: the SLD style https://example.org/a.sld was not read: a default style is used (give the SLD files to "cartable import" with --styles <folder or base URL>)');
    expect(lines[1]).toMatch(/^\/b: the SLD style given inline is not well-formed XML \(.+\): a default style is used$/);
    expect(lines[2]).toBe('/c: the SLD style given inline is not an SLD (its root is <svg>): a default style is used');
  });
});

const mviewer = (layer: string): Uint8Array =>
  new TextEncoder().encode(`<config><application title="T"/><mapoptions projection="EPSG:3857" center="-300000,6100000" zoom="8"/>
  <themes><theme id="t" name="T">${layer}</theme></themes></config>`);

describe('where importers find SLD', () => {
  it('mviewer GeoJSON layer with "sld": the linked file, read by the caller, is converted; the address is asked for as a style', () => {
    const href = 'https://kartenn.example/styles/equipements.sld';
    const files = linkedFilesOf(new Map([[href, sldText('point-categories')]]));
    const bytes = mviewer(`<layer id="equip" name="Équipements" type="geojson" url="https://example.org/e.geojson" sld="${href}"/>`);
    const result = importDocument({ bytes, parseXml: nodeXmlParser, linkedFiles: files });
    const map = validated(result.document);
    expect(map.layers[0]!.type === 'group' && map.layers[0]!.layers[0]).toMatchObject({ type: 'geojson', style: { categories: { field: 'type' } } });
    expect(files.wanted.get(href)).toBe('style');
    // Without the file: a default style, and how to give it.
    const without = importDocument({ bytes, parseXml: nodeXmlParser });
    expect(messages(without.report, 'warning').join('\n')).toContain(`the SLD style ${href} was not read: a default style is used (give the SLD files to "cartable import" with --styles`);
  });

  it('OWS Context: an inline SLD (application/vnd.ogc.sld+xml) of a GeoJSON offering, and an SLD linked by href from a WFS offering', () => {
    const href = 'https://example.org/styles/voies.sld';
    const owc = {
      type: 'FeatureCollection',
      id: 'https://example.org/ctx/sld',
      properties: { title: 'SLD', updated: '2026-01-01' },
      features: [
        {
          type: 'Feature',
          id: 'communes',
          geometry: null,
          properties: {
            title: 'Communes',
            offerings: [
              {
                code: 'http://www.opengis.net/spec/owc-geojson/1.0/req/geojson',
                contents: [{ type: 'application/geo+json', href: 'https://example.org/communes.geojson' }],
                styles: [{ name: 'communes', default: true, content: { type: 'application/vnd.ogc.sld+xml', content: sldText('text-label') } }],
              },
            ],
          },
        },
        {
          type: 'Feature',
          id: 'voies',
          geometry: null,
          properties: {
            title: 'Voies',
            offerings: [
              {
                code: 'http://www.opengis.net/spec/owc/1.0/req/atom/wfs',
                operations: [{ code: 'GetFeature', href: 'https://example.org/wfs?SERVICE=WFS&REQUEST=GetFeature&VERSION=2.0.0&TYPENAMES=voies' }],
                styles: [{ name: 'voies', content: { type: 'application/vnd.ogc.sld+xml', href } }],
              },
            ],
          },
        },
      ],
    };
    const files = linkedFilesOf(new Map([[href, sldText('line')]]));
    const result = importDocument({ bytes: new TextEncoder().encode(JSON.stringify(owc)), parseXml: nodeXmlParser, linkedFiles: files });
    const map = validated(result.document);
    expect(map.layers.map((l) => l.type !== 'group' && 'style' in l && l.style)).toEqual([
      { symbol: { fill: { color: '#ffffcc' }, stroke: { color: '#808080', width: 1 } }, label: { field: 'nom', color: '#222222', haloColor: '#fafafa', size: 13 } },
      { symbol: { stroke: { color: 'rgba(51, 51, 51, 0.8)', width: 2.5, dash: [6, 3] } } },
    ]);
  });
});
