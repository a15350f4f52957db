/**
 * One ranking for every commune source: what a person typed is matched against names with case,
 * accents, hyphens and apostrophes ignored (src/search/normalize.ts), or against INSEE codes when it
 * is one (or its beginning). The service's answers and the packaged list are ranked the same way.
 */
import { foldText } from '../search/normalize.js';
import type { CommuneSuggestion } from './types.js';

/** A commune with, when known, a point inside it (lon/lat): the packaged list has one, the service's answers none. */
export interface CommuneCandidate {
  readonly commune: CommuneSuggestion;
  readonly at?: readonly [number, number];
}

export interface RankOptions {
  readonly limit?: number;
  readonly territory?: readonly [number, number, number, number];
}

export const DEFAULT_LIMIT = 8;

/** An INSEE code or its beginning: digits, or 2A/2B (Corsica) then digits. */
const CODE = /^(\d{1,5}|2[AB]\d{0,3})$/;

/** The INSEE code (or its beginning) `text` is, upper-cased; undefined for a name. */
export function codeQuery(text: string): string | undefined {
  const code = text.trim().toUpperCase();
  return CODE.test(code) ? code : undefined;
}

/** A text folded for matching (foldText), letters, digits and single spaces only. */
export function foldName(text: string): string {
  return foldText(text).replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The article that may open a commune's name (« Le Bourg-d'Oisans », « L'Isle-d'Abeau »), folded. */
const ARTICLE = /^(le|la|les|l) /;

/**
 * How well a folded name matches a folded query: 0 the same name (its article aside), 1 it starts
 * so, 2 it holds the query's words in order (each may be part of a word); undefined otherwise.
 */
export function nameTier(name: string, query: string): 0 | 1 | 2 | undefined {
  if (!query) return undefined;
  const bare = name.replace(ARTICLE, '');
  if (name === query || bare === query) return 0;
  if (name.startsWith(query) || bare.startsWith(query)) return 1;
  let from = 0;
  for (const word of query.split(' ')) {
    const at = name.indexOf(word, from);
    if (at < 0) return undefined;
    from = at + word.length;
  }
  return 2;
}

const inside = (at: readonly [number, number] | undefined, box: RankOptions['territory']): boolean =>
  !!at && !!box && at[0] >= box[0] && at[0] <= box[2] && at[1] >= box[1] && at[1] <= box[3];

const collator = new Intl.Collator('fr');

/**
 * The candidates that match `text`, best first: the closest match (same name, then names that begin
 * so, then names that hold its words; for a code, the same code then codes that begin so), then the
 * largest population, then those inside the map's territory, then by name; at most `limit`. Duplicate
 * codes are kept once.
 */
export function rankCommunes(candidates: Iterable<CommuneCandidate>, text: string, options: RankOptions = {}): CommuneSuggestion[] {
  const code = codeQuery(text);
  const query = code ? '' : foldName(text);
  if (!code && !query) return [];
  const matched: Array<{ candidate: CommuneCandidate; tier: number; inside: boolean }> = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const { commune } = candidate;
    if (seen.has(commune.code)) continue;
    const tier = code ? (commune.code === code ? 0 : commune.code.startsWith(code) ? 1 : undefined) : nameTier(foldName(commune.name), query);
    // One letter finds only the names it is (« Y », in the Somme), not every name that holds it.
    if (tier === undefined || (tier > 0 && query.length === 1)) continue;
    seen.add(commune.code);
    matched.push({ candidate, tier, inside: inside(candidate.at, options.territory) });
  }
  matched.sort(
    (a, b) =>
      a.tier - b.tier ||
      (b.candidate.commune.population ?? -1) - (a.candidate.commune.population ?? -1) ||
      Number(b.inside) - Number(a.inside) ||
      collator.compare(a.candidate.commune.name, b.candidate.commune.name) ||
      collator.compare(a.candidate.commune.code, b.candidate.commune.code),
  );
  return matched.slice(0, Math.max(0, options.limit ?? DEFAULT_LIMIT)).map((m) => m.candidate.commune);
}
