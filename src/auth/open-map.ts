/**
 * Which copy of a map to open when the site has restricted content: the restricted copy when the
 * person is signed in and the restricted catalog lists the map, the public one otherwise; a map that
 * is not public is asked of the restricted server, whose answer (401, 403, 404, no answer) becomes
 * the page's state. Loaded only on sites with sign-in, for a map the public catalog lacks or a tab
 * with a session.
 */
import type { MapLoad } from '../app/load.js';
import type { Catalog, SiteConfig } from '../context/types.js';
import type { Requester } from '../net/requester.js';
import { loadRestrictedCatalog, loadRestrictedMap, type AccessProblem, type DocumentRules } from './restricted.js';
import type { AuthSession } from './session.js';

/** A map the person cannot open yet: what the page that says why (cartable-access-message) shows. */
export interface AccessView {
  readonly kind: 'access';
  readonly problem: AccessProblem;
  readonly reason: string;
  readonly session: AuthSession;
  readonly catalogHref: string;
  readonly onRetry: () => void;
}

/**
 * The restricted copy or the state to show; undefined when the public copy is the one to open.
 */
export async function openRestrictedMap(options: {
  readonly id: string;
  readonly catalog: Catalog;
  readonly site: SiteConfig;
  readonly requester: Requester;
  readonly session: AuthSession;
  readonly rules: DocumentRules;
  /**
   * Asked for when someone else signs in, or the session ends (sign-out, expiry), and by « Réessayer »:
   * the page must be read again.
   */
  readonly reload: () => void;
  /** Where « Retour au catalogue des cartes » leads. */
  readonly catalogHref: string;
}): Promise<MapLoad | AccessView | undefined> {
  const { id, site, requester, session, rules } = options;
  // A restricted map stays on screen only for the person it was read for.
  const shownFor = session.user?.sub;
  const onChange = (): void => {
    if (session.user?.sub === shownFor) return; // A renewed token: same person.
    session.removeEventListener('change', onChange);
    options.reload();
  };
  session.addEventListener('change', onChange);
  const restrictedUrl = site.restricted?.url;
  const isPublic = options.catalog.maps.some((entry) => entry.id === id);
  if (!restrictedUrl || (isPublic && !session.user)) return undefined;
  let entry;
  if (session.user) {
    const restricted = await loadRestrictedCatalog(restrictedUrl, requester, session);
    if (restricted.ok) entry = restricted.value.find((candidate) => candidate.id === id);
    // The public copy stays available whatever happens to the restricted server or the session.
    if (isPublic && !entry) return undefined;
    if (!restricted.ok && restricted.problem !== 'not-found') {
      return accessView(restricted.problem === 'invalid' ? 'network' : restricted.problem, restricted.reason, options);
    }
    // Not in the person's catalogs (only their groups' are sent to them): the server says why (403, 404).
  }
  const result = await loadRestrictedMap({ id, entry, restrictedUrl, credentialOrigins: session.credentialOrigins, requester, session, rules });
  if (result.ok) return { kind: 'ready', ...result.value };
  if (result.problem === 'not-found') return { kind: 'not-found', id };
  if (result.problem === 'invalid') return { kind: 'invalid', file: result.reason, problems: result.problems };
  return accessView(result.problem, result.reason, options);
}

function accessView(
  problem: AccessProblem,
  reason: string,
  { session, catalogHref, reload }: { session: AuthSession; catalogHref: string; reload: () => void },
): AccessView {
  return { kind: 'access', problem, reason, session, catalogHref, onRetry: reload };
}
