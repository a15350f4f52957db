/**
 * A compact, French-aware text index for type-ahead search (no DOM, no dependency): runs in Node
 * (the build, the bench), in a module worker and in a page.
 *
 * - Texts are folded into words by foldWords (case, accents, hyphens, apostrophes, "st" → "saint").
 * - Serialised form: the raw texts (and labels when they differ), ids and points — nothing derived.
 *   Loading folds every text once, then builds a sorted word list and compressed postings (CSR
 *   arrays), which is faster to rebuild than to download.
 * - A query matches a record when every query word starts one of its words; words of 5 letters or
 *   more may also match with one typo (insertion, deletion, substitution or transposition) when the
 *   exact pass finds too little — except in the first letter of the rarest query word, whose first
 *   letter picks the candidates. Ranking: fewest typos first (among one-typo words, a swap or a wrong
 *   letter before a letter too many or too few), then whole text equal to the query, then text
 *   starting with the query, then exact words before prefixes, then the earliest match, then the
 *   shortest text, then the data's own order.
 */
import { isSerialisedIndex, serialiseIndex, type IndexRecord, type SerialisedIndex } from './index-format.js';
import { foldWords, visitFoldedWords } from './normalize.js';
import { matchWord, NO_MATCH, prefixWithinOneEdit, TYPO_MIN, withinOneEdit } from './one-edit.js';

export { isSerialisedIndex, serialiseIndex, type IndexRecord, type SerialisedIndex } from './index-format.js';
export { prefixWithinOneEdit, withinOneEdit } from './one-edit.js';

export interface IndexHit {
  readonly index: number;
  readonly label: string;
  readonly id?: string | number;
  readonly point?: readonly [number, number];
  /** Lower is better. */
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
   * Typo tolerance: true (default) when the exact pass finds fewer than `limit` records; "fallback"
   * only when it finds none; false never.
   */
  readonly typos?: boolean | 'fallback';
}

export class TextIndex {
  readonly size: number;
  readonly #texts: string[];
  readonly #labels?: string[];
  readonly #ids?: ReadonlyArray<string | number | null>;
  readonly #points?: Int32Array;
  /** Words of record r: #dictionary[#tokens[#recordStart[r] … #recordStart[r+1])]. */
  readonly #recordStart: Int32Array;
  readonly #tokens: Int32Array;
  /** Every distinct word, sorted. */
  readonly #dictionary: string[];
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
    if (data.points) {
      const points = new Int32Array(data.points.length);
      let x = 0;
      let y = 0;
      for (let i = 0; i < data.points.length; i += 2) {
        x += data.points[i]!;
        y += data.points[i + 1]!;
        points[i] = x;
        points[i + 1] = y;
      }
      this.#points = points;
    }
    // Fold every text once; number the distinct words in order of appearance (flat arrays: few objects).
    const ids = new Map<string, number>();
    const words: string[] = [];
    let tokens = new Int32Array(Math.max(16, this.size * 2));
    let n = 0;
    const recordStart = new Int32Array(this.size + 1);
    const add = (word: string): void => {
      let id = ids.get(word);
      if (id === undefined) {
        id = words.length;
        ids.set(word, id);
        words.push(word);
      }
      if (n === tokens.length) {
        const grown = new Int32Array(tokens.length * 2);
        grown.set(tokens);
        tokens = grown;
      }
      tokens[n++] = id;
    };
    for (let r = 0; r < this.size; r++) {
      visitFoldedWords(this.#texts[r]!, add);
      recordStart[r + 1] = n;
    }
    this.#recordStart = recordStart;
    this.#tokens = tokens.subarray(0, n);
    // Sort the dictionary and renumber the tokens by sorted position.
    this.#dictionary = words.slice().sort();
    const rank = new Int32Array(words.length);
    this.#dictionary.forEach((word, k) => (rank[ids.get(word)!] = k));
    const counts = new Int32Array(words.length + 1);
    for (let i = 0; i < n; i++) {
      const k = rank[this.#tokens[i]!]!;
      this.#tokens[i] = k;
      counts[k + 1]!++;
    }
    // Postings (CSR): a record is listed once per word even when the word repeats in it.
    this.#starts = new Int32Array(words.length + 1);
    for (let k = 0; k < words.length; k++) this.#starts[k + 1] = this.#starts[k]! + counts[k + 1]!;
    const postings = new Int32Array(n);
    const fill = this.#starts.slice(0, words.length);
    const lastRecord = new Int32Array(words.length).fill(-1);
    for (let r = 0; r < this.size; r++) {
      for (let i = recordStart[r]!, end = recordStart[r + 1]!; i < end; i++) {
        const k = this.#tokens[i]!;
        if (lastRecord[k] === r) continue;
        lastRecord[k] = r;
        postings[fill[k]!++] = r;
      }
    }
    // A word repeated within a record leaves unused slots at the end of its range: -1, which readers skip.
    for (let k = 0; k < words.length; k++) {
      if (fill[k]! < this.#starts[k + 1]!) postings.fill(-1, fill[k]!, this.#starts[k + 1]!);
    }
    this.#postings = postings;
  }

  /** Builds an index from records (in the search worker, or in the page). */
  static fromRecords(records: readonly IndexRecord[]): TextIndex {
    return new TextIndex(serialiseIndex(records));
  }

  /** Loads a serialised index. */
  static load(data: SerialisedIndex): TextIndex {
    if (!isSerialisedIndex(data)) throw new Error('not a Cartable search index (format "cartable-search", version 1)');
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
    return { text, ...(label ? { label } : {}), ...(id !== undefined && id !== null ? { id } : {}), ...(point ? { point } : {}) };
  }

  #pointOf(i: number): [number, number] | undefined {
    const points = this.#points;
    if (!points || 2 * i + 1 >= points.length) return undefined;
    return [points[2 * i]! / 1e5, points[2 * i + 1]! / 1e5];
  }

  labelOf(i: number): string {
    return this.#labels?.[i] || this.#texts[i]!;
  }

  /** First dictionary position whose word is ≥ `word`. */
  #lowerBound(word: string): number {
    let lo = 0;
    let hi = this.#dictionary.length;
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

  /** Dictionary positions of the words one typo away from `word` (or from a prefix of them). */
  #typoWords(word: string, prefix: boolean): number[] {
    const found: number[] = [];
    // Only words sharing the first letter: a typo in the first letter is not looked for.
    const ranges = [this.#prefixRange(word[0]!)];
    for (const [from, to] of ranges) {
      for (let k = from; k < to; k++) {
        const candidate = this.#dictionary[k]!;
        if (prefix ? candidate.length >= word.length - 1 && prefixWithinOneEdit(word, candidate) : withinOneEdit(word, candidate)) found.push(k);
      }
    }
    return found;
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
    const words = foldWords(text);
    if (words.length === 0 || this.size === 0) return { total: 0, more: false, hits: [] };
    const exact = this.#search(words, { limit, countLimit, typos: false });
    const enough = options.typos === 'fallback' ? exact.total > 0 : exact.total >= limit;
    if (options.typos === false || enough || !words.some((w) => w.length >= TYPO_MIN)) return exact;
    const tolerant = this.#search(words, { limit, countLimit, typos: true });
    return tolerant.total > exact.total ? tolerant : exact;
  }

  #search(words: string[], { limit, countLimit, typos }: { limit: number; countLimit: number; typos: boolean }): IndexResult {
    const last = words.length - 1;
    // The rarest query word drives the search (every query word is a prefix while typing; earlier
    // words are usually whole, and rank so); with typos, its one-typo neighbours drive too.
    let bestRanges: Array<[number, number]> = [];
    let bestCount = Infinity;
    let driver = '';
    for (let w = 0; w <= last; w++) {
      const range = this.#prefixRange(words[w]!);
      const count = this.#starts[range[1]]! - this.#starts[range[0]]!;
      if (count < bestCount || (count === bestCount && words[w]!.length > driver.length)) {
        bestCount = count;
        bestRanges = [range];
        driver = words[w]!;
      }
    }
    if (typos && driver.length >= TYPO_MIN) {
      for (const k of this.#typoWords(driver, true)) {
        bestRanges.push([k, k + 1]);
        bestCount += this.#starts[k + 1]! - this.#starts[k]!;
      }
    }
    if (bestCount === 0) return { total: 0, more: false, hits: [] };
    // Short prefixes can match most of a large index: look at a bounded number of candidates.
    const cap = Math.max(countLimit * 4, 4000);
    const candidates = this.#records(bestRanges, cap);
    const phrase = words.join(' ');
    const top: Array<{ r: number; score: number; typo: boolean }> = [];
    let worst = Infinity;
    let total = 0;
    for (let c = 0; c < candidates.length; c++) {
      const r = candidates[c]!;
      const from = this.#recordStart[r]!;
      const to = this.#recordStart[r + 1]!;
      let typoCount = 0;
      let typoLength = 0;
      let prefixCount = 0;
      let firstAt = 99;
      let ok = true;
      for (let w = 0; w <= last && ok; w++) {
        let bestMatch: number = NO_MATCH;
        let at = 99;
        for (let k = from; k < to; k++) {
          const m = matchWord(words[w]!, this.#dictionary[this.#tokens[k]!]!, true, typos);
          if (m < bestMatch) {
            bestMatch = m;
            at = k - from;
            if (m === 0) break;
          }
        }
        if (bestMatch === NO_MATCH) ok = false;
        else if (bestMatch === 2) {
          typoCount++;
          // Between two one-typo words, a swap or a wrong letter beats a letter too many or too few.
          if (this.#dictionary[this.#tokens[from + at]!]!.length !== words[w]!.length) typoLength = 1;
        } else if (bestMatch === 1) prefixCount++;
        if (w === 0) firstAt = at;
      }
      if (!ok) continue;
      total++;
      let folded = '';
      for (let k = from; k < to; k++) folded += (k > from ? ' ' : '') + this.#dictionary[this.#tokens[k]!]!;
      const whole = folded === phrase ? 0 : folded.startsWith(phrase) ? 1 : 2;
      const score =
        typoCount * 1e8 +
        typoLength * 5e7 +
        whole * 1e7 +
        Math.min(prefixCount, 9) * 1e6 +
        Math.min(firstAt, 9) * 1e5 +
        Math.min(folded.length, 999) * 100;
      if (top.length < limit || score < worst) {
        top.push({ r, score: score + r / this.size, typo: typoCount > 0 });
        top.sort((a, b) => a.score - b.score);
        if (top.length > limit) top.pop();
        worst = top.length === limit ? top[top.length - 1]!.score : Infinity;
      }
    }
    return {
      total: Math.min(total, countLimit),
      more: total > countLimit || candidates.length >= cap,
      hits: top.map(({ r, score, typo }) => {
        const id = this.#ids?.[r];
        const point = this.#pointOf(r);
        return {
          index: r,
          label: this.labelOf(r),
          score,
          typo,
          ...(id !== undefined && id !== null ? { id } : {}),
          ...(point ? { point } : {}),
        };
      }),
    };
  }
}
