/**
 * What switches usage figures off on this device: the browser's privacy signals and the person's own
 * choice. Pure functions over the parts of the browser they read, so they run (and are tested)
 * anywhere; small, as the opt-out control loads them with the catalog and the map.
 */

/** Where the person's "no figures" choice is kept (localStorage, when the browser allows it). */
export const OPT_OUT_KEY = 'cartable:analytics-opt-out';

/** Why nothing is sent: no target configured, a browser privacy signal, or the person's choice. */
export type OffReason = 'unset' | 'gpc' | 'dnt' | 'opted-out';

/** The navigator fields read: Global Privacy Control and Do Not Track (both old and new places). */
export interface PrivacyNavigator {
  readonly globalPrivacyControl?: boolean;
  readonly doNotTrack?: string | null;
}

/** The browser's own privacy signal, when one is on: Global Privacy Control first, then Do Not Track. */
export function privacySignal(nav: PrivacyNavigator | undefined, win?: { doNotTrack?: string | null }): 'gpc' | 'dnt' | undefined {
  if (!nav) return undefined;
  if (nav.globalPrivacyControl === true) return 'gpc';
  if (nav.doNotTrack === '1' || win?.doNotTrack === '1') return 'dnt';
  return undefined;
}

/** The localStorage, or undefined when the browser refuses it (private modes, blocked storage). */
export function safeStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    return storage ?? undefined;
  } catch {
    return undefined;
  }
}

/** True when the person said "no figures" on this device. */
export function readOptOut(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(OPT_OUT_KEY) === '1';
  } catch {
    return false;
  }
}

/** Remembers the person's choice; false when it could not be kept (it then holds for this page only). */
export function writeOptOut(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, optedOut: boolean): boolean {
  if (!storage) return false;
  try {
    if (optedOut) storage.setItem(OPT_OUT_KEY, '1');
    else storage.removeItem(OPT_OUT_KEY);
    return true;
  } catch {
    return false;
  }
}
