/** The words of « Une commune » that depend on what went wrong: why no commune could be found or shown. */
import { msg, str } from '@lit/localize';
import { CommuneNotFoundError, type CommuneSuggestion } from '../../communes/types.js';
import { RequestError } from '../../net/requester.js';

/** Why the commune service gave nothing: a message for the picker, never the browser's own words. */
export function communeFailureText(error: unknown, commune?: CommuneSuggestion): string {
  if (error instanceof CommuneNotFoundError) {
    const name = commune ? `${commune.name} (${commune.code})` : error.code;
    return msg(str`Le contour de ${name} est introuvable dans le service des communes.`, { id: 'report.commune.notFound' });
  }
  if (error instanceof RequestError && error.kind === 'offline') {
    return msg('Hors ligne : le service des communes est injoignable.', { id: 'report.commune.offline' });
  }
  if (error instanceof RequestError && error.kind !== 'http') {
    return msg('Le service des communes ne répond pas. Réessayez dans un moment.', { id: 'report.commune.noAnswer' });
  }
  return msg('Le service des communes a répondu par une erreur. Réessayez dans un moment.', { id: 'report.commune.serviceError' });
}
