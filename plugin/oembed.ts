/**
 * oEmbed (https://oembed.com): one static JSON per public map, maps/<id>.oembed.json, of type "rich"
 * with the embed code, and the discovery link that each map's static page carries, so content
 * management systems that support oEmbed (WordPress, Drupal…) embed a map from its page's URL.
 * oEmbed needs absolute URLs: without `baseUrl` in site.config.json the build writes neither.
 */
import { iframeCode } from '../src/embed/code.js';
import { textFor } from '../src/i18n/text.js';
import type { CatalogEntry, SiteConfig } from '../src/context/types.js';

export const OEMBED_WIDTH = 800;
export const OEMBED_HEIGHT = 450;

/** Where a map's oEmbed answer lies, relative to the site root. */
export const oembedPath = (entry: CatalogEntry): string => entry.page.replace(/\.html$/, '.oembed.json');

const siteRoot = (site: SiteConfig): string | undefined =>
  site.baseUrl ? (site.baseUrl.endsWith('/') ? site.baseUrl : `${site.baseUrl}/`) : undefined;

/** The absolute URL of a path of the site, or none without baseUrl. */
export const absoluteUrl = (site: SiteConfig, path: string): string | undefined => {
  const root = siteRoot(site);
  return root ? new URL(path, root).href : undefined;
};

/** The oEmbed answer of one map (none without baseUrl). */
export function oembedAnswer(entry: CatalogEntry, site: SiteConfig): Record<string, unknown> | undefined {
  const page = absoluteUrl(site, entry.page);
  const root = siteRoot(site);
  if (!page || !root) return undefined;
  const language = site.defaultLanguage;
  const title = textFor(entry.title, language);
  const src = new URL(page);
  src.searchParams.set('embed', '1');
  return {
    version: '1.0',
    type: 'rich',
    title,
    provider_name: textFor(site.name, language),
    provider_url: root,
    html: iframeCode({ src: src.href, title, height: OEMBED_HEIGHT }),
    width: OEMBED_WIDTH,
    height: OEMBED_HEIGHT,
    cache_age: 86400,
  };
}

/** The discovery link of a map's static page (none without baseUrl). */
export function oembedLink(entry: CatalogEntry, site: SiteConfig): string | undefined {
  const href = absoluteUrl(site, oembedPath(entry));
  if (!href) return undefined;
  const title = textFor(entry.title, site.defaultLanguage).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<link rel="alternate" type="application/json+oembed" href="${href.replace(/"/g, '%22')}" title="${title}" />`;
}
