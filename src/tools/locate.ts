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
