/** Tags every OpenLayers layer with the id of the document layer it draws. */
export const LAYER_ID_KEY = 'cartable:id';
