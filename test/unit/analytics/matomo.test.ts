import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent } from '../../../src/analytics/events.js';
import { endpointBody, endpointRecord } from '../../../src/analytics/endpoint.js';
import { mapPageUrl, matomoBody, matomoEndpoint, matomoRequests } from '../../../src/analytics/matomo.js';

const site = { siteId: '7', siteUrl: 'https://cartes.example.fr/cartes/?lang=en#x' };
const common = 'idsite=7&rec=1&apiv=1&send_image=0';
const mapUrl = encodeURIComponent('https://cartes.example.fr/cartes/?map=geosites');
const params = (request: string): Record<string, string> => Object.fromEntries(new URLSearchParams(request.slice(1)));

describe('Matomo tracking requests', () => {
  it('finds the tracking endpoint from the configured URL', () => {
    expect(matomoEndpoint('https://stats.example.fr')).toBe('https://stats.example.fr/matomo.php');
    expect(matomoEndpoint('https://stats.example.fr/matomo/')).toBe('https://stats.example.fr/matomo/matomo.php');
    expect(matomoEndpoint('https://stats.example.fr/piwik.php')).toBe('https://stats.example.fr/piwik.php');
  });

  it('counts the catalog and maps as page views under URLs made from the site root, never the page URL', () => {
    expect(matomoRequests({ type: 'catalog-opened' }, site)).toEqual([
      `?${common}&action_name=catalog&url=${encodeURIComponent('https://cartes.example.fr/cartes/')}`,
    ]);
    expect(matomoRequests({ type: 'map-opened', map: 'geosites', embedded: false }, site)).toEqual([
      `?${common}&action_name=geosites&url=${mapUrl}`,
    ]);
    expect(mapPageUrl('https://x.fr/a/index.html?feature=l~1&tq=secret', 'm')).toBe('https://x.fr/a/index.html?map=m');
  });

  it('counts an embed as a page view referred by the host, and an "embed" event', () => {
    const [view, embed] = matomoRequests({ type: 'map-opened', map: 'geosites', embedded: true, host: 'https://partner.example.org' }, site);
    expect(params(view!)).toMatchObject({ action_name: 'geosites', urlref: 'https://partner.example.org' });
    expect(params(embed!)).toEqual({
      idsite: '7', rec: '1', apiv: '1', send_image: '0',
      url: 'https://cartes.example.fr/cartes/?map=geosites',
      e_c: 'embed', e_a: 'https://partner.example.org', e_n: 'geosites',
    });
    const [, unknown] = matomoRequests({ type: 'map-opened', map: 'geosites', embedded: true }, site);
    expect(params(unknown!).e_a).toBe('unknown');
  });

  it('uses Matomo download= and link= for downloads and metadata records', () => {
    const url = 'https://data.example.fr/geosites.geojson';
    expect(matomoRequests({ type: 'download-followed', map: 'geosites', layer: 'g', url }, site)).toEqual([
      `?${common}&url=${encodeURIComponent(url)}&download=${encodeURIComponent(url)}`,
    ]);
    expect(matomoRequests({ type: 'metadata-followed', map: 'geosites', layer: 'g', url }, site)).toEqual([
      `?${common}&url=${encodeURIComponent(url)}&link=${encodeURIComponent(url)}`,
    ]);
  });

  it('turns the other events into Matomo events', () => {
    const cases: Array<[AnalyticsEvent, Record<string, string>]> = [
      [{ type: 'layer-shown', map: 'geosites', layer: 'sites' }, { e_c: 'layer', e_a: 'shown', e_n: 'geosites/sites' }],
      [{ type: 'record-opened', map: 'geosites', layer: 'sites' }, { e_c: 'record', e_a: 'opened', e_n: 'geosites/sites' }],
      [{ type: 'table-shown', map: 'geosites', layer: 'sites' }, { e_c: 'table', e_a: 'shown', e_n: 'geosites/sites' }],
      [{ type: 'table-exported', map: 'geosites', layer: 'sites', format: 'csv' }, { e_c: 'table', e_a: 'exported-csv', e_n: 'geosites/sites' }],
      [{ type: 'search-used', map: 'geosites', chars: 7, results: 3 }, { e_c: 'search', e_a: 'used', e_n: 'chars:7 results:3', e_v: '3' }],
      [{ type: 'error-shown', kind: 'not-found' }, { e_c: 'error', e_a: 'not-found' }],
    ];
    for (const [event, expected] of cases) {
      const [request, ...more] = matomoRequests(event, site);
      expect(more).toEqual([]);
      const got = params(request!);
      expect(got).toMatchObject({ idsite: '7', rec: '1', send_image: '0', ...expected });
      expect(Object.keys(got).filter((k) => !['idsite', 'rec', 'apiv', 'send_image', 'url', 'e_c', 'e_a', 'e_n', 'e_v'].includes(k))).toEqual([]);
    }
  });

  it('never sends a visitor id, user agent, language or cookie parameter', () => {
    const events: AnalyticsEvent[] = [
      { type: 'catalog-opened' },
      { type: 'map-opened', map: 'm', embedded: true, host: 'https://h.fr' },
      { type: 'search-used', chars: 2, results: 0 },
    ];
    for (const request of events.flatMap((e) => matomoRequests(e, site))) {
      for (const name of ['_id', 'uid', 'cid', '_idts', '_idvc', 'ua', 'lang', 'cookie', 'token_auth', 'cip']) expect(params(request)).not.toHaveProperty(name);
    }
  });

  it('batches requests in the bulk format', () => {
    expect(JSON.parse(matomoBody(['?a=1', '?b=2']))).toEqual({ requests: ['?a=1', '?b=2'] });
  });
});

describe('generic endpoint records', () => {
  it('is the event with its time, in a JSON body of events', () => {
    const record = endpointRecord({ type: 'table-exported', map: 'm', layer: 'l', format: 'geojson' }, new Date(Date.UTC(2026, 2, 4, 10, 12)));
    expect(record).toEqual({ type: 'table-exported', map: 'm', layer: 'l', format: 'geojson', time: '2026-03-04T10:12:00.000Z' });
    expect(JSON.parse(endpointBody([record]))).toEqual({ events: [record] });
  });
});
