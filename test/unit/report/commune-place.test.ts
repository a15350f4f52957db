/** « Une commune » as the report's place: the outline read into the map's projection, named by its INSEE code. */
import { describe, expect, it } from 'vitest';
import type OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import { fromLonLat } from 'ol/proj.js';
import { communeLabel, communePlace, mapTerritory } from '../../../src/report/commune-place.js';
import { mercatorToLonLat } from '../../support/geodesy.js';

const SQUARE = { type: 'Polygon' as const, coordinates: [[[6, 45], [6.1, 45], [6.1, 45.1], [6, 45.1], [6, 45]]] };
const outline = { commune: { name: "Le Bourg-d'Oisans", code: '38052', department: '38', population: 3300 }, geometry: SQUARE };

describe('communePlace', () => {
  it('reads the WGS84 outline into the map’s projection and names the commune with its INSEE code', () => {
    const place = communePlace(outline, 'EPSG:3857');
    expect(place.kind).toBe('area');
    expect(place.label).toBe("Le Bourg-d'Oisans (38052)");
    expect(place.commune).toEqual({ name: "Le Bourg-d'Oisans", code: '38052' });
    expect(place.geometry.getType()).toBe('Polygon');
    const ring = (place.geometry.getCoordinates() as number[][][])[0]!;
    // Checked against the spherical formula of test/support/geodesy.ts, not OpenLayers' own inverse.
    ring.forEach((c, i) => {
      const [lon, lat] = mercatorToLonLat(c);
      expect(lon).toBeCloseTo(SQUARE.coordinates[0]![i]![0]!, 9);
      expect(lat).toBeCloseTo(SQUARE.coordinates[0]![i]![1]!, 9);
    });
  });

  it('keeps every polygon of a commune in several parts', () => {
    const multi = { type: 'MultiPolygon' as const, coordinates: [SQUARE.coordinates, [[[7, 45], [7.1, 45], [7.1, 45.1], [7, 45]]]] };
    const place = communePlace({ ...outline, geometry: multi }, 'EPSG:3857');
    expect(place.geometry.getType()).toBe('MultiPolygon');
    expect(place.geometry.getCoordinates()).toHaveLength(2);
  });

  it('writes the label as « Nom (code) »', () => {
    expect(communeLabel({ name: 'Grenoble', code: '38185' })).toBe('Grenoble (38185)');
  });
});

/** The two things mapTerritory reads of a map (no DOM in unit tests). */
const mapOf = (view: View, size: [number, number] | undefined) => ({ getView: () => view, getSize: () => size }) as unknown as OlMap;

describe('mapTerritory', () => {
  it('gives the part of the world the map shows, in WGS84, clamped to the world', () => {
    const map = mapOf(new View({ center: fromLonLat([6.25, 44.85]), resolution: 100 }), [1000, 600]);
    const [w, s, e, n] = mapTerritory(map)!;
    expect(w).toBeLessThan(6.25);
    expect(e).toBeGreaterThan(6.25);
    expect(s).toBeLessThan(44.85);
    expect(n).toBeGreaterThan(44.85);
    // 1,000 px of 100 m (Web Mercator metres) across: about 0.9° of longitude.
    expect(e - w).toBeCloseTo((1000 * 100 * 180) / (Math.PI * 6378137), 6);
    map.getView().setResolution(1e6);
    const [west, south, east, north] = mapTerritory(map)!;
    expect([west, east]).toEqual([-180, 180]);
    expect(south).toBeGreaterThanOrEqual(-90);
    expect(north).toBeLessThanOrEqual(90);
  });

  it('gives nothing for a map not yet laid out', () => {
    expect(mapTerritory(mapOf(new View({ center: [0, 0], zoom: 2 }), undefined))).toBeUndefined();
  });
});
