/**
 * Each failure of a layer's load says its real cause (issue 17), with answers that misbehave the way
 * real servers do (test/support/wtr-data.mjs): an HTML portal answered with 200, a body that stalls,
 * a connection cut mid-transfer, a server that refuses cross-origin reads; data in another projection
 * than declared; a CSV file cut mid-record.
 */
import { expect } from 'chai';
import { useLanguage } from '../../../src/i18n/localization.js';
import { createRequester } from '../../../src/net/requester.js';
import type { LayerProblem } from '../../../src/state/store.js';
import type { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { unmountAll, waitFor } from '../support/mount.js';
import { layerRowText, showMap, style, validContext, views } from './support.js';

const VIEW = views([5.2, 45.5]).mercator;
const doc = (layers: unknown[]) => validContext({ version: 1, id: 'problems', title: 'Problems', view: VIEW, layers });
const point = (id: string, extra: Record<string, unknown>) => ({ id, title: id, style: style('#aa0000'), ...extra });

/** Lambert-93 metres of Grenoble and Lyon, as files without a CRS carry them. */
const L93 = [[913000, 6458000], [842000, 6519000]];

/** Answers from memory, by URL (no network). */
const memory = (files: Record<string, string>, options: { timeout?: number } = {}) =>
  createRequester({
    ...options,
    fetch: async (input) => {
      const body = files[String(input)];
      return body === undefined ? new Response('not found', { status: 404 }) : new Response(body, { status: 200 });
    },
  });

const problems = (view: CartableMapView, ids: string[]): Record<string, LayerProblem | undefined> =>
  Object.fromEntries(ids.map((id) => [id, view.store!.state.layers[id]!.problem]));

async function failed(view: CartableMapView, ids: string[]): Promise<void> {
  await waitFor(() => ids.every((id) => view.store!.state.layers[id]!.status === 'error'), 20000);
}

describe('layer load problems: each cause in its own words', function () {
  afterEach(async () => {
    unmountAll();
    await useLanguage('fr');
  });

  it('an HTML portal answered with 200 is a web page instead of the data, for GeoJSON, CSV, FlatGeobuf (whole and by ranges) and PMTiles', async () => {
    const portal = '/__data__/portal/';
    const layers = [
      point('geojson', { type: 'geojson', url: `${portal}data.geojson` }),
      point('csv', { type: 'csv', url: `${portal}data.csv`, xField: 'lon', yField: 'lat' }),
      point('fgb', { type: 'flatgeobuf', url: `${portal}data.fgb`, loading: 'whole' }),
      point('fgbRanges', { type: 'flatgeobuf', url: `${portal}ranges.fgb`, loading: 'extent' }),
      { type: 'pmtiles', id: 'pmtiles', title: 'pmtiles', url: `${portal}tiles.pmtiles` },
    ];
    const ids = layers.map((l) => l.id);
    const { view } = await showMap(doc(layers), createRequester());
    await failed(view, ids);
    const webPage = { code: 'wrong-format', detail: 'text/html' };
    expect(problems(view, ids)).to.deep.equal(Object.fromEntries(ids.map((id) => [id, webPage])));
    for (const id of ids) {
      const row = await layerRowText(view, id);
      expect(row).to.contain('Le serveur a renvoyé une page web (text/html) au lieu des données');
      expect(row).not.to.contain('lecture partielle');
    }
  });

  it('a body that stops coming is a stalled transfer, not unreadable data (the deadline is the requester’s)', async () => {
    const layers = [
      point('geojson', { type: 'geojson', url: '/__data__/stall/points.geojson' }),
      point('csv', { type: 'csv', url: '/__data__/stall/points.csv', xField: 'lon', yField: 'lat' }),
    ];
    const { view } = await showMap(doc(layers), createRequester({ timeout: 1500 }));
    await failed(view, ['geojson', 'csv']);
    expect(problems(view, ['geojson', 'csv'])).to.deep.equal({ geojson: { code: 'stalled' }, csv: { code: 'stalled' } });
    const row = await layerRowText(view, 'geojson');
    expect(row).to.contain('Le transfert des données s’est arrêté en route ou est trop lent (délai dépassé)');
    expect(row).not.to.match(/signal|timed out|illisible/);
    await useLanguage('en');
    expect(await layerRowText(view, 'csv')).to.contain('The data transfer stopped midway or is too slow (time limit reached)');
  });

  it('a connection cut before the announced length is an interrupted transfer', async () => {
    const layers = [point('csv', { type: 'csv', url: '/__data__/broken/points.csv', xField: 'lon', yField: 'lat' })];
    const { view } = await showMap(doc(layers), createRequester());
    await failed(view, ['csv']);
    expect(problems(view, ['csv'])).to.deep.equal({ csv: { code: 'interrupted' } });
    expect(await layerRowText(view, 'csv')).to.contain('La connexion a été coupée avant la fin des données');
  });

  it('a server that answers but refuses cross-origin reads is told apart from one that does not answer', async () => {
    // The same test server under its other loopback name is another origin, and sends no CORS headers.
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const url = `${location.protocol}//${other}:${location.port}/__data__/stall/points.geojson`;
    const { view } = await showMap(doc([point('remote', { type: 'geojson', url })]), createRequester());
    await failed(view, ['remote']);
    expect(problems(view, ['remote'])).to.deep.equal({ remote: { code: 'cors' } });
    const row = await layerRowText(view, 'remote');
    expect(row).to.contain('Lecture refusée par le navigateur : le serveur répond mais n’autorise pas ce site (CORS)');
    expect(row).not.to.contain('Failed to fetch');
  });

  it('data in Lambert-93 read as degrees (GeoJSON without crs, CSV, WFS) says so and names Lambert-93', async () => {
    const csv = `nom,x,y\n${L93.map(([x, y], i) => `p${i},${x},${y}`).join('\n')}\n`;
    const wfsAnswer = JSON.stringify({
      type: 'FeatureCollection',
      numberMatched: 2,
      numberReturned: 2,
      features: L93.map((coordinates, i) => ({ type: 'Feature', id: `f${i}`, properties: {}, geometry: { type: 'Point', coordinates } })),
    });
    const requester = createRequester({
      fetch: async (input) => {
        const url = String(input);
        if (url === 'https://data.example/l93.csv') return new Response(csv);
        if (url.startsWith('https://wfs.example/')) return new Response(wfsAnswer, { headers: { 'content-type': 'application/json' } });
        return new Response('not found', { status: 404 });
      },
    });
    const features = L93.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates } }));
    const layers = [
      point('geojson', { type: 'geojson', data: { type: 'FeatureCollection', features } }),
      point('csv', { type: 'csv', url: 'https://data.example/l93.csv', xField: 'x', yField: 'y' }),
      point('wfs', { type: 'wfs', url: 'https://wfs.example/ows', typeName: 'ns:points', version: '2.0.0', outputFormat: 'application/json', srsName: 'EPSG:4326' }),
    ];
    const { view } = await showMap(doc(layers), requester);
    await failed(view, ['geojson', 'csv', 'wfs']);
    const outside = { code: 'outside-projection', detail: 'EPSG:4326', likely: 'EPSG:2154' };
    expect(problems(view, ['geojson', 'csv', 'wfs'])).to.deep.equal({ geojson: outside, csv: outside, wfs: outside });
    expect(await layerRowText(view, 'csv')).to.contain('Coordonnées hors de la projection EPSG:4326 : les données semblent en Lambert-93 (EPSG:2154)');
    await useLanguage('en');
    expect(await layerRowText(view, 'geojson')).to.contain('Coordinates outside the projection EPSG:4326: the data seems to be in Lambert-93 (EPSG:2154)');
  });

  it('a CSV file cut inside a record says the file ended early instead of drawing its first rows quietly', async () => {
    const rows = Array.from({ length: 42 }, (_, i) => `p${i},${5 + i / 100},45.2,"ok"`);
    const cut = `nom,lon,lat,remarque\n${rows.join('\n')}\np42,5.5,45.3,"coupé au milieu`;
    const { view } = await showMap(doc([point('cut', { type: 'csv', url: 'https://data.example/cut.csv', xField: 'lon', yField: 'lat' })]), memory({ 'https://data.example/cut.csv': cut }));
    await failed(view, ['cut']);
    expect(problems(view, ['cut'])).to.deep.equal({ cut: { code: 'truncated' } });
    const row = await layerRowText(view, 'cut');
    expect(row).to.contain('Le fichier s’arrête avant la fin (tronqué)');
    expect(row).not.to.contain('illisible');
  });
});
