/**
 * The words of a search index, made when it loads (text-index.ts): every text folded into words as
 * foldWords folds it, the distinct words sorted (the dictionary), each record's words as dictionary
 * positions, and each word's records (postings, CSR arrays).
 *
 * One pass over the texts as one string, with no Map of words and no sort of strings (the two made
 * most of the loading time): the words go into a trie held in one Int32Array, its nodes' children in
 * lists sorted by character, with a table for the first three characters when they are a–z or 0–9;
 * walking the trie in order numbers the distinct words in sorted order.
 */
import { foldChar, isWordCode } from './normalize.js';

export interface IndexWords {
  /** Every distinct word, sorted (by UTF-16 code units, as `Array.prototype.sort` sorts). */
  readonly dictionary: string[];
  /** Words of record r, in text order: dictionary[tokens[recordStart[r] … recordStart[r+1])]. */
  readonly recordStart: Int32Array;
  readonly tokens: Int32Array;
  /**
   * Records of dictionary word k: postings[starts[k] … starts[k+1]), ascending, then -1 in the slots
   * left over by a word repeated within a record.
   */
  readonly starts: Int32Array;
  readonly postings: Int32Array;
}

/** A trie node is 4 integers: first child, next sibling (both -1 for none), character, word number (-1 for none). */
const FIRST = 0;
const NEXT = 1;
const CODE = 2;
const WORD = 3;

/** a–z → 1…26, 0–9 → 27…36 (other characters are 0): the first three characters index a table of 37³ nodes. */
const SYMBOL = new Uint8Array(128);
for (let c = 97; c <= 122; c++) SYMBOL[c] = c - 96;
for (let c = 48; c <= 57; c++) SYMBOL[c] = c - 21;
const TABLE = 37 * 37 * 37;

/** The string of UTF-16 code units (in pieces: one call for a very long word would overflow the stack). */
function fromCodes(codes: Uint16Array): string {
  let text = '';
  for (let i = 0; i < codes.length; i += 4096) text += String.fromCharCode.apply(null, codes.subarray(i, i + 4096) as unknown as number[]);
  return text;
}

function grown<T extends Int32Array | Uint16Array>(array: T, fill = 0): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  if (fill !== 0) bigger.fill(fill, array.length);
  return bigger;
}

/** The words of `size` texts joined by "\n" (see IndexWords). */
export function indexWords(texts: string, size: number): IndexWords {
  if (size === 0) return { dictionary: [], recordStart: new Int32Array(1), tokens: new Int32Array(0), starts: new Int32Array(1), postings: new Int32Array(0) };
  // Lower case for the whole string at once: the same as text by text, "\n" being neither a letter nor ignorable.
  const lowered = texts.toLowerCase();
  let trie = new Int32Array(4 * (64 + (lowered.length >> 2)));
  trie.set([-1, -1, 0, -1]);
  let end = 4;
  const table = new Int32Array(TABLE).fill(-1);
  /** The node for character `code` under `parent` (made when missing). */
  const child = (parent: number, code: number): number => {
    let previous = -1;
    let k = trie[parent + FIRST]!;
    while (k >= 0 && trie[k + CODE]! < code) {
      previous = k;
      k = trie[k + NEXT]!;
    }
    if (k >= 0 && trie[k + CODE] === code) return k;
    if (end === trie.length) trie = grown(trie);
    const made = end;
    end += 4;
    trie[made + FIRST] = -1;
    trie[made + NEXT] = k;
    trie[made + CODE] = code;
    trie[made + WORD] = -1;
    if (previous < 0) trie[parent + FIRST] = made;
    else trie[previous + NEXT] = made;
    return made;
  };

  // The word being read: its characters, its node, its table index (-1 past a character outside
  // a–z0–9), and when `clean`, its place in `lowered` (no character of it was changed by folding).
  let word = new Uint16Array(64);
  let length = 0;
  let node = 0;
  let key = 0;
  let clean = true;
  let start = 0;
  const words: string[] = [];
  let tokens = new Int32Array(64 + (lowered.length >> 2));
  let n = 0;
  const recordStart = new Int32Array(size + 1);
  let record = 0;

  const letter = (code: number): void => {
    if (length === word.length) word = grown(word);
    word[length++] = code;
    if (key >= 0 && length <= 3 && code < 128) {
      key = key * 37 + SYMBOL[code]!;
      let found = table[key]!;
      if (found < 0) found = table[key] = child(node, code);
      node = found;
    } else {
      key = -1;
      node = child(node, code);
    }
  };
  const wordEnd = (): void => {
    if (length === 0) return;
    let text: string | undefined;
    // « st », « ste » are read as « saint », « sainte » (as foldWords reads them).
    if ((length === 2 || length === 3) && word[0] === 115 && word[1] === 116 && (length === 2 || word[2] === 101)) {
      text = length === 2 ? 'saint' : 'sainte';
      node = 0;
      for (let i = 0; i < text.length; i++) node = child(node, text.charCodeAt(i));
    }
    let id = trie[node + WORD]!;
    if (id < 0) {
      id = trie[node + WORD] = words.length;
      words.push(text ?? (clean ? lowered.slice(start, start + length) : fromCodes(word.subarray(0, length))));
    }
    if (n === tokens.length) tokens = grown(tokens);
    tokens[n++] = id;
    length = 0;
    node = 0;
    key = 0;
  };

  for (let i = 0; i < lowered.length; i++) {
    const code = lowered.charCodeAt(i);
    if (code < 128) {
      if (isWordCode(code)) {
        if (length === 0) {
          start = i;
          clean = true;
        }
        letter(code);
      } else {
        wordEnd();
        if (code === 10) recordStart[++record] = n;
      }
      continue;
    }
    // Another character (a surrogate pair as one): folded as foldWords folds it (cached).
    const pair = code >= 0xd800 && code < 0xdc00 && (lowered.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const char = pair ? lowered.slice(i, i + 2) : lowered[i]!;
    const folded = foldChar(char);
    if (folded === char) {
      if (length === 0) {
        start = i;
        clean = true;
      }
      for (let k = 0; k < folded.length; k++) letter(folded.charCodeAt(k));
    } else {
      // Changed: letters, digits (a word's, from here on not a slice of `lowered`) and spaces.
      clean = false;
      for (let k = 0; k < folded.length; k++) {
        const c = folded.charCodeAt(k);
        if (isWordCode(c)) letter(c);
        else wordEnd();
      }
    }
    if (pair) i++;
  }
  wordEnd();
  recordStart[size] = n;

  // Walk the trie in order (a node, then its children by character, then its next sibling): the
  // distinct words come sorted.
  const count = words.length;
  const rank = new Int32Array(count);
  const dictionary = words.slice();
  const stack = new Int32Array(end >> 2);
  let top = 0;
  let sorted = 0;
  if (trie[FIRST]! >= 0) stack[top++] = trie[FIRST]!;
  while (top > 0) {
    const v = stack[--top]!;
    const id = trie[v + WORD]!;
    if (id >= 0) {
      rank[id] = sorted;
      dictionary[sorted++] = words[id]!;
    }
    if (trie[v + NEXT]! >= 0) stack[top++] = trie[v + NEXT]!;
    if (trie[v + FIRST]! >= 0) stack[top++] = trie[v + FIRST]!;
  }

  // Tokens as dictionary positions; postings (CSR): a record is listed once per word even when the
  // word repeats in it.
  tokens = tokens.subarray(0, n);
  const counts = new Int32Array(count + 1);
  for (let i = 0; i < n; i++) {
    const k = rank[tokens[i]!]!;
    tokens[i] = k;
    counts[k + 1]!++;
  }
  const starts = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) starts[k + 1] = starts[k]! + counts[k + 1]!;
  const postings = new Int32Array(n);
  const fill = starts.slice(0, count);
  const lastRecord = new Int32Array(count).fill(-1);
  for (let r = 0; r < size; r++) {
    for (let i = recordStart[r]!, to = recordStart[r + 1]!; i < to; i++) {
      const k = tokens[i]!;
      if (lastRecord[k] === r) continue;
      lastRecord[k] = r;
      postings[fill[k]!++] = r;
    }
  }
  // A word repeated within a record leaves unused slots at the end of its range: -1, which readers skip.
  for (let k = 0; k < count; k++) {
    if (fill[k]! < starts[k + 1]!) postings.fill(-1, fill[k]!, starts[k + 1]!);
  }
  return { dictionary, recordStart, tokens, starts, postings };
}
