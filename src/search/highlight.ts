/**
 * The parts of a label that match a query, for highlighting: plain text parts, never markup (the
 * element renders each part as text). A label word is marked when a query word starts it (folded:
 * case, accents, "st" → "saint"), or when it was matched with one typo.
 */
import { foldWords } from './normalize.js';
import { prefixWithinOneEdit } from './text-index.js';

export interface TextPart {
  readonly text: string;
  readonly match: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

export function highlightParts(label: string, query: string): TextPart[] {
  const queryWords = foldWords(query);
  if (queryWords.length === 0) return [{ text: label, match: false }];
  const parts: TextPart[] = [];
  let last = 0;
  const push = (text: string, match: boolean): void => {
    if (!text) return;
    const previous = parts.at(-1);
    if (previous && previous.match === match) parts[parts.length - 1] = { text: previous.text + text, match };
    else parts.push({ text, match });
  };
  for (const found of label.matchAll(WORD)) {
    const word = found[0];
    const start = found.index;
    const folded = foldWords(word)[0] ?? '';
    let length = 0;
    for (const q of queryWords) {
      if (folded.startsWith(q)) {
        // Mark as many letters as the query typed when the folded word keeps the same length, else all.
        length = Math.max(length, folded.length === word.length ? q.length : word.length);
      } else if (q.length >= 5 && prefixWithinOneEdit(q, folded)) {
        length = Math.max(length, Math.min(word.length, q.length));
      }
    }
    push(label.slice(last, start), false);
    push(word.slice(0, length), true);
    push(word.slice(length), false);
    last = start + word.length;
  }
  push(label.slice(last), false);
  return parts;
}
