/** Why a service cannot be read, in words a person can act on. */
import { msg, str } from '@lit/localize';
import { RequestError } from '../net/requester.js';
import { CapabilitiesError } from '../ogc/capabilities.js';
import { InvalidLayerError } from './layer-defs.js';
import { AddressError } from './service.js';

/** The message of a refused origin (the site's configuration does not list it). */
export const refusedOrigin = (origin: string): string =>
  msg(
    str`Ce site ne peut pas lire les services de ${origin} : son adresse n'est pas autorisée par la configuration du site (allowedOrigins, usage « data »). Demandez aux administrateurs de la plateforme de l'ajouter.`,
    { id: 'addLayer.error.origin' },
  );

export function describeServiceError(error: unknown): string {
  if (error instanceof AddressError) {
    return error.message === 'empty'
      ? msg("Saisissez l'adresse d'un service WMS, WMTS ou WFS.", { id: 'addLayer.error.empty' })
      : msg(str`« ${error.message} » n'est pas une adresse web (elle doit commencer par https://).`, { id: 'addLayer.error.address' });
  }
  if (error instanceof CapabilitiesError) {
    switch (error.code) {
      case 'exception':
        return msg(str`Le service a répondu par une erreur : ${error.message}`, { id: 'addLayer.error.exception' });
      case 'not-xml':
        return msg("La réponse n'est pas un document XML : cette adresse n'est pas celle d'un service WMS, WMTS ou WFS.", { id: 'addLayer.error.notXml' });
      case 'not-capabilities':
        return msg(str`La réponse n'est pas la description (GetCapabilities) d'un service WMS, WMTS ou WFS (élément « ${error.message} »).`, { id: 'addLayer.error.notCapabilities' });
      case 'no-layers':
        return msg("Ce service ne propose aucune couche affichable.", { id: 'addLayer.error.noLayers' });
    }
  }
  if (error instanceof RequestError) {
    if (error.kind === 'http') return msg(str`Le service a répondu par une erreur HTTP ${error.status ?? '?'}.`, { id: 'addLayer.error.http' });
    if (error.kind === 'timeout') return msg('Le service ne répond pas (délai dépassé).', { id: 'addLayer.error.timeout' });
    return msg(
      "Service injoignable : vérifiez l'adresse et votre connexion. Le service doit aussi autoriser les requêtes d'autres sites (CORS).",
      { id: 'addLayer.error.network' },
    );
  }
  if (error instanceof InvalidLayerError) return msg(str`Cette couche ne peut pas être ajoutée : ${error.message}`, { id: 'addLayer.error.invalid' });
  return msg(str`Lecture du service impossible : ${error instanceof Error ? error.message : String(error)}`, { id: 'addLayer.error.other' });
}
