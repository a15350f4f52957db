/**
 * Two maps of the tests' own for a WMS layer's choices, and the stand-in service they ask: a time map
 * (« zones délimitées », one image per view, a TIME slider 2020–2023) and a filter map (tiles, an
 * « Échelle » list: Commune, EPCI, Pays). Every request to the service is recorded.
 */
import type { Fixture } from './harness.js';
import { LEGEND_PNG, TILE_PNG } from './harness.js';
import { SITE_FIXTURES } from './remote-map.js';

const CORS = { 'access-control-allow-origin': '*' };

/** The stand-in WMS (the site's Content-Security-Policy lets the page reach data.geopf.fr). */
export const CHOICES_WMS = 'https://data.geopf.fr/cartable-e2e/wms';

const basemaps = [
  { type: 'wmts', id: 'plan-ign', title: 'Plan IGN', url: 'https://data.geopf.fr/wmts', layer: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2', matrixSet: 'PM', format: 'image/png', style: 'normal', active: true },
];

export const TIME_MAP = {
  version: 1,
  id: 'carte-temps',
  title: 'Zones délimitées (essai)',
  view: { center: [-2.8, 48.1], zoom: 8 },
  basemaps,
  layers: [
    {
      type: 'wms',
      id: 'zones',
      title: 'Zones délimitées',
      url: CHOICES_WMS,
      layers: 'e2e:zones',
      tiled: false,
      queryable: false,
      time: { values: ['2020/2023/P1Y'], label: { fr: 'Année', en: 'Year' } },
    },
  ],
};

export const FILTER_MAP = {
  version: 1,
  id: 'carte-filtre',
  title: 'Population (essai)',
  view: { center: [-2.8, 48.1], zoom: 8 },
  basemaps,
  layers: [
    {
      type: 'wms',
      id: 'pop',
      title: 'Densité de population',
      url: CHOICES_WMS,
      layers: 'e2e:pop',
      tiled: true,
      filters: [{ id: 'level', field: 'level', values: ['Commune', 'EPCI', 'Pays'], label: { fr: 'Échelle', en: 'Scale' } }],
    },
  ],
};

export const mapPath = (id: 'carte-temps' | 'carte-filtre'): string => `?context=${encodeURIComponent(`${SITE_FIXTURES}${id}.json`)}`;

export const choicesMapFixture: Fixture = {
  name: 'WMS choices map documents',
  match: (url) => /\/e2e-fixtures\/carte-(temps|filtre)\.json$/.test(url.pathname),
  respond: (route, request) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request.url().includes('carte-temps') ? TIME_MAP : FILTER_MAP),
    }),
};

/** The service's requests, by REQUEST (GetMap, GetFeatureInfo, GetLegendGraphic), as URLs. */
export function choicesWmsFixture(seen: Map<string, URL[]>): Fixture {
  return {
    name: 'WMS choices service',
    match: (url) => url.href.startsWith(`${CHOICES_WMS}?`),
    respond: (route, request) => {
      const url = new URL(request.url());
      const kind = [...url.searchParams].find(([k]) => k.toUpperCase() === 'REQUEST')?.[1] ?? '?';
      seen.set(kind, [...(seen.get(kind) ?? []), url]);
      if (kind === 'GetFeatureInfo') {
        const body = { type: 'FeatureCollection', features: [{ type: 'Feature', id: 'pop.1', geometry: null, properties: { nom: 'Vannes', level: 'EPCI', densite: 312 } }] };
        return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      }
      return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'image/png', 'cache-control': 'no-store' }, body: kind === 'GetLegendGraphic' ? LEGEND_PNG : TILE_PNG });
    },
  };
}
