import { textFor } from '../src/i18n/text.js';
import { escapeHtml } from '../src/markup/escape.js';
import { oembedLink } from './oembed.js';
import type { CatalogEntry, SiteConfig } from '../src/context/types.js';

/** Files of the site (paths from its root) that a map page asks for before its code does. */
export interface MapPreloads {
  /** Code chunks: the map view and the layer kinds this map uses. */
  readonly modules: readonly string[];
  /** What the map fetches first: the packaged data of the layers it opens on. */
  readonly fetches: readonly string[];
  /** The validated document (maps/<id>.json's text), carried by the page so that it asks for none. */
  readonly document?: string;
}

/** The id of the element that carries a map's validated document in its page (src/app/page-document.ts reads it). */
export const PAGE_DOCUMENT_ID = 'cartable-document';

/**
 * A JSON text as the content of a data block (`<script type="application/json">`, never run, so
 * the site's CSP holds): `<` written `\u003c`, so no `</script>` or `<!--` can end or change it.
 */
export const jsonDataBlock = (json: string): string => json.replace(/</g, '\\u003c');

export { escapeHtml };

/**
 * The static page of one map, made from the built index.html: one folder down (maps/<id>.html), with
 * the map's title, description and Open Graph tags, so link previews and search engines see them
 * without running JavaScript. The app reads the map id from <meta name="cartable:map">.
 */
export function mapPage(indexHtml: string, entry: CatalogEntry, site: SiteConfig, preloads: MapPreloads = { modules: [], fetches: [] }): string {
  const language = site.defaultLanguage;
  const siteName = textFor(site.name, language);
  const title = `${textFor(entry.title, language)} – ${siteName}`;
  const description = textFor(entry.description, language);
  const absolute = (path: string): string | undefined =>
    site.baseUrl ? new URL(path, site.baseUrl.endsWith('/') ? site.baseUrl : `${site.baseUrl}/`).href : undefined;
  const pageUrl = absolute(entry.page);
  const image = entry.thumbnail ? (/^https?:/.test(entry.thumbnail) ? entry.thumbnail : absolute(entry.thumbnail)) : undefined;

  const meta = [
    `<meta name="cartable:map" content="${escapeHtml(entry.id)}" />`,
    `<meta property="og:type" content="website" />`,
    `<meta property="og:site_name" content="${escapeHtml(siteName)}" />`,
    `<meta property="og:title" content="${escapeHtml(textFor(entry.title, language))}" />`,
    description ? `<meta property="og:description" content="${escapeHtml(description)}" />` : '',
    `<meta property="og:locale" content="${language === 'fr' ? 'fr_FR' : 'en_GB'}" />`,
    pageUrl ? `<meta property="og:url" content="${escapeHtml(pageUrl)}" />` : '',
    pageUrl ? `<link rel="canonical" href="${escapeHtml(pageUrl)}" />` : '',
    image ? `<meta property="og:image" content="${escapeHtml(image)}" />` : '',
    `<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}" />`,
    oembedLink(entry, site) ?? '',
    // What this map needs next, asked for at once instead of one discovery after another.
    ...preloads.modules.map((path) => `<link rel="modulepreload" href="../${escapeHtml(path)}" />`),
    ...preloads.fetches.map((path) => `<link rel="preload" as="fetch" crossorigin href="../${escapeHtml(path)}" />`),
    preloads.document === undefined
      ? ''
      : `<script type="application/json" id="${PAGE_DOCUMENT_ID}" data-document="${escapeHtml(entry.document)}">${jsonDataBlock(preloads.document)}</script>`,
  ].filter(Boolean);

  // Function replacements: a replacement string would read "$&", "$`", "$'" in a title as patterns
  // and paste parts of index.html into the page.
  return indexHtml
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(title)}</title>`)
    .replace(/<meta name="description"[^>]*>/, () => `<meta name="description" content="${escapeHtml(description || title)}" />`)
    .replace('</head>', () => `    ${meta.join('\n    ')}\n  </head>`)
    .replace(/(href|src)="\.\//g, '$1="../');
}
