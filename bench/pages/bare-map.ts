/** The floor for Lighthouse on this stack: a heading and one OpenLayers vector layer, nothing else. */
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { fromLonLat } from 'ol/proj.js';

new OlMap({
  target: 'map',
  view: new View({ center: fromLonLat([2.6, 46.5]), zoom: 6 }),
  layers: [
    new VectorLayer({
      source: new VectorSource({ url: 'places.geojson', format: new GeoJSON() }),
      style: { 'circle-radius': 3, 'circle-fill-color': '#1d4ed8' },
    }),
  ],
});
