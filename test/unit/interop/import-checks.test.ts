/** importDocument's refusals and readings that do not depend on one format's details. */
import { describe, expect, it } from 'vitest';
import { nodeXmlParser } from '../../../src/cli/xml-node.js';
import { ATOM_REFUSED, importDocument } from '../../../src/interop/convert.js';
import { offeringKind } from '../../../src/interop/owc/model.js';
import { validated } from './support.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const ATOM = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:owc="http://www.opengis.net/owc/1.0" xml:lang="en">
  <title>Contexte</title>
</feed>`;

describe('OWS Context offering kinds and encodings', () => {
  it('reads the kind of an offering code whatever its URI prefix', () => {
    expect(offeringKind('http://www.opengis.net/spec/owc-geojson/1.0/req/wms')).toBe('wms');
    expect(offeringKind('http://www.opengis.net/spec/owc-atom/1.0/req/wmts')).toBe('wmts');
    expect(offeringKind('http://www.opengis.net/spec/owc/1.0/req/atom/wms')).toBe('wms');
    expect(offeringKind('http://www.opengis.net/spec/owc/1.0/req/atom/WFS/')).toBe('wfs');
    expect(offeringKind('wms')).toBeUndefined();
  });

  it('imports a WMS offering whose code is under …/owc/1.0/req/atom/ (meris.json, sea_ice_extent_01.json gave empty maps)', () => {
    const owc = {
      type: 'FeatureCollection',
      id: 'sea-ice',
      properties: { title: 'Sea ice extent', updated: '2012-01-01' },
      features: [
        {
          type: 'Feature',
          id: 'ice',
          geometry: null,
          properties: {
            title: 'Ice',
            offerings: [
              {
                code: 'http://www.opengis.net/spec/owc/1.0/req/atom/wms',
                operations: [{ code: 'GetMap', href: 'https://nsidc.example/wms?SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=sea_ice_extent_01' }],
              },
            ],
          },
        },
      ],
    };
    const map = validated(importDocument({ bytes: bytes(JSON.stringify(owc)), parseXml: nodeXmlParser }).document);
    expect(map.layers).toHaveLength(1);
    expect(map.layers[0]).toMatchObject({ type: 'wms', layers: 'sea_ice_extent_01' });
  });

  it('refuses the Atom encoding saying the GeoJSON encoding is read, with or without the format given', () => {
    expect(ATOM_REFUSED).toContain('the Atom encoding of OWS Context (OGC 12-084r2) is not supported; the GeoJSON encoding (OGC 14-055r2) is');
    expect(() => importDocument({ bytes: bytes(ATOM), parseXml: nodeXmlParser })).toThrow(ATOM_REFUSED);
    expect(() => importDocument({ bytes: bytes(ATOM), parseXml: nodeXmlParser, format: 'owc' })).toThrow(ATOM_REFUSED);
    expect(() => importDocument({ bytes: bytes('<ViewContext/>'), parseXml: nodeXmlParser, format: 'owc' })).toThrow('the file holds XML (<ViewContext>), not an OWS Context (GeoJSON)');
  });
});
