import { expect } from 'chai';
import type OlMap from 'ol/Map.js';
import { getCenter } from 'ol/extent.js';
import { transform } from 'ol/proj.js';
import type VectorLayer from 'ol/layer/Vector.js';
import type VectorSource from 'ol/source/Vector.js';
import { unmountAll, waitFor } from '../support/mount.js';
import { skipBecause } from '../support/skip.js';
import { SKIP_NO_SHARED_DATA, colourAt, layerRowText, loggingRequester, sharedDataAvailable, showMap, style, validContext, views, pixelOf } from './support.js';

const GRENOBLE: [number, number] = [5.7245, 45.1885];
const ECRINS: [number, number] = [6.25, 44.85];
const FILE = '/__data__/shared/fgb/';

const fgb = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
  type: 'flatgeobuf',
  id,
  title: id,
  url,
  style: style('#cc0000'),
  ...extra,
});

const doc = (view: Record<string, unknown>, layers: unknown[]) => validContext({ version: 1, id: 'fgb', title: 'FlatGeobuf', view, layers });

const sourceOf = (map: OlMap, id: string) =>
  (map.getAllLayers().find((l) => l.get('cartable:id') === id) as VectorLayer<VectorSource>).getSource()!;

describe('flatgeobuf layers', function () {
  before(async function () {
    if (!(await sharedDataAvailable())) {
      skipBecause(this, SKIP_NO_SHARED_DATA);
    }
  });
  afterEach(unmountAll);

  for (const [name, view] of Object.entries(views(GRENOBLE, { zoom: 8, scale: 1_500_000 }))) {
    it(`streams the AURA départements by extent with range requests through the requester, in ${name}`, async () => {
      const { requester, log } = loggingRequester();
      const { view: element, map } = await showMap(doc(view, [fgb('deps', `${FILE}aura-departements.fgb`, { idField: 'code' })]), requester);
      expect(element.store!.state.layers.deps!.status).to.equal('ready');
      const hits = map.getFeaturesAtPixel(pixelOf(map, GRENOBLE), { hitTolerance: 1 });
      expect(hits.map((f) => f.get('nom'))).to.deep.equal(['Isère']);
      expect(hits[0]!.getId()).to.equal('38');
      const [r, g, b, a] = colourAt(map, pixelOf(map, GRENOBLE));
      expect(a).to.be.greaterThan(200);
      expect(r).to.be.greaterThan(180);
      expect(g! + b!).to.be.lessThan(60);
      const reads = log.filter((l) => l.url.endsWith('aura-departements.fgb'));
      expect(reads.length).to.be.greaterThan(0);
      expect(reads.every((l) => l.range?.startsWith('bytes=') && l.status === 206)).to.equal(true);
      // Only the features in view: not all twelve départements.
      expect(sourceOf(map, 'deps').getFeatures().length).to.be.lessThan(12);
    });
  }

  it('reads the Lambert-93 wetlands file and draws them where they are, in both views', async () => {
    for (const view of Object.values(views(ECRINS, { zoom: 9, scale: 500_000 }))) {
      const { view: element, map } = await showMap(doc(view, [fgb('zh', `${FILE}zones-humides-ecrins-l93.fgb`)]));
      expect(element.store!.state.layers.zh!.status).to.equal('ready');
      const features = sourceOf(map, 'zh').getFeatures();
      expect(features.length).to.be.greaterThan(10);
      for (const feature of features) {
        const [lon, lat] = transform(getCenter(feature.getGeometry()!.getExtent()), map.getView().getProjection(), 'EPSG:4326');
        expect(lon).to.be.within(5.8, 6.7);
        expect(lat).to.be.within(44.5, 45.2);
      }
      const target = features.find((f) => f.getGeometry()!.getType().endsWith('Polygon'))!;
      const inside = (target.getGeometry() as unknown as { getInteriorPoints?: () => { getCoordinates(): number[][] }; getInteriorPoint?: () => { getCoordinates(): number[] } });
      const point = inside.getInteriorPoints ? inside.getInteriorPoints().getCoordinates()[0]! : inside.getInteriorPoint!().getCoordinates();
      const hits = map.getFeaturesAtPixel(map.getPixelFromCoordinate(point.slice(0, 2)), { hitTolerance: 2 });
      expect(hits).to.include(target);
      unmountAll();
    }
  });

  it('reads whole files: the edge cases without index, without feature count, mixed geometries, every column type', async () => {
    const { view: element } = await showMap(
      doc(views(GRENOBLE).mercator, [
        fgb('unknown', `${FILE}unknown_feature_count.fgb`),
        fgb('mixed', `${FILE}heterogeneous.fgb`, { loading: 'whole' }),
        fgb('types', `${FILE}alldatatypes.fgb`, { loading: 'whole' }),
        fgb('countries', `${FILE}countries.fgb`, { loading: 'whole' }),
      ]),
    );
    const layers = element.store!.state.layers;
    expect([layers.unknown!.status, layers.mixed!.status, layers.types!.status, layers.countries!.status]).to.deep.equal(['ready', 'ready', 'ready', 'ready']);
    expect(layers.unknown!.featureCount).to.equal(1);
    expect(layers.mixed!.featureCount).to.equal(3);
    expect(layers.types!.featureCount).to.equal(1);
    expect(layers.countries!.featureCount).to.equal(179);
  });

  it('shows a 404 as the layer error while the other layers keep working', async () => {
    const { view: element, map } = await showMap(
      doc(views(GRENOBLE).mercator, [fgb('missing', `${FILE}none.fgb`), fgb('deps', `${FILE}aura-departements.fgb`)]),
    );
    await waitFor(() => element.store!.state.layers.missing!.status === 'error');
    expect(element.store!.state.layers.missing!.problem).to.deep.equal({ code: 'http', detail: '404' });
    expect(await layerRowText(element, 'missing')).to.contain('erreur 404');
    expect(element.store!.state.layers.deps!.status).to.equal('ready');
    expect(map.getFeaturesAtPixel(pixelOf(map, GRENOBLE)).map((f) => f.get('nom'))).to.deep.equal(['Isère']);
  });

  it('says a server refuses range requests, and keeps the whole-file layer working', async () => {
    const { view: element, map } = await showMap(
      doc(views(GRENOBLE).mercator, [
        fgb('norange', '/__data__/shared-no-range/fgb/countries.fgb'),
        fgb('deps', '/__data__/shared-no-range/fgb/aura-departements.fgb', { loading: 'whole' }),
      ]),
    );
    await waitFor(() => element.store!.state.layers.norange!.status === 'error');
    expect(element.store!.state.layers.norange!.problem!.code).to.equal('no-range');
    expect(await layerRowText(element, 'norange')).to.contain('lecture partielle');
    expect(element.store!.state.layers.deps!.status).to.equal('ready');
    expect(map.getFeaturesAtPixel(pixelOf(map, GRENOBLE)).map((f) => f.get('nom'))).to.deep.equal(['Isère']);
  });

  it('says a file is truncated (whole and by extent) and keeps what it could read', async () => {
    const { view: element, map } = await showMap(
      doc({ center: [2.5, 30], zoom: 2 }, [
        fgb('cut', '/__data__/shared-cut/120000/fgb/countries.fgb', { loading: 'whole' }),
        fgb('cutExtent', '/__data__/shared-cut/120001/fgb/countries.fgb', { style: style('#0000cc') }),
        fgb('cutHeader', '/__data__/shared-cut/3000/fgb/countries.fgb'),
      ]),
    );
    await waitFor(() => ['cut', 'cutExtent', 'cutHeader'].every((id) => element.store!.state.layers[id]!.status === 'error'));
    expect(element.store!.state.layers.cut!.problem!.code).to.equal('truncated');
    expect(element.store!.state.layers.cutExtent!.problem).to.deep.equal({ code: 'truncated' });
    expect(element.store!.state.layers.cutHeader!.problem!.code).to.equal('truncated');
    expect(await layerRowText(element, 'cut')).to.contain('tronqué');
    const kept = sourceOf(map, 'cut').getFeatures().length;
    expect(kept).to.be.within(50, 178);
  });
});
