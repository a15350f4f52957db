/**
 * Reading the restricted output (served behind authentication): its catalog, and its maps' documents,
 * through the requester — whose bearer hook adds the token for the restricted output's origin only.
 * A refused token is renewed once (refresh token) and the request tried again; no loop.
 */
import type { isAllowedDocumentUrl } from '../app/load.js';
import type { deepFreeze } from '../context/freeze.js';
import type { Problem } from '../context/problems.js';
import type { Catalog, CatalogEntry, MapContext } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { RequestError, type Requester } from '../net/requester.js';
import { groupCatalogPath, SIGNED_IN_CATALOG } from './restricted-catalogs.js';
import type { AuthSession } from './session.js';
import { loadChunk } from '../offline/load-chunk.js';

/** Why restricted content cannot be shown (each has its own message and action). */
export type AccessProblem =
  /** 401: not signed in, or the token was refused and could not be renewed. */
  | 'sign-in'
  /** 403: signed in, but not in the map's groups. */
  | 'forbidden'
  /** The restricted server could not be reached: try again. */
  | 'network';

export type RestrictedResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: AccessProblem; readonly reason: string }
  | { readonly ok: false; readonly problem: 'not-found'; readonly reason: string }
  | { readonly ok: false; readonly problem: 'invalid'; readonly reason: string; readonly problems: readonly Problem[] };

/**
 * The viewer's own rules for documents, handed over by the first page's code: importing them here
 * would split them off the first page's bundle into chunks of their own (≈ 1 KB gzip more).
 */
export interface DocumentRules {
  /** Documents only from the site, or from origins the configuration lists. */
  readonly isAllowedDocumentUrl: typeof isAllowedDocumentUrl;
  readonly deepFreeze: typeof deepFreeze;
}

/** A restricted map's id, as the build names its file (no path, no query). */
const MAP_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Fetches a URL of the restricted output; a 401 gets one renewal and one more try. */
async function fetchRestricted(url: string, requester: Requester, session: AuthSession | undefined): Promise<RestrictedResult<Response>> {
  for (let attempt = 0; ; attempt++) {
    try {
      return { ok: true, value: await requester.fetch(url, { cache: 'no-store' }) };
    } catch (error) {
      if (!(error instanceof RequestError)) throw error;
      // Refused token: renewed once; without a refresh token renew() ends the session as expired.
      if (error.status === 401 && attempt === 0 && session?.user && (await session.renew())) continue;
      if (error.status === 401) return { ok: false, problem: 'sign-in', reason: error.message };
      if (error.status === 403) return { ok: false, problem: 'forbidden', reason: error.message };
      if (error.status === 404) return { ok: false, problem: 'not-found', reason: error.message };
      return { ok: false, problem: 'network', reason: error.message };
    }
  }
}

/** One catalog of the restricted output (src/auth/restricted-catalogs.ts says which). */
async function readCatalog(path: string, restrictedUrl: string, requester: Requester, session: AuthSession | undefined): Promise<RestrictedResult<readonly CatalogEntry[]>> {
  const answer = await fetchRestricted(new URL(path, restrictedUrl).href, requester, session);
  if (!answer.ok) return answer;
  try {
    const catalog = (await answer.value.json()) as Catalog;
    if (!Array.isArray(catalog?.maps)) throw new Error('no "maps" list');
    return { ok: true, value: catalog.maps };
  } catch (error) {
    return { ok: false, problem: 'network', reason: `${path}: ${(error as Error).message}` };
  }
}

/** The order of the catalogs the build writes: by French title. */
const byTitle = new Intl.Collator('fr', { sensitivity: 'base' });

/**
 * The restricted maps the person may open (restricted maps, and public maps with a fuller restricted
 * copy): the catalog of anyone signed in, merged with the catalog of each of their groups. The
 * server lets a group's catalog to its members only; a group without maps has none (403 or 404:
 * nothing to add).
 */
export async function loadRestrictedCatalog(
  restrictedUrl: string,
  requester: Requester,
  session: AuthSession | undefined,
): Promise<RestrictedResult<readonly CatalogEntry[]>> {
  const signedIn = await readCatalog(SIGNED_IN_CATALOG, restrictedUrl, requester, session);
  if (!signedIn.ok) return signedIn;
  const groups = [...new Set(session?.user?.groups ?? [])];
  const ofGroups = await Promise.all(groups.map((group) => readCatalog(groupCatalogPath(group), restrictedUrl, requester, session)));
  const entries = new Map(signedIn.value.map((entry) => [entry.id, entry]));
  for (const result of ofGroups) {
    if (!result.ok && result.problem !== 'forbidden' && result.problem !== 'not-found') return result;
    if (result.ok) for (const entry of result.value) if (!entries.has(entry.id)) entries.set(entry.id, entry);
  }
  return { ok: true, value: [...entries.values()].sort((a, b) => byTitle.compare(textFor(a.title, 'fr'), textFor(b.title, 'fr'))) };
}

/** Whether the person's groups let them open a map (empty groups: anyone signed in). */
export function mayOpen(entry: CatalogEntry, groups: readonly string[]): boolean {
  const wanted = entry.access?.groups ?? [];
  return wanted.length === 0 || wanted.some((group) => groups.includes(group));
}

/**
 * A restricted map's document (`entry` when the restricted catalog lists it, else `maps/<id>.json`).
 * Documents are read only from the restricted output's own origin, which the configuration lists
 * for credentials (the same rule as any document named in the URL).
 */
export async function loadRestrictedMap(options: {
  readonly id: string;
  readonly entry?: CatalogEntry;
  readonly restrictedUrl: string;
  readonly credentialOrigins: readonly string[];
  readonly requester: Requester;
  readonly session: AuthSession | undefined;
  readonly rules: DocumentRules;
}): Promise<RestrictedResult<{ context: MapContext; documentUrl: string }>> {
  const { id, entry, restrictedUrl, rules } = options;
  if (!MAP_ID.test(id)) return { ok: false, problem: 'not-found', reason: `not a map id: ${id}` };
  const url = new URL(entry?.document ?? `maps/${id}.json`, restrictedUrl).href;
  if (!rules.isAllowedDocumentUrl(url, restrictedUrl, options.credentialOrigins) || !url.startsWith(restrictedUrl)) {
    return { ok: false, problem: 'not-found', reason: `refused document URL ${url}` };
  }
  const answer = await fetchRestricted(url, options.requester, options.session);
  if (!answer.ok) return answer;
  let value: unknown;
  try {
    value = await answer.value.json();
  } catch (error) {
    return { ok: false, problem: 'network', reason: `${url}: ${(error as Error).message}` };
  }
  // The build validated and normalised these documents; one named by URL alone is checked here.
  if (entry?.validated) return { ok: true, value: { context: rules.deepFreeze(value as MapContext), documentUrl: url } };
  const { validateContext } = await loadChunk(import('../context/validate.js'));
  const result = validateContext(value);
  if (!result.ok) return { ok: false, problem: 'invalid', reason: url, problems: result.problems };
  return { ok: true, value: { context: result.value, documentUrl: url } };
}
