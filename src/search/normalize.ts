/**
 * Folds a text for French-aware matching: lower case, no accents or ligatures, hyphens and
 * apostrophes as spaces, and "st"/"ste" as "saint"/"sainte".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[-‐‑'’ʼ_.,;:!?()/]+/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when every word of the query starts a word of the text (both folded). */
export function matchesAllWords(foldedText: string, query: string): boolean {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const textWords = foldedText.split(' ');
  return words.every((word) => textWords.some((candidate) => candidate.startsWith(word)));
}

const foldedChars = new Map<string, string>();

/**
 * The folded form of one non-ASCII character (a code point, cached): no accent, lower case, ligatures
 * spelled out; letters, numbers and spaces only.
 */
export function foldChar(char: string): string {
  let folded = foldedChars.get(char);
  if (folded === undefined) {
    folded = char.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
    if (/^[\p{L}\p{N}]*$/u.test(folded) === false) folded = folded.replace(/[^\p{L}\p{N}]+/gu, ' ');
    foldedChars.set(char, folded);
  }
  return folded;
}

/** A character of a word once folded: a–z, 0–9 or any non-ASCII character. */
export const isWordCode = (code: number): boolean => (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code >= 128;

const expand = (word: string): string => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word);

/**
 * Calls `visit` with each word of a text for searching: lower case, no accents or ligatures, every
 * other sign a word break (hyphens, apostrophes, dots…), and "st"/"ste" read as "saint"/"sainte".
 * ASCII characters are handled in one pass; other characters are folded once each and cached. An
 * index folds its texts the same way in one pass (index-words.ts).
 */
export function visitFoldedWords(text: string, visit: (word: string) => void): void {
  let plain = text.toLowerCase();
  let start = -1;
  for (let i = 0; i < plain.length; i++) {
    if (plain.charCodeAt(i) >= 128) {
      let out = '';
      for (const char of plain) out += char.charCodeAt(0) < 128 ? char : foldChar(char);
      plain = out;
      break;
    }
  }
  for (let i = 0; i < plain.length; i++) {
    if (isWordCode(plain.charCodeAt(i))) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      visit(expand(plain.slice(start, i)));
      start = -1;
    }
  }
  if (start >= 0) visit(expand(plain.slice(start)));
}

/** The words of a text for searching (see visitFoldedWords). */
export function foldWords(text: string): string[] {
  const words: string[] = [];
  visitFoldedWords(text, (word) => words.push(word));
  return words;
}
