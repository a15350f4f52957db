/** One ranking for both commune sources: match tiers, population, territory, INSEE codes, folding. */
import { describe, expect, it } from 'vitest';
import { codeQuery, nameTier, rankCommunes, type CommuneCandidate } from '../../../src/communes/rank.js';

const c = (name: string, code: string, population?: number, at?: [number, number]): CommuneCandidate => ({
  commune: { name, code, department: code.slice(0, 2), ...(population !== undefined ? { population } : {}) },
  ...(at ? { at } : {}),
});

const ISERE: [number, number, number, number] = [4.7, 44.7, 6.4, 45.9];

describe('ranking communes', () => {
  it('finds « Le Bourg-d\'Oisans » from « bourg d\'oisans », whatever the accents, case, hyphens and apostrophes', () => {
    const list = [c("Le Bourg-d'Oisans", '38052', 3300), c('Bourg-Argental', '42023', 2900), c("Le Freney-d'Oisans", '38173', 250)];
    for (const typed of ["bourg d'oisans", 'BOURG-D’OISANS', 'bourg d oisans', 'Bourg d\u2019Oisans']) {
      expect(rankCommunes(list, typed).map((s) => s.code)).toEqual(['38052']);
    }
    expect(rankCommunes([c('Orléans', '45234', 116_000), c('Orléat', '63265', 2100)], 'orleans').map((s) => s.code)).toEqual(['45234']);
  });

  it('puts the same name first, then names that begin so, then names that hold the words; the article aside', () => {
    expect(nameTier('le bourg d oisans', 'bourg d oisans')).toBe(0);
    expect(nameTier('villeneuve de marc', 'villeneuve')).toBe(1);
    expect(nameTier('saint martin d heres', 'martin')).toBe(2);
    expect(nameTier('saint martin d heres', 'heres martin')).toBeUndefined();
    const list = [c("Saint-Martin-d'Hères", '38421', 38_000), c('Villeneuve-de-Marc', '38555', 1100), c('Villeneuve', '63458', 200), c('La Villeneuve-au-Chêne', '10426', 300)];
    expect(rankCommunes(list, 'villeneuve').map((s) => s.code)).toEqual(['63458', '38555', '10426']);
    expect(rankCommunes(list, 'martin').map((s) => s.code)).toEqual(['38421']);
  });

  it('ranks homonyms by population, largest first, each with its département', () => {
    const list = [c('Saint-Hilaire', '63360', 260), c('Saint-Hilaire', '38395', 1500), c('Saint-Hilaire', '31486')];
    const ranked = rankCommunes(list, 'st hilaire');
    expect(ranked.map((s) => [s.code, s.department])).toEqual([['38395', '38'], ['63360', '63'], ['31486', '31']]);
  });

  it('prefers, among equals, the communes inside the map\'s territory, then the name', () => {
    const list = [c('Beaulieu', '63031', undefined, [3.3, 45.4]), c('Beaulieu', '38033', undefined, [5.4, 45.2]), c('Beaulieu', '07027')];
    expect(rankCommunes(list, 'beaulieu', { territory: ISERE }).map((s) => s.code)).toEqual(['38033', '07027', '63031']);
    expect(rankCommunes(list, 'beaulieu').map((s) => s.code)).toEqual(['07027', '38033', '63031']);
  });

  it('reads an INSEE code or its beginning, Corsica\'s too, the same code first', () => {
    expect(codeQuery(' 38052 ')).toBe('38052');
    expect(codeQuery('2a004')).toBe('2A004');
    expect(codeQuery('380521')).toBeUndefined();
    expect(codeQuery('bourg')).toBeUndefined();
    const list = [c('Bouchet', '38051'), c("Le Bourg-d'Oisans", '38052', 3300), c('Grenoble', '38185', 156_000), c('Bourg', '3805')];
    expect(rankCommunes(list, '38052').map((s) => s.code)).toEqual(['38052']);
    expect(rankCommunes(list, '3805').map((s) => s.code)).toEqual(['3805', '38052', '38051']);
  });

  it('keeps a code once, stops at the limit, and gives nothing for an empty text', () => {
    const list = Array.from({ length: 20 }, (_, i) => c(`Saint-Pierre-${i}`, `380${String(i).padStart(2, '0')}`, i));
    expect(rankCommunes([...list, ...list], 'saint pierre', { limit: 5 }).map((s) => s.population)).toEqual([19, 18, 17, 16, 15]);
    expect(rankCommunes(list, 'saint pierre')).toHaveLength(8);
    expect(rankCommunes(list, ' - ')).toEqual([]);
    expect(rankCommunes([c('Y', '80829', 90), c('Yvoire', '74315', 900)], 'y').map((s) => s.code)).toEqual(['80829']);
  });
});
