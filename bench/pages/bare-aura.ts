/**
 * The floor for the first paint of bench/pages/aura-geosites.json: the same two files, styles and view
 * drawn by OpenLayers alone (one bundle, no framework, blank basemap). It marks 'bare:map-rendered' at
 * the first complete frame once both files' features are loaded — the criterion of Cartable's
 * 'cartable:map-rendered'.
 */
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';

const category = <T>(naturel: T, anthropique: T, other: T) => ['match', ['get', 'typologie1'], 'Site naturel', naturel, 'Site anthropique', anthropique, other];
const sources = [
  new VectorSource({ url: 'data/departements.geojson', format: new GeoJSON() }),
  new VectorSource({ url: 'data/geosites.geojson', format: new GeoJSON() }),
];
const map = new OlMap({
  target: 'map',
  view: new View({ center: fromLonLat([4.6, 45.45]), zoom: 8 }),
  layers: [
    new VectorLayer({ source: sources[0], style: { 'fill-color': '#1d4ed833', 'stroke-color': '#1d4ed8', 'stroke-width': 1.5 } }),
    new VectorLayer({
      source: sources[1],
      style: {
        'circle-radius': category(7, 7, 6),
        'circle-fill-color': category('#a0522d', '#5b3f8c', '#6b6b6b'),
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    }),
  ],
});
let loaded = 0;
for (const source of sources) source.once('featuresloadend', () => (loaded += 1));
const onComplete = (): void => {
  if (loaded < sources.length) return;
  map.un('rendercomplete', onComplete);
  performance.mark('bare:map-rendered');
  document.documentElement.setAttribute('data-rendered', '');
};
map.on('rendercomplete', onComplete);
