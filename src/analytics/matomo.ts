/**
 * Events as Matomo HTTP tracking API requests, set up for Matomo's consent-exempt use: no visitor id
 * (`_id`, `uid`, `cid` are never sent, and no cookie is read or set: requests go without credentials),
 * no user agent or language parameters, `send_image=0` (an empty 204 answer). The server keeps its
 * own settings (IP anonymisation, log retention).
 *
 * Page views: the catalog and each map (its id as the page title, a URL made from the site's root so
 * that the page's own URL — which may name a feature or a table filter — never leaves). Downloads and
 * metadata records use Matomo's own `download=` and `link=` so its Downloads and Outlinks reports
 * list them; everything else is an event (category / action / name).
 */
import type { AnalyticsEvent } from './events.js';

/** What every request of a site shares. */
export interface MatomoSite {
  readonly siteId: string;
  /** The site's root URL (where its catalog is). */
  readonly siteUrl: string;
}

/** The tracking endpoint: the configured URL when it names a .php file, else its `matomo.php`. */
export function matomoEndpoint(url: string): string {
  const parsed = new URL(url);
  if (/\.php$/.test(parsed.pathname)) return parsed.href;
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return new URL('matomo.php', parsed).href;
}

/** The URL a map's page view is counted under: the site's root with `?map=<id>` (it opens the map). */
export function mapPageUrl(siteUrl: string, mapId: string): string {
  const url = new URL(siteUrl);
  url.search = '';
  url.hash = '';
  url.searchParams.set('map', mapId);
  return url.href;
}

function catalogUrl(siteUrl: string): string {
  const url = new URL(siteUrl);
  url.search = '';
  url.hash = '';
  return url.href;
}

const query = (site: MatomoSite, params: ReadonlyArray<readonly [string, string | number]>): string => {
  const all: Array<readonly [string, string | number]> = [['idsite', site.siteId], ['rec', 1], ['apiv', 1], ['send_image', 0], ...params];
  return '?' + all.map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`).join('&');
};

/** The tracking requests (query strings starting with "?") that count one (cleaned) event. */
export function matomoRequests(event: AnalyticsEvent, site: MatomoSite): string[] {
  const event_ = (category: string, action: string, name?: string, value?: number, page?: string): string =>
    query(site, [
      ['url', page ?? catalogUrl(site.siteUrl)],
      ['e_c', category],
      ['e_a', action],
      ...(name !== undefined ? ([['e_n', name]] as const) : []),
      ...(value !== undefined ? ([['e_v', value]] as const) : []),
    ]);
  switch (event.type) {
    case 'catalog-opened':
      return [query(site, [['action_name', 'catalog'], ['url', catalogUrl(site.siteUrl)]])];
    case 'map-opened': {
      const page = mapPageUrl(site.siteUrl, event.map);
      const view = query(site, [['action_name', event.map], ['url', page], ...(event.host ? ([['urlref', event.host]] as const) : [])]);
      return event.embedded ? [view, event_('embed', event.host ?? 'unknown', event.map, undefined, page)] : [view];
    }
    case 'layer-shown':
      return [event_('layer', 'shown', `${event.map}/${event.layer}`, undefined, mapPageUrl(site.siteUrl, event.map))];
    case 'record-opened':
      return [event_('record', 'opened', `${event.map}/${event.layer}`, undefined, mapPageUrl(site.siteUrl, event.map))];
    case 'table-shown':
      return [event_('table', 'shown', `${event.map}/${event.layer}`, undefined, mapPageUrl(site.siteUrl, event.map))];
    case 'table-exported':
      return [event_('table', `exported-${event.format}`, `${event.map}/${event.layer}`, undefined, mapPageUrl(site.siteUrl, event.map))];
    case 'metadata-followed':
      return [query(site, [['url', event.url], ['link', event.url]])];
    case 'download-followed':
      return [query(site, [['url', event.url], ['download', event.url]])];
    case 'search-used':
      return [
        event_(
          'search',
          'used',
          `chars:${event.chars} results:${event.results}`,
          event.results,
          event.map ? mapPageUrl(site.siteUrl, event.map) : undefined,
        ),
      ];
    case 'error-shown':
      return [event_('error', event.kind)];
  }
}

/** A bulk tracking body: `{"requests": ["?idsite=…&rec=1&…", …]}`. */
export function matomoBody(requests: readonly string[]): string {
  return JSON.stringify({ requests });
}
