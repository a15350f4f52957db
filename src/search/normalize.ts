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
