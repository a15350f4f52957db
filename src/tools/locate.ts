import { EARTH_RADIUS } from './geodesy.js';

/** Where the device is, asked only when the person presses « Me localiser ». */
export type LocateResult =
  | { readonly ok: true; readonly lon: number; readonly lat: number; readonly accuracy: number }
  | { readonly ok: false; readonly problem: 'unsupported' | 'denied' | 'unavailable' | 'timeout' };

export function locateDevice({ timeout = 15_000, geolocation = globalThis.navigator?.geolocation } = {}): Promise<LocateResult> {
  // Browsers give positions to secure pages only (https, or localhost).
  if (!geolocation || globalThis.isSecureContext === false) return Promise.resolve({ ok: false, problem: 'unsupported' });
  return new Promise((resolve) => {
    geolocation.getCurrentPosition(
      ({ coords }) => resolve({ ok: true, lon: coords.longitude, lat: coords.latitude, accuracy: coords.accuracy }),
      (error) =>
        resolve({
          ok: false,
          problem: error.code === error.PERMISSION_DENIED ? 'denied' : error.code === error.TIMEOUT ? 'timeout' : 'unavailable',
        }),
      { enableHighAccuracy: true, timeout, maximumAge: 30_000 },
    );
  });
}

/**
 * The accuracy circle around a position, in lon/lat: points at `radius` metres on the sphere.
 * (Not ol/geom/Polygon's `circular`: using it would add its code to the first map's chunk.)
 */
export function accuracyRing(lon: number, lat: number, radius: number, sides = 64): number[][] {
  const φ1 = (lat * Math.PI) / 180;
  const λ1 = (lon * Math.PI) / 180;
  const δ = radius / EARTH_RADIUS;
  const ring: number[][] = [];
  for (let i = 0; i <= sides; i++) {
    const θ = (2 * Math.PI * (i % sides)) / sides;
    const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
    const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
    ring.push([(λ2 * 180) / Math.PI, (φ2 * 180) / Math.PI]);
  }
  return ring;
}
