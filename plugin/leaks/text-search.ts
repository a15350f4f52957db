/**
 * Finds many strings at once in long lower-cased texts: each string is looked up by its first
 * characters, so thousands of them cost about as much as a few. A hit must stand alone: not inside a
 * longer word (or, for ids, a longer id).
 */

/** A string to find (already lower-cased), the index of what it stands for, and what may not touch it. */
export interface Needle {
  readonly form: string;
  readonly index: number;
  readonly inWord: RegExp;
}

export interface CompiledNeedles {
  /** Needles of PREFIX characters or more, by their first PREFIX characters. */
  readonly long: ReadonlyMap<string, readonly Needle[]>;
  readonly short: readonly Needle[];
  /** Which prefix hashes have needles: most places of a text are passed over without making a string. */
  readonly prefixes: Uint8Array;
  /** The longest needle's length. */
  readonly longest: number;
}

const PREFIX = 4;
const HASH_SIZE = 1 << 20;

const prefixHash = (text: string, at: number): number =>
  (text.charCodeAt(at) * 29791 + text.charCodeAt(at + 1) * 961 + text.charCodeAt(at + 2) * 31 + text.charCodeAt(at + 3)) & (HASH_SIZE - 1);

export function compileNeedles(needles: Iterable<Needle>): CompiledNeedles {
  const long = new Map<string, Needle[]>();
  const short: Needle[] = [];
  const prefixes = new Uint8Array(HASH_SIZE);
  let longest = 0;
  for (const needle of needles) {
    longest = Math.max(longest, needle.form.length);
    if (needle.form.length < PREFIX) {
      short.push(needle);
      continue;
    }
    const key = needle.form.slice(0, PREFIX);
    const list = long.get(key) ?? [];
    list.push(needle);
    long.set(key, list);
    prefixes[prefixHash(key, 0)] = 1;
  }
  return { long, short, prefixes, longest };
}

const standsAlone = (haystack: string, at: number, length: number, inWord: RegExp): boolean =>
  !inWord.test(haystack[at - 1] ?? ' ') && !inWord.test(haystack[at + length] ?? ' ');

function occursIn(haystack: string, needle: string, inWord: RegExp): boolean {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    if (standsAlone(haystack, at, needle.length, inWord)) return true;
  }
  return false;
}

/**
 * Adds to `found` the indexes of the needles found in a lower-cased text. `shortOnes: false` leaves
 * the short needles out (texts where a few letters together mean nothing, such as decoded bytes).
 */
export function searchText(text: string, { long, short, prefixes }: CompiledNeedles, found: Set<number>, shortOnes = true): void {
  if (shortOnes) for (const { form, index, inWord } of short) if (!found.has(index) && occursIn(text, form, inWord)) found.add(index);
  if (text.length < PREFIX) return;
  // The hash of the PREFIX characters at `at`, rolled along the text: one character in, one out.
  let hash = prefixHash(text, 0);
  for (let at = 0; at + PREFIX <= text.length; at++) {
    if (at) hash = ((hash - text.charCodeAt(at - 1) * 29791) * 31 + text.charCodeAt(at + PREFIX - 1)) & (HASH_SIZE - 1);
    if (!prefixes[hash]) continue;
    const candidates = long.get(text.substr(at, PREFIX));
    if (!candidates) continue;
    for (const { form, index, inWord } of candidates) {
      if (!found.has(index) && text.startsWith(form, at) && standsAlone(text, at, form.length, inWord)) found.add(index);
    }
  }
}
