import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { PROJ4_DEFINITIONS, crsCodeOf, isKnownProjection } from '../../../src/proj/definitions.js';

describe('projection definitions', () => {
  const project = (code: string, lonLat: [number, number]) => proj4('EPSG:4326', PROJ4_DEFINITIONS[code]!, lonLat);

  it('puts the Lambert-93 origin where EPSG says (3°E, 46.5°N → 700 000, 6 600 000)', () => {
    const [x, y] = project('EPSG:2154', [3, 46.5]);
    expect(x).toBeCloseTo(700000, 3);
    expect(y).toBeCloseTo(6600000, 3);
  });

  it('defines the nine conic conformal zones CC42…CC50 with their false origins', () => {
    for (let zone = 42; zone <= 50; zone++) {
      const [x, y] = project(`EPSG:39${zone}`, [3, zone]);
      expect(x).toBeCloseTo(1700000, 3);
      expect(y).toBeCloseTo((zone - 41) * 1000000 + 200000, 3);
    }
  });

  it('projects a known place of each overseas UTM zone to the right metres', () => {
    // Central meridians: UTM 20N −63°, 22N −51°, 40S 57°, 38S 45° → x = 500 000 there.
    expect(project('EPSG:5490', [-63, 15])[0]).toBeCloseTo(500000, 3);
    // RGFG95 carries a 2 m datum shift from WGS84: the point lands within a few metres.
    expect(Math.abs(project('EPSG:2972', [-51, 4])[0] - 500000)).toBeLessThan(5);
    const [, reunionY] = project('EPSG:2975', [57, 0]);
    expect(reunionY).toBeCloseTo(10000000, 3);
    expect(project('EPSG:4471', [45, -12.8])[0]).toBeCloseTo(500000, 3);
  });

  it('knows every code a document may name', () => {
    for (const code of ['EPSG:2154', 'EPSG:3942', 'EPSG:3950', 'EPSG:4326', 'EPSG:3857', 'CRS:84', 'EPSG:5490', 'EPSG:2972', 'EPSG:2975', 'EPSG:4471']) {
      expect(isKnownProjection(code), code).toBe(true);
    }
    expect(isKnownProjection('EPSG:27572')).toBe(false);
  });
});

describe('crsCodeOf', () => {
  it('reads the crs member of GeoJSON in its usual spellings', () => {
    const named = (name: string) => ({ type: 'FeatureCollection', crs: { type: 'name', properties: { name } }, features: [] });
    expect(crsCodeOf(named('urn:ogc:def:crs:EPSG::2154'))).toBe('EPSG:2154');
    expect(crsCodeOf(named('EPSG:3946'))).toBe('EPSG:3946');
    expect(crsCodeOf(named('urn:ogc:def:crs:EPSG:6.6:2154'))).toBe('EPSG:2154');
    expect(crsCodeOf(named('urn:ogc:def:crs:OGC:1.3:CRS84'))).toBe('EPSG:4326');
    expect(crsCodeOf({ type: 'FeatureCollection', features: [] })).toBeUndefined();
    expect(crsCodeOf(null)).toBeUndefined();
  });
});
