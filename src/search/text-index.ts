/**
 * A compact, French-aware text index for type-ahead search (no DOM, no dependency): runs in Node
 * (the build, the bench), in a module worker and in a page.
 *
 * - Texts are folded into words by foldWords (case, accents, hyphens, apostrophes, "st" → "saint").
 * - Serialised form (index-format.ts): the raw texts (and labels when they differ), ids, points and
 *   ranks — nothing derived. Loading folds the texts in one pass into a sorted word list and
 *   compressed postings (CSR arrays, index-words.ts), which is faster to rebuild than to download.
 * - A query matches a record when every query word starts one of its words; words of 5 letters or
 *   more may also match with one typo (insertion, deletion, substitution or transposition, the first
 *   letter included) when the exact pass finds fewer than `limit` records. When exact matches fill the
 *   list and none has every query word whole (« balam » typed, only « Balamban… » found), the best
 *   match with one swapped or wrong letter in a whole word (« Balma ») takes the last place.
 * - Ranking: first the text — fewest typos (among one-typo words a swap, then a wrong letter, then a
 *   letter too many or too few), then whole text equal to the query, then text starting with the
 *   query, then exact words before prefixes, then the earliest match; at equal text, records inside
 *   the query's `territory` (or without a point), then the higher rank, then the shortest text, then
 *   the nearest to the territory's middle, then the data's own order. Only the first candidates read
 *   (4 × countLimit, at least 4,000) are ranked: a query of a few letters over a large index ranks a part.
 */
import { decodePoints, isSerialisedIndex, NO_POINT, serialiseIndex, type IndexRecord, type SerialisedIndex } from './index-format.js';
import { indexWords } from './index-words.js';
import { foldWords } from './normalize.js';
import { matchWord, NO_MATCH, prefixWithinOneEdit, TYPO_MIN, typoKind, withinOneEdit } from './one-edit.js';
import { compareRanked, placer, type Ranked, type Territory } from './ranking.js';

export { isSerialisedIndex, serialiseIndex, type IndexRecord, type SerialisedIndex } from './index-format.js';
export { prefixWithinOneEdit, withinOneEdit } from './one-edit.js';
export type { Territory } from './ranking.js';

export interface IndexHit {
  readonly index: number;
  readonly label: string;
  readonly id?: string | number;
  readonly point?: readonly [number, number];
  /** The text score: lower is better (ties are broken by territory, rank, length, nearness, order). */
  readonly score: number;
  /** True when the record matched only with a typo. */
  readonly typo: boolean;
}

export interface IndexResult {
  /** Records matching, counted up to `countLimit`. */
  readonly total: number;
  /** True when counting stopped at `countLimit`, or at the bound on candidates read (more may match). */
  readonly more: boolean;
  readonly hits: readonly IndexHit[];
}

export interface QueryOptions {
  /** Hits returned (default 8). */
  readonly limit?: number;
  /** Matching records counted at most (default 1000). */
  readonly countLimit?: number;
  /**
   * Typo tolerance: true (default) when the exact pass finds fewer than `limit` records, or for the
   * last place when it fills the list (see above); "fallback" only when it finds none; false never.
   */
  readonly typos?: boolean | 'fallback';
  /** The map's territory: at equal text, records inside it come first (and, after rank and length, nearer its middle). */
  readonly territory?: Territory;
}

interface Pass {
  readonly limit: number;
  readonly countLimit: number;
  readonly typos: boolean;
  /** Query words match whole words only (no prefix); only records with a typo, each a swap or a wrong letter, count. */
  readonly whole: boolean;
  readonly territory?: Territory;
}

export class TextIndex {
  readonly size: number;
  readonly #texts: string[];
  readonly #labels?: string[];
  readonly #ids?: ReadonlyArray<string | number | null>;
  /** x, y ×1e5 per record; x = NO_POINT for a record without one. */
  readonly #points?: Int32Array;
  /** Per record; NaN for none. */
  readonly #ranks?: Float64Array;
  /** Words of record r: #dictionary[#tokens[#recordStart[r] … #recordStart[r+1])]. */
  readonly #recordStart: Int32Array;
  readonly #tokens: Int32Array;
  /** Every distinct word, sorted. */
  readonly #dictionary: string[];
  /** Dictionary ranges [from, to) of the words sharing a first character (made at the first typo search). */
  #initials?: Int32Array;
  /**
   * Postings of dictionary word k: #postings[#starts[k] … #starts[k+1]), records ascending, then -1
   * in the slots left over by a word repeated within a record.
   */
  readonly #starts: Int32Array;
  readonly #postings: Int32Array;

  private constructor(data: SerialisedIndex) {
    this.#texts = data.texts === '' ? [] : data.texts.split('\n');
    this.size = this.#texts.length;
    if (data.labels !== undefined) this.#labels = data.labels.split('\n');
    this.#ids = data.ids;
    this.#points = decodePoints(data, this.size);
    if (data.ranks) this.#ranks = Float64Array.from({ length: this.size }, (_, i) => data.ranks![i] ?? NaN);
    const words = indexWords(data.texts, this.size);
    this.#dictionary = words.dictionary;
    this.#recordStart = words.recordStart;
    this.#tokens = words.tokens;
    this.#starts = words.starts;
    this.#postings = words.postings;
  }

  /** Builds an index from records (in the search worker, or in the page). */
  static fromRecords(records: readonly IndexRecord[]): TextIndex {
    return new TextIndex(serialiseIndex(records));
  }

  /** Loads a serialised index. */
  static load(data: SerialisedIndex): TextIndex {
    if (!isSerialisedIndex(data)) throw new Error('not a Cartable search index (format "cartable-search", version 1 or 2)');
    return new TextIndex(data);
  }

  /** The serialised form (what the build writes). */
  serialise(): SerialisedIndex {
    return serialiseIndex(this.#texts.map((text, i) => this.#record(text, i)));
  }

  #record(text: string, i: number): IndexRecord {
    const label = this.#labels?.[i];
    const id = this.#ids?.[i];
    const point = this.#pointOf(i);
    const rank = this.#ranks?.[i];
    return {
      text,
      ...(label ? { label } : {}),
      ...(id !== undefined && id !== null ? { id } : {}),
      ...(point ? { point } : {}),
      ...(rank !== undefined && !Number.isNaN(rank) ? { rank } : {}),
    };
  }

  #pointOf(i: number): [number, number] | undefined {
    const points = this.#points;
    if (!points || points[2 * i] === NO_POINT) return undefined;
    return [points[2 * i]! / 1e5, points[2 * i + 1]! / 1e5];
  }

  labelOf(i: number): string {
    return this.#labels?.[i] || this.#texts[i]!;
  }

  /** First dictionary position in [lo, hi) whose word is ≥ `word`. */
  #lowerBound(word: string, lo = 0, hi = this.#dictionary.length): number {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#dictionary[mid]! < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Dictionary positions [from, to) of the words that start with `prefix`. */
  #prefixRange(prefix: string): [number, number] {
    return [this.#lowerBound(prefix), this.#lowerBound(prefix + '\uffff')];
  }

  /** Dictionary positions [from, to) of `word` itself (empty when absent). */
  #wordRange(word: string): [number, number] {
    const k = this.#lowerBound(word);
    return [k, this.#dictionary[k] === word ? k + 1 : k];
  }

  /** Start positions of the dictionary's first-character groups, then its length. */
  #initialGroups(): Int32Array {
    if (!this.#initials) {
      const starts: number[] = [];
      const dictionary = this.#dictionary;
      for (let k = 0; k < dictionary.length; k++) if (k === 0 || dictionary[k]!.charCodeAt(0) !== dictionary[k - 1]!.charCodeAt(0)) starts.push(k);
      starts.push(dictionary.length);
      this.#initials = Int32Array.from(starts);
    }
    return this.#initials;
  }

  /**
   * Dictionary positions of the words one typo away from `word` (or from a prefix of them). Candidates:
   * the words sharing its first letter (a typo further on), and for a typo in the first letter, the
   * words starting with: another letter then word[1…] (wrong letter), another letter then word (letter
   * missing), word[1…] (letter too many), word[1] word[0] word[2…] (swap) — each a binary search.
   */
  #typoWords(word: string, prefix: boolean): number[] {
    const found = new Set<number>();
    const dictionary = this.#dictionary;
    const accept = (k: number): void => {
      const candidate = dictionary[k]!;
      if (prefix ? candidate.length >= word.length - 1 && prefixWithinOneEdit(word, candidate) : withinOneEdit(word, candidate)) found.add(k);
    };
    // The words starting with `start` (within [lo, hi)): one binary search, then a walk.
    const startingWith = (start: string, lo = 0, hi = dictionary.length): void => {
      for (let k = this.#lowerBound(start, lo, hi); k < hi && dictionary[k]!.startsWith(start); k++) accept(k);
    };
    startingWith(word[0]!);
    const groups = this.#initialGroups();
    const rest = word.slice(1);
    // A plain letter is mistyped for another plain letter (folded words are mostly a–z).
    const ascii = word.charCodeAt(0) < 128;
    for (let g = 0; g + 1 < groups.length; g++) {
      const initial = dictionary[groups[g]!]![0]!;
      if (initial === word[0] || (ascii && initial.charCodeAt(0) >= 128)) continue;
      startingWith(initial + rest, groups[g]!, groups[g + 1]!);
      startingWith(initial + word, groups[g]!, groups[g + 1]!);
    }
    if (word[1] !== word[0]) {
      startingWith(rest);
      startingWith(word[1]! + word[0]! + word.slice(2));
    }
    return [...found];
  }

  /** Records having a word in the given dictionary ranges, each once, in postings order, at most `limit`. */
  #records(ranges: ReadonlyArray<readonly [number, number]>, limit: number): Int32Array {
    const out: number[] = [];
    const seen = new Uint8Array(this.size);
    for (const [from, to] of ranges) {
      for (let p = this.#starts[from]!, end = this.#starts[to]!; p < end; p++) {
        const r = this.#postings[p]!;
        if (r >= 0 && !seen[r]) {
          seen[r] = 1;
          out.push(r);
          if (out.length >= limit) return Int32Array.from(out);
        }
      }
    }
    return Int32Array.from(out);
  }

  /** Finds the records matching a query, best first. */
  query(text: string, options: QueryOptions = {}): IndexResult {
    const limit = options.limit ?? 8;
    const countLimit = options.countLimit ?? 1000;
    const typos = options.typos ?? true;
    const words = foldWords(text);
    if (words.length === 0 || this.size === 0) return { total: 0, more: false, hits: [] };
    const pass = { limit, countLimit, territory: options.territory };
    const exact = this.#search(words, { ...pass, typos: false, whole: false });
    if (typos === false || !words.some((w) => w.length >= TYPO_MIN)) return exact.result;
    if (typos === 'fallback' && exact.result.total > 0) return exact.result;
    if (exact.result.total < limit) {
      const tolerant = this.#search(words, { ...pass, typos: true, whole: false }).result;
      return tolerant.total > exact.result.total ? tolerant : exact.result;
    }
    // Exact matches fill the list: unless one has every query word whole, the last place may go to a typo.
    if (exact.wholeWords || limit < 2) return exact.result;
    const slot = this.#search(words, { ...pass, limit: 1, typos: true, whole: true }).result;
    const kept = exact.result.hits.slice(0, limit - 1);
    // A record may match both ways (« Balma Balamban »): it keeps its exact place.
    if (slot.hits.length === 0 || kept.some((hit) => hit.index === slot.hits[0]!.index)) return exact.result;
    return { total: Math.min(exact.result.total + slot.total, countLimit), more: exact.result.more || slot.more, hits: [...kept, slot.hits[0]!] };
  }

  #search(words: string[], { limit, countLimit, typos, whole, territory }: Pass): { result: IndexResult; wholeWords: boolean } {
    const last = words.length - 1;
    // The rarest query word drives the search (every query word is a prefix while typing; earlier
    // words are usually whole, and rank so); with typos, its one-typo neighbours drive too.
    let bestRanges: Array<[number, number]> = [];
    let bestCount = Infinity;
    let driver = '';
    for (let w = 0; w <= last; w++) {
      const range = whole ? this.#wordRange(words[w]!) : this.#prefixRange(words[w]!);
      const count = this.#starts[range[1]]! - this.#starts[range[0]]!;
      if (count < bestCount || (count === bestCount && words[w]!.length > driver.length)) {
        bestCount = count;
        bestRanges = [range];
        driver = words[w]!;
      }
    }
    if (typos && driver.length >= TYPO_MIN) {
      for (const k of this.#typoWords(driver, !whole)) {
        bestRanges.push([k, k + 1]);
        bestCount += this.#starts[k + 1]! - this.#starts[k]!;
      }
    }
    if (bestCount === 0) return { result: { total: 0, more: false, hits: [] }, wholeWords: false };
    // Short prefixes can match most of a large index: look at a bounded number of candidates.
    const cap = Math.max(countLimit * 4, 4000);
    const candidates = this.#records(bestRanges, cap);
    const phrase = words.join(' ');
    const place = placer(territory);
    const top: Ranked[] = [];
    let total = 0;
    let wholeWords = false;
    for (let c = 0; c < candidates.length; c++) {
      const r = candidates[c]!;
      const from = this.#recordStart[r]!;
      const to = this.#recordStart[r + 1]!;
      let typoCount = 0;
      let kind = 0;
      let prefixCount = 0;
      let firstAt = 99;
      let ok = true;
      for (let w = 0; w <= last && ok; w++) {
        let bestMatch: number = NO_MATCH;
        let at = 99;
        for (let k = from; k < to; k++) {
          const m = matchWord(words[w]!, this.#dictionary[this.#tokens[k]!]!, !whole, typos);
          if (m < bestMatch) {
            bestMatch = m;
            at = k - from;
            if (m === 0) break;
          }
        }
        if (bestMatch === NO_MATCH) ok = false;
        else if (bestMatch === 2) {
          typoCount++;
          kind = Math.max(kind, typoKind(words[w]!, this.#dictionary[this.#tokens[from + at]!]!));
        } else if (bestMatch === 1) prefixCount++;
        if (w === 0) firstAt = at;
      }
      if (!ok || (whole && (typoCount === 0 || kind === 2))) continue;
      total++;
      if (typoCount === 0 && prefixCount === 0) wholeWords = true;
      let folded = '';
      for (let k = from; k < to; k++) folded += (k > from ? ' ' : '') + this.#dictionary[this.#tokens[k]!]!;
      const score =
        typoCount * 1e8 + kind * 3e7 + (folded === phrase ? 0 : folded.startsWith(phrase) ? 1 : 2) * 1e7 + Math.min(prefixCount, 9) * 1e6 + Math.min(firstAt, 9) * 1e5;
      if (top.length === limit && score > top[limit - 1]!.score) continue;
      const { outside, distance } = place(this.#points?.[2 * r] ?? NO_POINT, this.#points?.[2 * r + 1] ?? 0);
      const rank = this.#ranks?.[r];
      const ranked: Ranked = { r, score, outside, rank: rank === undefined || Number.isNaN(rank) ? -Infinity : rank, length: folded.length, distance, typo: typoCount > 0 };
      if (top.length === limit && compareRanked(ranked, top[limit - 1]!) >= 0) continue;
      top.push(ranked);
      top.sort(compareRanked);
      if (top.length > limit) top.pop();
    }
    const hits = top.map(({ r, score, typo }): IndexHit => {
      const id = this.#ids?.[r];
      const point = this.#pointOf(r);
      return { index: r, label: this.labelOf(r), score, typo, ...(id !== undefined && id !== null ? { id } : {}), ...(point ? { point } : {}) };
    });
    return { result: { total: Math.min(total, countLimit), more: total > countLimit || candidates.length >= cap, hits }, wholeWords };
  }
}
