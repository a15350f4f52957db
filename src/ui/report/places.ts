/** The report's place built from what the person picked, clicked, drew or typed. */
import { msg } from '@lit/localize';
import { isVectorLayer, type LayerDef } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import { describerOf } from '../../report/describe.js';
import type { Place } from '../../report/types.js';

export type AreaGeometry = Extract<Place, { kind: 'area' }>['geometry'];
export type LineGeometry = Extract<Place, { kind: 'line' }>['geometry'];
export type ShapeGeometry = AreaGeometry | LineGeometry;
/** A point in the view's projection. */
export type PlacePoint = Extract<Place, { kind: 'circle' }>['center'];

/** What the person picked on the map (src/ui/report/place-picking.ts). */
export type Picked =
  | { readonly kind: 'point'; readonly at: PlacePoint }
  | { readonly kind: 'feature'; readonly layerId: string; readonly geometry: AreaGeometry; readonly properties: Record<string, unknown> }
  | { readonly kind: 'shape'; readonly shape: 'area' | 'line'; readonly geometry: ShapeGeometry };

/** Kilometres around a point, and either side of a line. */
export interface PlaceDistances {
  readonly radiusKm: number;
  readonly lineKm: number;
}

/** A feature's name by its layer's describer, else its layer's title. */
export function featureLabel(layer: LayerDef, properties: Record<string, unknown>, language: string): string {
  const name = isVectorLayer(layer) ? describerOf(layer, language)(properties).label : '';
  return name || textFor(layer.title, language);
}

/**
 * The place for a feature of `layer` (picked on the map, or whose record is open: « Utiliser l’objet
 * ouvert »): named by the feature, with its layer's title so the filed report says which layer.
 */
export function featurePlace(layer: LayerDef, geometry: AreaGeometry, properties: Record<string, unknown>, language: string): Place {
  return { kind: 'area', geometry, label: featureLabel(layer, properties, language), feature: { layer: textFor(layer.title, language) } };
}

export function shapePlace(kind: 'area' | 'line', geometry: ShapeGeometry, distances: PlaceDistances, label: string): Place {
  return kind === 'line'
    ? { kind: 'line', geometry: geometry as LineGeometry, distance: distances.lineKm * 1000, label }
    : { kind: 'area', geometry: geometry as AreaGeometry, label };
}

export function circlePlace(center: PlacePoint, distances: PlaceDistances, label: string): Place {
  return { kind: 'circle', center, distance: distances.radiusKm * 1000, label };
}

/** The place for what was picked on the map (`layers`: the layers the report reads, by which a feature is named). */
export function pickedPlace(picked: Picked, distances: PlaceDistances, layers: readonly LayerDef[], language: string): Place {
  switch (picked.kind) {
    case 'point':
      return circlePlace(picked.at, distances, msg('Point choisi sur la carte', { id: 'report.place.clicked' }));
    case 'shape':
      return shapePlace(picked.shape, picked.geometry, distances, msg('Tracé sur la carte', { id: 'report.place.drawn' }));
    case 'feature': {
      const layer = layers.find((l) => l.id === picked.layerId);
      if (!layer) return { kind: 'area', geometry: picked.geometry, label: msg('Objet choisi', { id: 'report.place.feature' }) };
      return featurePlace(layer, picked.geometry, picked.properties, language);
    }
  }
}
