import { isLanguage, type Language } from '../i18n/text.js';

export type Route =
  | { readonly kind: 'catalog' }
  | { readonly kind: 'map'; readonly id: string }
  | { readonly kind: 'document'; readonly url: string }
  /** Layers from services over the default basemap: a catalogue's hand-off (service_url…) or its link (add=). */
  | { readonly kind: 'service' }
  /** Cartable Studio: composes a map context document (empty, or a map of the site opened by id). */
  | { readonly kind: 'studio'; readonly mapId?: string };

/** What the viewer's app shows (the studio is an element of its own: src/main.ts). */
export type ViewerRoute = Exclude<Route, { readonly kind: 'studio' }>;

/**
 * What the page asks for: a map id from the page itself (the static page of a map carries
 * <meta name="cartable:map">), or ?map=<id>, or a document URL (?context=<url>), or layers from
 * services (a catalogue's ?service_url=…&service_type=…&layer_name=…, or ?add=…), or the studio
 * (?studio, ?studio=<map id>), else the catalog.
 * Unknown parameters and foreign fragments (e.g. "#?secret=" added by embedding CMSs) are ignored.
 */
export function readRoute(url: URL, pageMapId: string | null): Route {
  if (!pageMapId && url.searchParams.has('studio')) return { kind: 'studio', mapId: url.searchParams.get('studio') || undefined };
  const id = pageMapId ?? url.searchParams.get('map');
  if (id) return { kind: 'map', id };
  const context = url.searchParams.get('context');
  if (context) return { kind: 'document', url: context };
  if (['service_url', 'service_type', 'layer_name', 'add'].some((key) => url.searchParams.has(key))) return { kind: 'service' };
  return { kind: 'catalog' };
}

export function readLanguage(url: URL, fallback: Language): Language {
  const lang = url.searchParams.get('lang');
  return isLanguage(lang) ? lang : fallback;
}
