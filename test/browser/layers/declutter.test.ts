/**
 * Markers are never dropped by declutter: only labels are, where they are shown. Each marker is
 * looked for where it is drawn, by hit detection at its feature's pixel (a marker a decluttered layer
 * dropped is neither painted nor hit there).
 */
import { expect } from 'chai';
import type Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type Point from 'ol/geom/Point.js';
import type VectorLayer from 'ol/layer/Vector.js';
import type VectorSource from 'ol/source/Vector.js';
import { unmountAll } from '../support/mount.js';
import { skipBecause } from '../support/skip.js';
import { SKIP_NO_SHARED_DATA, sharedDataAvailable, showMap, validContext } from './support.js';

const GEOSITES_FILE = '/__data__/shared/geosites/inpg-geosites-ecrins.geojson';

function pointLayer(map: OlMap, id: string): VectorLayer<VectorSource<Feature<Point>>> {
  return map.getAllLayers().find((l) => l.get('cartable:id') === id) as VectorLayer<VectorSource<Feature<Point>>>;
}

/** The features whose point lies in the map, and those of them whose marker is drawn (hit) at that point. */
function markersInView(map: OlMap, layer: VectorLayer<VectorSource<Feature<Point>>>): { inView: Feature[]; drawn: Feature[] } {
  map.renderSync();
  const [width, height] = map.getSize()!;
  const inView = layer.getSource()!.getFeatures().filter((feature) => {
    const [x, y] = map.getPixelFromCoordinate(feature.getGeometry()!.getCoordinates());
    return x! >= 0 && y! >= 0 && x! < width! && y! < height!;
  });
  const drawn = inView.filter((feature) => {
    const pixel = map.getPixelFromCoordinate(feature.getGeometry()!.getCoordinates());
    return map.getFeaturesAtPixel(pixel, { layerFilter: (l) => l === layer, hitTolerance: 0 }).includes(feature);
  });
  return { inView, drawn };
}

describe('declutter', function () {
  afterEach(unmountAll);

  it('draws every géosite in view at the opening of the shipped Géosites map (its labels are hidden at that scale)', async function () {
    if (!(await sharedDataAvailable())) {
      skipBecause(this, SKIP_NO_SHARED_DATA);
    }
    const shipped = (await (await fetch('/maps/geosites.json')).json()) as { layers: Array<Record<string, unknown>>; basemaps: unknown[] };
    // The real records from ../shared/data instead of GitHub (whatever the document names); no basemap (no network).
    const local = ({ source: _source, ...layer }: Record<string, unknown>) => ({ ...layer, url: GEOSITES_FILE });
    const doc = { ...shipped, basemaps: [], layers: shipped.layers.map((l) => (l.id === 'geosites' ? local(l) : l)) };
    const { map } = await showMap(validContext(doc), undefined, { width: 1000, height: 700 });
    const { inView, drawn } = markersInView(map, pointLayer(map, 'geosites'));
    expect(inView.length, 'géosites in view').to.be.greaterThan(40);
    expect(drawn.length).to.equal(inView.length);
  });

  it('keeps every marker of a crowded labelled layer, at a scale where the labels show and where they are hidden', async () => {
    // 60 points 300 m apart, with long names: their labels cannot all be placed.
    const features = Array.from({ length: 60 }, (_, i) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [5.7 + (i % 10) * 0.004, 45.18 + Math.floor(i / 10) * 0.003] },
      properties: { id: i, nom: `Un nom de lieu assez long numéro ${i}` },
    }));
    const layer = {
      type: 'geojson',
      id: 'crowd',
      title: 'Foule',
      data: { type: 'FeatureCollection', features },
      idField: 'id',
      style: {
        symbol: { marker: { shape: 'circle', radius: 7, fill: { color: '#a0522d' }, stroke: { color: '#ffffff', width: 2 } } },
        label: { field: 'nom', size: 12, maxScale: 40000 },
      },
    };
    for (const zoom of [12, 14]) {
      const doc = validContext({ version: 1, id: 'crowd', title: 'Foule', view: { center: [5.718, 45.1875], zoom }, layers: [layer] });
      const { map } = await showMap(doc);
      const { inView, drawn } = markersInView(map, pointLayer(map, 'crowd'));
      expect(inView.length, `points in view at zoom ${zoom}`).to.be.greaterThan(20);
      expect(drawn.length, `markers drawn at zoom ${zoom}`).to.equal(inView.length);
      unmountAll();
    }
  });
});
