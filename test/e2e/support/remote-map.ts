/**
 * A map of the tests' own whose layer reads a GeoJSON from a remote server at run time, with the
 * fixtures that answer it (or fail with an HTTP 500): the shipped maps package their data, so the
 * tests of a failing remote layer and its retry use this one.
 */
import type { Fixture } from './harness.js';

const CORS = { 'access-control-allow-origin': '*' };

/** Where tests serve documents of their own: a path of the site (same origin, so `?context=` opens it) that no build writes. */
export const SITE_FIXTURES = 'e2e-fixtures/';

/** A GeoJSON read at run time from a remote server (a fixture answers it): the layer tests make fail and recover. */
export const REMOTE_GEOJSON_URL = 'https://data.geopf.fr/cartable-e2e/sites-distants.geojson';
/** The records of REMOTE_GEOJSON_URL: three hand-made sites in the Écrins. */
export const REMOTE_SITES = {
  type: 'FeatureCollection',
  features: [
    [6.31, 45.05, 'Belvédère du Chazelet'],
    [6.16, 44.96, 'Lac du Pontet'],
    [6.4, 44.9, 'Pré de Madame Carle'],
  ].map(([lon, lat, nom], i) => ({ type: 'Feature', id: i + 1, geometry: { type: 'Point', coordinates: [lon, lat] }, properties: { id: i + 1, nom } })),
};

export const remoteGeojsonFixture: Fixture = {
  name: 'remote GeoJSON',
  match: (url) => url.href === REMOTE_GEOJSON_URL,
  respond: (route) =>
    route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/geo+json' }, body: JSON.stringify(REMOTE_SITES) }),
};

/** REMOTE_GEOJSON_URL answered with an HTTP 500. */
export const remoteGeojsonFailureFixture: Fixture = {
  name: 'remote GeoJSON (HTTP 500)',
  match: remoteGeojsonFixture.match,
  respond: (route) => route.fulfill({ status: 500, headers: { ...CORS, 'content-type': 'text/plain' }, body: 'boom' }),
};

/** A map of the tests' own (served by remoteMapFixture): a WMTS basemap and REMOTE_GEOJSON_URL read at run time, layer "sites-distants". */
export const REMOTE_MAP = {
  version: 1,
  id: 'carte-distante',
  title: 'Sites distants (essai)',
  view: { center: [6.3, 45.0], zoom: 9 },
  basemaps: [
    { type: 'wmts', id: 'plan-ign', title: 'Plan IGN', url: 'https://data.geopf.fr/wmts', layer: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2', matrixSet: 'PM', format: 'image/png', style: 'normal', active: true },
  ],
  layers: [
    {
      type: 'geojson',
      id: 'sites-distants',
      title: 'Sites distants',
      url: REMOTE_GEOJSON_URL,
      idField: 'id',
      fields: [{ name: 'id', type: 'integer' }, { name: 'nom', type: 'text' }],
      style: { symbol: { marker: { shape: 'circle', radius: 7, fill: { color: '#a0522d' } } } },
    },
  ],
};
/** The path that opens REMOTE_MAP. */
export const REMOTE_MAP_PATH = `?context=${encodeURIComponent(`${SITE_FIXTURES}carte-distante.json`)}`;

export const remoteMapFixture: Fixture = {
  name: 'remote map document',
  match: (url) => url.pathname.endsWith(`/${SITE_FIXTURES}carte-distante.json`),
  respond: (route) => route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(REMOTE_MAP) }),
};
