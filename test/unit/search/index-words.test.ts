import { describe, expect, it } from 'vitest';
import { indexWords } from '../../../src/search/index-words.js';
import { foldWords } from '../../../src/search/normalize.js';

// Capitals folded in context (final sigma, dotted I), a combining accent, a surrogate pair and a lone
// surrogate, ligatures, signs folded to spaces, abbreviations, empty texts, words repeated.
const TEXTS = ['ΟΔΟΣ', 'İstanbul', 'e\u0301tienne', 'St-Étienne ste-Anne STE', 'a\ud835\udc00b', 'lone\ud800x', '½ ¼', 'Œuvre Æsop', 'Straße', 'l’Homme', '', 'Paris paris PARIS', 'Zürich—Genève', 'saint', 'sa', 'st'];

describe('indexWords', () => {
  const words = indexWords(TEXTS.join('\n'), TEXTS.length);

  it('folds every text into the words foldWords gives, in text order', () => {
    TEXTS.forEach((text, r) => {
      const got = Array.from(words.tokens.subarray(words.recordStart[r], words.recordStart[r + 1]), (k) => words.dictionary[k]);
      expect(got).toEqual(foldWords(text));
    });
  });

  it('numbers the distinct words in sorted order, and lists each word’s records once, ascending', () => {
    expect(words.dictionary).toEqual([...new Set(TEXTS.flatMap(foldWords))].sort());
    const paris = words.dictionary.indexOf('paris');
    const records = Array.from(words.postings.subarray(words.starts[paris], words.starts[paris + 1])).filter((r) => r >= 0);
    expect(records).toEqual([11]);
    const saint = words.dictionary.indexOf('saint');
    expect(Array.from(words.postings.subarray(words.starts[saint], words.starts[saint + 1])).filter((r) => r >= 0)).toEqual([3, 13, 15]);
  });

  it('makes nothing of no text', () => {
    expect(indexWords('', 0).dictionary).toEqual([]);
    expect(Array.from(indexWords('', 1).recordStart)).toEqual([0, 0]);
  });
});
