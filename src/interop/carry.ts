import { deepEqual } from './common.js';

/**
 * What a format's standard fields do not give back: the properties whose value differs (kept as
 * they are) and those the standard reading adds but the original lacked (dropped). Applied after
 * the standard reading, it gives back the original exactly.
 */
export interface Carried {
  keep?: Record<string, unknown>;
  drop?: string[];
}

export function carryDifferences(original: Readonly<Record<string, unknown>>, rebuilt: Readonly<Record<string, unknown>>): Carried {
  const keep: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(original)) {
    if (!deepEqual(value, rebuilt[key])) keep[key] = value;
  }
  const drop = Object.keys(rebuilt).filter((key) => !(key in original));
  return { ...(Object.keys(keep).length ? { keep } : {}), ...(drop.length ? { drop } : {}) };
}

export function applyCarried(rebuilt: Readonly<Record<string, unknown>>, carried: Carried | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = { ...rebuilt, ...(carried?.keep ?? {}) };
  for (const key of carried?.drop ?? []) delete out[key];
  return out;
}
