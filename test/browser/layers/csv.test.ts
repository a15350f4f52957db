import { expect } from 'chai';
import { parseCsv } from '../../../src/layers/csv/read.js';
import { createRequester } from '../../../src/net/requester.js';
import { unmountAll, waitFor } from '../support/mount.js';
import { colourAt, layerRowText, showMap, style, validContext, views, pixelOf } from './support.js';

const GRENOBLE: [number, number] = [5.7245, 45.1885];
const LYON: [number, number] = [4.8357, 45.764];

/** CSV files answered from memory through the requester (no network). */
const FILES: Record<string, string> = {
  'https://data.example/villes.csv': `nom;lon;lat;population\nGrenoble;5,7245;45,1885;158000\nLyon;4,8357;45,764;513000\nSans coordonnées;;\nCassée;abc;45\n`,
  'https://data.example/l93.csv': `id,X,Y,nom\n1,913000,6458000,Grenoble (L93)\n`,
  'https://data.example/sans-colonnes.csv': `nom,longitude,latitude\nGrenoble,5.7,45.2\n`,
};
const requester = createRequester({
  fetch: async (input) => {
    const text = FILES[String(input)];
    return text === undefined ? new Response('not found', { status: 404 }) : new Response(text, { status: 200 });
  },
});

const csv = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
  type: 'csv',
  id,
  title: id,
  url,
  xField: 'lon',
  yField: 'lat',
  idField: 'nom',
  style: style('#00aa00', 7),
  ...extra,
});

const doc = (view: Record<string, unknown>, layers: unknown[]) => validContext({ version: 1, id: 'csv', title: 'CSV', view, layers });
describe('csv layers', function () {
  afterEach(unmountAll);

  it('parses in a module worker', async () => {
    const bytes = new TextEncoder().encode('lon,lat,nom\n1,2,a\n3,x,b\n').buffer;
    const points = await parseCsv(bytes, { xField: 'lon', yField: 'lat', delimiter: 'auto', decimal: '.', fields: [] });
    expect(points.where).to.equal('worker');
    expect([...points.coordinates]).to.deep.equal([1, 2]);
    expect(points.skipped).to.equal(1);
  });

  for (const [name, view] of Object.entries(views([5.2, 45.5], { zoom: 8, scale: 1_500_000 }))) {
    it(`draws lon/lat points where they are and counts malformed rows, in ${name}`, async () => {
      const layer = csv('villes', 'https://data.example/villes.csv', { decimal: ',', fields: [{ name: 'population', type: 'integer' }] });
      const { view: element, map } = await showMap(doc(view, [layer]), requester);
      const state = element.store!.state.layers.villes!;
      expect(state.status).to.equal('ready');
      expect(state.featureCount).to.equal(2);
      expect(state.skipped).to.equal(2);
      expect(await layerRowText(element, 'villes')).to.contain('2 objet(s) illisible(s)');
      const hits = map.getFeaturesAtPixel(pixelOf(map, GRENOBLE), { hitTolerance: 2 });
      expect(hits.map((f) => f.getId())).to.deep.equal(['Grenoble']);
      expect(hits[0]!.get('population')).to.equal(158000);
      const [r, g, b] = colourAt(map, pixelOf(map, LYON));
      expect(g).to.be.greaterThan(140);
      expect(r! + b!).to.be.lessThan(60);
    });

    it(`reads x/y columns in Lambert-93, in ${name}`, async () => {
      const layer = csv('l93', 'https://data.example/l93.csv', { xField: 'X', yField: 'Y', projection: 'EPSG:2154', idField: 'id' });
      const { view: element, map } = await showMap(doc(view, [layer]), requester);
      expect(element.store!.state.layers.l93!.status).to.equal('ready');
      // (913000, 6458000) in Lambert-93 is in Grenoble, about 5.72° E, 45.19° N.
      const hits = map.getFeaturesAtPixel(pixelOf(map, [5.72, 45.19]), { hitTolerance: 4 });
      expect(hits.map((f) => f.get('nom'))).to.deep.equal(['Grenoble (L93)']);
    });
  }

  it('says which coordinate columns are missing, and that a file is not found, while other layers work', async () => {
    const { view: element, map } = await showMap(
      doc(views([5.2, 45.5]).mercator, [
        csv('missing', 'https://data.example/sans-colonnes.csv'),
        csv('notfound', 'https://data.example/none.csv'),
        csv('villes', 'https://data.example/villes.csv', { decimal: ',' }),
      ]),
      requester,
    );
    await waitFor(() => element.store!.state.layers.missing!.status === 'error' && element.store!.state.layers.notfound!.status === 'error');
    expect(element.store!.state.layers.missing!.problem).to.deep.equal({ code: 'missing-columns', detail: 'lon, lat' });
    expect(await layerRowText(element, 'missing')).to.contain('Colonnes absentes du fichier : lon, lat');
    expect(element.store!.state.layers.notfound!.problem).to.deep.equal({ code: 'http', detail: '404' });
    expect(element.store!.state.layers.villes!.status).to.equal('ready');
    expect(map.getFeaturesAtPixel(pixelOf(map, GRENOBLE), { hitTolerance: 2 })).to.have.length(1);
  });
});
