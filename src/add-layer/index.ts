/**
 * The one door to the add-layer dialog and the opening of added layers, loaded on demand by the map
 * view (one chunk: the first map's code names it once). Building the layers added to an open map is
 * the adapter's own lazy chunk (map/added-layers.ts).
 */
export { openAddLayer } from '../ui/cartable-add-layer.js';
export { openAddedLayers } from './open.js';
export { openServiceMap } from './service-map.js';
