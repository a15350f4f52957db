/**
 * The territory of a map, for search ranking (records inside it first): the document's `view.extent`
 * when it gives one, else the extent of its opening view (centre and zoom, resolution or scale) on a
 * 1366 × 768 screen. Coordinates in EPSG:4326 or EPSG:3857 only (no projection library here): for
 * other CRSs the map has no territory, and ranking ignores it.
 */
import type { ViewSettings } from '../context/types.js';
import type { Territory } from './ranking.js';

const R = 6378137;
const SCREEN = [1366, 768] as const;
const toLon = (x: number): number => (x / R) * (180 / Math.PI);
const toLat = (y: number): number => (2 * Math.atan(Math.exp(y / R)) - Math.PI / 2) * (180 / Math.PI);
const fromLon = (lon: number): number => (lon * Math.PI * R) / 180;
const fromLat = (lat: number): number => R * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

const isLonLat = (crs: string): boolean => /^(EPSG:4326|CRS:?84|OGC:CRS84)$/i.test(crs) || /CRS84$/i.test(crs);
const isWebMercator = (crs: string): boolean => /^EPSG:(3857|900913|102100)$/i.test(crs);

/** A point of `crs` in lon/lat, for the two CRSs known here. */
function lonLatOf([x, y]: readonly [number, number], crs: string): [number, number] | undefined {
  if (isLonLat(crs)) return [x, y];
  if (isWebMercator(crs)) return [toLon(x), toLat(y)];
  return undefined;
}

/** The map's territory [west, south, east, north] in lon/lat, or undefined when it cannot be told. */
export function mapTerritory(view: ViewSettings): Territory | undefined {
  const crs = view.crs ?? 'EPSG:4326';
  if (view.extent) {
    const [minX, minY, maxX, maxY] = view.extent;
    const sw = lonLatOf([minX, minY], crs);
    const ne = lonLatOf([maxX, maxY], crs);
    return sw && ne ? [sw[0], sw[1], ne[0], ne[1]] : undefined;
  }
  const centre = view.center && lonLatOf(view.center, crs);
  if (!centre) return undefined;
  const projection = view.projection ?? 'EPSG:3857';
  const mercator = isWebMercator(projection);
  // Projection units per pixel (metres: other projections are taken as metric; 0.28 mm pixels for a scale).
  const resolution =
    view.resolution ?? (view.scale !== undefined ? view.scale * 0.00028 : mercator && view.zoom !== undefined ? (2 * Math.PI * R) / 256 / 2 ** view.zoom : undefined);
  if (resolution === undefined) return undefined;
  const halfWidth = (SCREEN[0] / 2) * resolution;
  const halfHeight = (SCREEN[1] / 2) * resolution;
  if (mercator) {
    const x = fromLon(centre[0]);
    const y = fromLat(centre[1]);
    return [Math.max(-180, toLon(x - halfWidth)), toLat(y - halfHeight), Math.min(180, toLon(x + halfWidth)), toLat(y + halfHeight)];
  }
  // Metres to degrees around the centre.
  const dLat = halfHeight / 111320;
  const dLon = halfWidth / (111320 * Math.max(0.01, Math.cos((centre[1] * Math.PI) / 180)));
  return [Math.max(-180, centre[0] - dLon), Math.max(-90, centre[1] - dLat), Math.min(180, centre[0] + dLon), Math.min(90, centre[1] + dLat)];
}
