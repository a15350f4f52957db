import { msg, str } from '@lit/localize';
import type { LayerProblem } from '../state/store.js';

/** A layer problem in words. */
export function describeLayerProblem(problem: LayerProblem): string {
  switch (problem.code) {
    case 'offline':
      return msg('Hors ligne : données indisponibles', { id: 'layer.problem.offline' });
    case 'network':
      return msg('Service injoignable', { id: 'layer.problem.network' });
    case 'timeout':
      return msg('Le service ne répond pas', { id: 'layer.problem.timeout' });
    case 'http':
      return problem.detail === '404'
        ? msg('Données introuvables (erreur 404)', { id: 'layer.problem.http404' })
        : msg(str`Le service a répondu par une erreur (${problem.detail ?? '?'})`, { id: 'layer.problem.http' });
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
      return msg('Le fichier est incomplet (tronqué)', { id: 'layer.problem.truncated' });
    case 'invalid-data':
      return msg(str`Les données reçues sont illisibles (${problem.detail ?? '?'})`, { id: 'layer.problem.invalidData' });
    case 'missing-columns':
      return msg(str`Colonnes absentes du fichier : ${problem.detail ?? '?'}`, { id: 'layer.problem.missingColumns' });
    case 'service':
      return msg(str`Le service a renvoyé une erreur : ${problem.detail ?? '?'}`, { id: 'layer.problem.service' });
    case 'webgl':
      return msg('WebGL indisponible : la carte de chaleur ne peut pas être dessinée (WebGL unavailable)', { id: 'layer.problem.webgl' });
  }
}
