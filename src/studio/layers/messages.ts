/** What the person reads when a dropped file cannot become a layer: the file named, the cause said. */
import { msg, str } from '@lit/localize';
import type { DropProblemCode } from './convert/dropped.js';
import { MAX_FILE_BYTES } from './convert/limits.js';

export function dropProblemText(problem: DropProblemCode | 'unreadable', name: string, detail?: string): string {
  const limit = Math.round(MAX_FILE_BYTES / (1024 * 1024));
  switch (problem) {
    case 'too-big':
      return msg(str`« ${name} » dépasse ${limit} Mo : le studio ne l’ajoute pas. Allégez-le (moins d’objets ou de champs) ou publiez-le comme un service.`, { id: 'studio.layers.drop.tooBig' });
    case 'not-json':
      return msg(str`« ${name} » n’est pas du JSON lisible : vérifiez qu’il s’agit bien d’un fichier GeoJSON complet.`, { id: 'studio.layers.drop.notJson' });
    case 'not-geojson':
      return msg(str`« ${name} » est du JSON mais pas du GeoJSON (ni FeatureCollection, ni Feature, ni géométrie).`, { id: 'studio.layers.drop.notGeojson' });
    case 'no-features':
      return msg(str`« ${name} » ne contient aucun objet géographique.`, { id: 'studio.layers.drop.noFeatures' });
    case 'csv-empty':
      return msg(str`« ${name} » n’a pas de ligne d’en-tête suivie de lignes de données.`, { id: 'studio.layers.drop.csvEmpty' });
    case 'csv-columns':
      return msg(str`Aucune ligne de « ${name} » n’a de coordonnées lisibles dans les colonnes choisies.`, { id: 'studio.layers.drop.csvColumns' });
    case 'fgb-unreadable':
      return msg(str`« ${name} » n’est pas un FlatGeobuf lisible (fichier coupé ou abîmé ?).`, { id: 'studio.layers.drop.fgbUnreadable' });
    case 'fgb-projection':
      return msg(str`La projection de « ${name} » (${detail ?? '?'}) n’est pas connue du studio : enregistrez-le en WGS84 ou en Lambert 93.`, { id: 'studio.layers.drop.fgbProjection' });
    case 'unknown-format':
      return msg(str`Le studio lit les fichiers GeoJSON, CSV et FlatGeobuf : « ${name} » n’en est pas un.`, { id: 'studio.layers.drop.unknown' });
    case 'unreadable':
      return msg(str`« ${name} » n’a pas pu être lu.`, { id: 'studio.layers.drop.unreadable' });
  }
}
