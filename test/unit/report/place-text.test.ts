/**
 * How the report names its place (heading, CSV, print): a commune with its INSEE code; a point with
 * its centre in WGS84 and Lambert-93 (checked against proj4 with a definition written here, not the
 * product's) and its radius; a drawn area with its geodesic area (checked against the spherical
 * formula written here) and its vertices; a line with its length; a picked feature with its layer.
 * French numbers: decimal comma, narrow no-break space between thousands; English ones too.
 */
import { configureLocalization } from '@lit/localize';
import LineString from 'ol/geom/LineString.js';
import MultiPolygon from 'ol/geom/MultiPolygon.js';
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import proj4 from 'proj4';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureProjections } from '../../../src/proj/register.js';
import { placeFacts } from '../../../src/report/place-facts.js';
import type { Place } from '../../../src/report/types.js';
import { placeText } from '../../../src/ui/report/texts.js';
import { EARTH_RADIUS, haversine } from '../../support/geodesy.js';

/** Lambert-93 as the IGN publishes it (RGF93 on GRS80), written here independently of src/proj. */
const LAMBERT_93 = '+proj=lcc +lat_1=49 +lat_2=44 +lat_0=46.5 +lon_0=3 +x_0=700000 +y_0=6600000 +ellps=GRS80 +units=m +no_defs';
/** The town hall of Le Bourg-d'Oisans. */
const TOWN_HALL: [number, number] = [6.03, 45.055];
const NNBSP = '\u202f';

const fr = (n: number, digits: number): string =>
  new Intl.NumberFormat('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const en = (n: number, digits: number): string =>
  new Intl.NumberFormat('en', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);

let setLocale: (locale: string) => Promise<void>;
beforeAll(async () => {
  // @lit/localize announces locale changes on window.
  (globalThis as { window?: unknown }).window ??= new EventTarget();
  ({ setLocale } = configureLocalization({ sourceLocale: 'fr', targetLocales: ['en'], loadLocale: () => import('../../../src/i18n/locales/en.js') }));
  await ensureProjections(['EPSG:2154']);
});

describe('the place named', () => {
  it('names a commune by its name and INSEE code', () => {
    const place: Place = { kind: 'area', label: 'Le Bourg-d’Oisans', geometry: new Polygon([]), commune: { name: "Le Bourg-d'Oisans", code: '38052' } };
    expect(placeText(place, 'fr', 'EPSG:3857')).toBe("Le Bourg-d'Oisans (INSEE 38052)");
    expect(placeText(place, 'fr')).toBe("Le Bourg-d'Oisans (INSEE 38052)");
  });

  it('names a point by its centre in WGS84 and Lambert-93 and its radius, whatever the map projection', async () => {
    const [x, y] = proj4(LAMBERT_93, TOWN_HALL) as [number, number];
    // The town hall lies near (938 500, 6 444 100) in Lambert-93 (x then y, not swapped): the independent figure is sane.
    expect(Math.abs(x - 938_500)).toBeLessThan(2000);
    expect(Math.abs(y - 6_444_100)).toBeLessThan(2000);
    const expected = `Centre de la carte, à moins de 5 km de 45,05500° N, 6,03000° E (WGS84) — Lambert-93 : X ${fr(x, 0)} m, Y ${fr(y, 0)} m`;
    expect(fr(y, 0)).toContain(NNBSP); // French thousands: narrow no-break space.
    const mercator: Place = { kind: 'circle', label: 'Centre de la carte', center: fromLonLat(TOWN_HALL), distance: 5000 };
    expect(placeText(mercator, 'fr', 'EPSG:3857')).toBe(expected);
    const lambert: Place = { kind: 'circle', label: 'Centre de la carte', center: [x, y], distance: 5000 };
    expect(placeText(lambert, 'fr', 'EPSG:2154')).toBe(expected);
    // West of Greenwich, and a radius under a kilometre.
    const brest: Place = { kind: 'circle', label: 'P', center: fromLonLat([-4.48612, 48.39039]), distance: 750 };
    expect(placeText(brest, 'fr', 'EPSG:3857')).toMatch(/^P, à moins de 750 m de 48,39039° N, 4,48612° O \(WGS84\)/);
    // Without the map's projection, only the radius.
    expect(placeText(mercator, 'fr')).toBe('Centre de la carte, à moins de 5 km');

    await setLocale('en');
    try {
      expect(placeText({ ...mercator, label: 'Map centre' }, 'en', 'EPSG:3857')).toBe(
        `Map centre, within 5 km of 45.05500° N, 6.03000° E (WGS84) — Lambert-93: X ${en(x, 0)} m, Y ${en(y, 0)} m`,
      );
    } finally {
      await setLocale('fr');
    }
  });

  it('names a drawn area by its geodesic area and its vertices', () => {
    // A box of 0.01° at 45° N: R² Δλ (sin φ₂ − sin φ₁) on the sphere.
    const rad = Math.PI / 180;
    const area = EARTH_RADIUS ** 2 * 0.01 * rad * (Math.sin(45.01 * rad) - Math.sin(45 * rad));
    expect(area / 10_000).toBeGreaterThan(80); // hectares: shown as « 87,4 ha »
    const box = [[6, 45], [6.01, 45], [6.01, 45.01], [6, 45.01], [6, 45]].map((c) => fromLonLat(c));
    const drawn: Place = { kind: 'area', label: 'Tracé sur la carte', geometry: new Polygon([box]) };
    expect(placeText(drawn, 'fr', 'EPSG:3857')).toBe(`Tracé sur la carte, surface ${fr(area / 10_000, 1)} ha, 4 sommets`);
    // Two boxes far apart: areas add up, vertices too; km² from 1 km².
    const big = [[5, 45], [5.2, 45], [5.2, 45.2], [5, 45]].map((c) => fromLonLat(c));
    const bigArea = (EARTH_RADIUS ** 2 * 0.2 * rad * (Math.sin(45.2 * rad) - Math.sin(45 * rad))) / 2; // a half-box, nearly
    const text = placeText({ ...drawn, geometry: new MultiPolygon([[box], [big]]) }, 'fr', 'EPSG:3857');
    const km2 = Number(/surface ([\d,]+) km²/.exec(text)![1]!.replace(',', '.'));
    expect(km2).toBeCloseTo((area + bigArea) / 1e6, 0);
    expect(text).toMatch(/, 7 sommets$/);
  });

  it('names a line by its distance either side and its length', () => {
    const path = [[6.2, 45.04], [6.45, 45.06]];
    const line: Place = { kind: 'line', label: 'Tracé sur la carte', distance: 2000, geometry: new LineString(path.map((c) => fromLonLat(c))) };
    const length = haversine(path[0]!, path[1]!) / 1000;
    expect(placeText(line, 'fr', 'EPSG:3857')).toBe(`Tracé sur la carte, à moins de 2 km de la ligne (longueur ${fr(length, 1)} km)`);
  });

  it('names a feature picked on the map by its layer, with its area', () => {
    const box = [[6, 45], [6.01, 45], [6.01, 45.01], [6, 45.01], [6, 45]].map((c) => fromLonLat(c));
    const place: Place = { kind: 'area', label: 'Marais de Bourgoin', geometry: new Polygon([box]), feature: { layer: 'ZNIEFF de type 1' } };
    expect(placeText(place, 'fr', 'EPSG:3857')).toMatch(/^Marais de Bourgoin \(couche « ZNIEFF de type 1 »\), surface 87,\d ha$/);
    expect(placeFacts(place, 'EPSG:3857')).toMatchObject({ kind: 'feature', layer: 'ZNIEFF de type 1' });
  });
});
