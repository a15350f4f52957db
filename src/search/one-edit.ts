/** One-typo matching of folded words, without allocation (Damerau: a swap of neighbours is one edit). */

/** True when a[ai…] equals b[bi…] (whole = both end together) or is a prefix of it (whole = false). */
function sameFrom(a: string, ai: number, b: string, bi: number, whole: boolean): boolean {
  const rest = a.length - ai;
  if (whole ? b.length - bi !== rest : b.length - bi < rest) return false;
  for (let k = 0; k < rest; k++) if (a.charCodeAt(ai + k) !== b.charCodeAt(bi + k)) return false;
  return true;
}

/**
 * Whether `a` is at most one edit (insertion, deletion, substitution, swap of neighbours) from `b`
 * (whole = true) or from some prefix of `b` (whole = false: typing, with one typo). No allocation.
 */
function oneEdit(a: string, b: string, whole: boolean): boolean {
  const la = a.length;
  const lb = b.length;
  if (whole && Math.abs(la - lb) > 1) return false;
  if (!whole && lb < la - 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === la) return whole ? lb - la <= 1 : true;
  return (
    sameFrom(a, i + 1, b, i + 1, whole) || // substitution
    sameFrom(a, i + 1, b, i, whole) || // a has an extra letter
    sameFrom(a, i, b, i + 1, whole) || // a misses a letter
    (i + 1 < la && i + 1 < lb && a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2, whole)) // swap
  );
}

/** Whether two words are at most one edit apart (Damerau: a swap of neighbours is one edit). */
export const withinOneEdit = (a: string, b: string): boolean => oneEdit(a, b, true);

/** Whether `query` is at most one edit from some prefix of `word` (typing, with one typo). */
export const prefixWithinOneEdit = (query: string, word: string): boolean => oneEdit(query, word, false);

export type WordMatch = 0 | 1 | 2; // exact, prefix, typo
export const NO_MATCH = 3;
/**
 * How alike a one-typo match is, lower being likelier meant: 0 a swap of neighbours (every letter
 * typed is there), 1 a wrong letter, 2 a letter too many or too few — or any typo in a word being typed
 * (the query shorter than the word).
 */
export function typoKind(queryWord: string, word: string): 0 | 1 | 2 {
  if (word.length !== queryWord.length) return 2;
  let i = 0;
  while (i < word.length && word.charCodeAt(i) === queryWord.charCodeAt(i)) i++;
  return i + 1 < word.length && word[i] === queryWord[i + 1] && word[i + 1] === queryWord[i] && sameFrom(queryWord, i + 2, word, i + 2, true) ? 0 : 1;
}

/** Words shorter than this must match without typo. */
export const TYPO_MIN = 5;

/** How a query word matches a record word: exact, prefix (when allowed), typo (when allowed), or not. */
export function matchWord(queryWord: string, word: string, prefix: boolean, typo: boolean): WordMatch | typeof NO_MATCH {
  if (word === queryWord) return 0;
  if (prefix && word.startsWith(queryWord)) return 1;
  if (typo && queryWord.length >= TYPO_MIN && (prefix ? prefixWithinOneEdit(queryWord, word) : withinOneEdit(queryWord, word))) return 2;
  return NO_MATCH;
}
