import { msg, str } from '@lit/localize';
import type { LayerProblem } from '../state/store.js';

/** Projections a misdeclared file is often in, by name (src/layers/projection-check/). */
const PROJECTION_NAMES: Readonly<Record<string, string>> = {
  'EPSG:2154': 'Lambert-93 (EPSG:2154)',
  'EPSG:3857': 'Web Mercator (EPSG:3857)',
  'EPSG:4326': 'longitude/latitude (EPSG:4326)',
};

function describeHttp(status: string | undefined): string {
  const code = Number(status);
  if (code === 404) return msg('Données introuvables (erreur 404)', { id: 'layer.problem.http404' });
  if (code === 401 || code === 403) return msg(str`Accès refusé par le serveur (erreur ${status ?? '?'})`, { id: 'layer.problem.httpDenied' });
  if (code >= 500) return msg(str`Erreur du serveur (${status ?? '?'}) : réessayer plus tard`, { id: 'layer.problem.httpServer' });
  return msg(str`Le service a répondu par une erreur (${status ?? '?'})`, { id: 'layer.problem.http' });
}

function describeWrongFormat(contentType: string | undefined): string {
  if (contentType && /html/.test(contentType)) {
    return msg(str`Le serveur a renvoyé une page web (${contentType}) au lieu des données : portail de connexion, page d'erreur ou adresse erronée ?`, {
      id: 'layer.problem.webPage',
    });
  }
  return contentType
    ? msg(str`Les données reçues ne sont pas au format attendu (reçu : ${contentType})`, { id: 'layer.problem.wrongFormat' })
    : msg('Les données reçues ne sont pas au format attendu', { id: 'layer.problem.wrongFormatUnknown' });
}

function describeOutsideProjection(problem: LayerProblem): string {
  const declared = problem.detail ?? '?';
  if (!problem.likely) {
    return msg(str`Coordonnées hors de la projection ${declared} : vérifier la projection indiquée pour ces données`, { id: 'layer.problem.outsideProjection' });
  }
  const likely = PROJECTION_NAMES[problem.likely] ?? problem.likely;
  return msg(str`Coordonnées hors de la projection ${declared} : les données semblent en ${likely}`, { id: 'layer.problem.outsideProjectionLikely' });
}

/** A layer problem in words: one message per cause, never the browser's or a library's own words. */
export function describeLayerProblem(problem: LayerProblem): string {
  switch (problem.code) {
    case 'offline':
      return msg('Hors ligne : données indisponibles', { id: 'layer.problem.offline' });
    case 'network':
      return msg('Service injoignable (serveur arrêté, adresse erronée ou réseau coupé)', { id: 'layer.problem.network' });
    case 'cors':
      return msg('Lecture refusée par le navigateur : le serveur répond mais n’autorise pas ce site (CORS)', { id: 'layer.problem.cors' });
    case 'timeout':
      return msg('Le service ne répond pas (délai dépassé)', { id: 'layer.problem.timeout' });
    case 'stalled':
      return msg('Le transfert des données s’est arrêté en route ou est trop lent (délai dépassé)', { id: 'layer.problem.stalled' });
    case 'interrupted':
      return msg('La connexion a été coupée avant la fin des données', { id: 'layer.problem.interrupted' });
    case 'http':
      return describeHttp(problem.detail);
    case 'wrong-format':
      return describeWrongFormat(problem.detail);
    case 'outside-projection':
      return describeOutsideProjection(problem);
    case 'invalid-json':
      return msg('Les données reçues sont illisibles (JSON invalide)', { id: 'layer.problem.invalidJson' });
    case 'not-geojson':
      return msg('Les données reçues ne sont pas du GeoJSON', { id: 'layer.problem.notGeojson' });
    case 'projection':
      return msg(str`Projection inconnue : ${problem.detail ?? '?'}`, { id: 'layer.problem.projection' });
    case 'tiles':
      return msg('Les tuiles ne se chargent pas', { id: 'layer.problem.tiles' });
    case 'skipped':
      return msg(str`${problem.detail ?? '?'} objet(s) illisible(s) ignoré(s)`, { id: 'layer.problem.skipped' });
    case 'no-range':
      return msg('Le serveur refuse la lecture partielle (requêtes Range) : lire le fichier en entier', { id: 'layer.problem.noRange' });
    case 'truncated':
      return msg('Le fichier s’arrête avant la fin (tronqué)', { id: 'layer.problem.truncated' });
    case 'invalid-data':
      return problem.detail
        ? msg(str`Les données reçues sont illisibles (format attendu : ${problem.detail})`, { id: 'layer.problem.invalidData' })
        : msg('Les données reçues sont illisibles', { id: 'layer.problem.invalidDataUnknown' });
    case 'missing-columns':
      return msg(str`Colonnes absentes du fichier : ${problem.detail ?? '?'}`, { id: 'layer.problem.missingColumns' });
    case 'service':
      return msg(str`Le service a renvoyé une erreur : ${problem.detail ?? '?'}`, { id: 'layer.problem.service' });
    case 'not-offered':
      return msg(str`Le service ne propose pas la couche ${problem.detail ?? '?'}`, { id: 'layer.problem.notOffered' });
    case 'webgl':
      return msg('WebGL indisponible : la carte de chaleur ne peut pas être dessinée (WebGL unavailable)', { id: 'layer.problem.webgl' });
  }
}
