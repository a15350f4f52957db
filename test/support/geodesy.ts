/**
 * Great-circle figures written out for tests, so a distance the product shows is checked against a
 * formula in the test rather than the product's own code. One copy for unit, browser and end-to-end
 * tests (no imports, so it runs in Node and in the browser).
 */
/** The mean Earth radius that ol/sphere measures on. */
export const EARTH_RADIUS = 6371008.8;
const rad = (degrees: number): number => (degrees * Math.PI) / 180;

/** Haversine distance in metres between two [longitude, latitude] points. */
export function haversine([lon1, lat1]: readonly number[], [lon2, lat2]: readonly number[]): number {
  const a = Math.sin(rad(lat2! - lat1!) / 2) ** 2 + Math.cos(rad(lat1!)) * Math.cos(rad(lat2!)) * Math.sin(rad(lon2! - lon1!) / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(a));
}

/** Web Mercator metres → [longitude, latitude] on the sphere of EPSG:3857. */
export function mercatorToLonLat([x, y]: readonly number[]): [number, number] {
  return [(x! / 6378137) * (180 / Math.PI), (2 * Math.atan(Math.exp(y! / 6378137)) - Math.PI / 2) * (180 / Math.PI)];
}
