/**
 * The report's place for a feature — picked on the map, or whose record is open (« Utiliser l’objet
 * ouvert ») — carries its layer's title (Place.feature), so the filed report names the layer:
 * « Marais de Bourg (couche « Réserves naturelles ») ».
 */
import Polygon from 'ol/geom/Polygon.js';
import { fromLonLat } from 'ol/proj.js';
import { describe, expect, it } from 'vitest';
import type { LayerDef } from '../../../../src/context/types.js';
import { featurePlace, pickedPlace } from '../../../../src/ui/report/places.js';
import { placeText } from '../../../../src/ui/report/texts.js';

const RESERVES = {
  type: 'geojson',
  id: 'reserves',
  title: { fr: 'Réserves naturelles', en: 'Nature reserves' },
  geometry: 'polygon',
  fields: [{ name: 'nom', label: 'Nom', type: 'text' }],
  popup: { title: '{{nom}}' },
  visible: true,
  opacity: 1,
  style: {},
} as unknown as LayerDef;
const square = new Polygon([[[6.0, 45.0], [6.01, 45.0], [6.01, 45.01], [6.0, 45.01], [6.0, 45.0]].map((c) => fromLonLat(c))]);
const properties = { nom: 'Marais de Bourg' };
const distances = { radiusKm: 1, lineKm: 0.1 };

describe('a feature as the place', () => {
  it('the opened record (« Utiliser l’objet ouvert »): named by the feature, with its layer', () => {
    const place = featurePlace(RESERVES, square, properties, 'fr');
    expect(place).toMatchObject({ kind: 'area', label: 'Marais de Bourg', feature: { layer: 'Réserves naturelles' } });
    expect(place.kind === 'area' && place.geometry).toBe(square);
    expect(featurePlace(RESERVES, square, properties, 'en')).toMatchObject({ feature: { layer: 'Nature reserves' } });
  });

  it('the filed report names the layer', () => {
    expect(placeText(featurePlace(RESERVES, square, properties, 'fr'), 'fr')).toBe('Marais de Bourg (couche « Réserves naturelles »)');
  });

  it('a feature picked on the map: the same place', () => {
    const picked = pickedPlace({ kind: 'feature', layerId: 'reserves', geometry: square, properties }, distances, [RESERVES], 'fr');
    expect(picked).toEqual(featurePlace(RESERVES, square, properties, 'fr'));
  });

  it('a feature without a name: its layer names it, and the layer is still said', () => {
    expect(featurePlace(RESERVES, square, {}, 'fr')).toMatchObject({ label: 'Réserves naturelles', feature: { layer: 'Réserves naturelles' } });
  });
});
