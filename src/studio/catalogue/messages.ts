/** Why a catalogue's search or a record's layer failed, in words a person can act on. */
import { msg, str } from '@lit/localize';
import { RequestError } from '../../net/requester.js';
import { describeServiceError } from '../../add-layer/messages.js';
import { CatalogueExceptionError, NotCatalogueError } from './records.js';
import { MissingLayerError } from './layer-defs.js';

export function describeCatalogueError(error: unknown): string {
  if (error instanceof NotCatalogueError) {
    return error.kind === 'csw'
      ? msg("Cette adresse ne répond pas comme un catalogue CSW 2.0.2 (GetRecords) : vérifiez l'adresse du service CSW.", { id: 'studio.catalogue.error.notCsw' })
      : msg("Cette adresse ne répond pas comme un catalogue GeoNetwork 4 : donnez l'adresse de sa racine, par exemple https://catalogue.exemple.fr/geonetwork.", { id: 'studio.catalogue.error.notGeonetwork' });
  }
  if (error instanceof CatalogueExceptionError) return msg(str`Le catalogue a répondu par une erreur : ${error.message}`, { id: 'studio.catalogue.error.exception' });
  if (error instanceof RequestError) {
    switch (error.kind) {
      case 'cors':
        return msg("Le catalogue répond, mais n'autorise pas ce site à le lire (CORS) : ses administrateurs doivent autoriser l'origine du studio.", { id: 'studio.catalogue.error.cors' });
      case 'http':
        return msg(str`Le catalogue a répondu par une erreur HTTP ${error.status ?? '?'}.`, { id: 'studio.catalogue.error.http' });
      case 'timeout':
      case 'stalled':
        return msg('Le catalogue ne répond pas (délai dépassé) : réessayez plus tard.', { id: 'studio.catalogue.error.timeout' });
      case 'offline':
        return msg('Pas de connexion au réseau : le catalogue ne peut pas être interrogé.', { id: 'studio.catalogue.error.offline' });
      default:
        return msg("Catalogue injoignable : vérifiez son adresse et votre connexion.", { id: 'studio.catalogue.error.network' });
    }
  }
  return msg(str`Recherche impossible : ${error instanceof Error ? error.message : String(error)}`, { id: 'studio.catalogue.error.other' });
}

/** Why a layer could not be made from a link or a service (the viewer's words for services). */
export function describeLayerError(error: unknown): string {
  if (error instanceof MissingLayerError) {
    return error.layerName
      ? msg(str`Le service ne propose pas de couche « ${error.layerName} ».`, { id: 'studio.catalogue.error.noLayer' })
      : msg('Le lien ne nomme pas de couche et le service en propose plusieurs : ajoutez-la depuis « Ajouter depuis un service ».', { id: 'studio.catalogue.error.unnamed' });
  }
  return describeServiceError(error);
}
