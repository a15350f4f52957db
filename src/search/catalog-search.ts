/**
 * The catalog's search: maps by title, description, tags and layer names, with the same folding,
 * prefixes and typo tolerance as the map search. Small: indexed on the main thread.
 */
import type { CatalogEntry } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import type { SearchGroup, SearchProvider } from './results.js';
import { TextIndex } from './text-index.js';

export interface CatalogSearch extends SearchProvider {
  /** Ids of every map that matches a query (the cards shown), or undefined for an empty query. */
  matching(query: string): Set<string> | undefined;
}

export function createCatalogSearch(options: {
  entries: readonly CatalogEntry[];
  language: string;
  /** Link of a map (its page). */
  href: (entry: CatalogEntry) => string;
  /** Title of the group of results. */
  title: string;
  limit?: number;
}): CatalogSearch {
  const { entries, language } = options;
  const index = TextIndex.fromRecords(
    entries.map((entry) => ({
      text: [entry.title, ...entry.tags, ...entry.layers, entry.description].map((t) => textFor(t, language)).join(' · '),
      label: textFor(entry.title, language),
      id: entry.id,
    })),
  );
  const query = (text: string, limit: number) => index.query(text, { limit, countLimit: entries.length, typos: 'fallback' });
  return {
    matching(text) {
      if (!text.trim()) return undefined;
      return new Set(query(text, entries.length).hits.map((hit) => String(hit.id)));
    },
    async local(text): Promise<readonly SearchGroup[]> {
      const result = query(text, options.limit ?? 8);
      if (result.total === 0) return [];
      const byId = new Map(entries.map((e) => [e.id, e]));
      return [
        {
          id: 'maps',
          title: options.title,
          total: result.total,
          results: result.hits.map((hit) => {
            const entry = byId.get(String(hit.id))!;
            const description = textFor(entry.description, language);
            return {
              key: entry.id,
              label: hit.label,
              ...(description ? { detail: description.length > 120 ? `${description.slice(0, 117)}…` : description } : {}),
              target: { kind: 'map' as const, id: entry.id, href: options.href(entry) },
            };
          }),
        },
      ];
    },
  };
}
