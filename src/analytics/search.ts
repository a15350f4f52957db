import { emit } from '../ui/events.js';

/**
 * The one call a search box makes for the usage figures, when a search ends (a result chosen, or the
 * box left with text in it): how many characters were typed and how many results were shown. Never
 * pass the text. It sends a `cartable-search-used` event up from `from` (the box; default the
 * document), which the analytics connection turns into a "search used" event when figures are on.
 *
 * ```ts
 * import { trackSearch } from '../analytics/search.js';
 * trackSearch(this.query.length, this.results.length, this);
 * ```
 *
 * Until a box calls it, `connectAnalytics` derives the same figure from `<cartable-search>`'s own
 * events (`cartable-search-input`, `cartable-search-select`, leaving the box): a box that calls
 * trackSearch itself should set `data-tracks-search` on its host so it is not counted twice.
 */
export function trackSearch(chars: number, results: number, from: EventTarget = document): void {
  try {
    emit(from, 'cartable-search-used', { chars: Math.max(0, Math.floor(chars)), results: Math.max(0, Math.floor(results)) });
  } catch {
    // Figures never break the search.
  }
}
