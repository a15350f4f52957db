/**
 * The one door to the code of added layers, loaded on demand by the map view and its adapter (one
 * chunk: the first map's code names it once).
 */
export { openAddLayer } from '../ui/cartable-add-layer.js';
export { openAddedLayers } from './open.js';
export { addedLayers } from '../map/added-layers.js';
export { openServiceMap } from './service-map.js';
