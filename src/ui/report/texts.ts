/** The report's words that depend on data: why a layer was not checked, the place, a distance, a typed point's fault. */
import { msg, str } from '@lit/localize';
import type { TypedPointsProblem } from '../../report/place.js';
import type { Place, UncheckedReason } from '../../report/types.js';

const numberFormat = (language: string, digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: digits });

/** Why a layer could not be checked, in words. */
export function reasonText(reason: UncheckedReason, detail?: string): string {
  switch (reason) {
    case 'image':
      return msg('couche image, non interrogeable', { id: 'report.reason.image' });
    case 'wms-area':
      return msg('couche WMS sans service WFS : elle ne peut être interrogée qu’en un point (choisissez « Point et rayon »)', {
        id: 'report.reason.wmsArea',
      });
    case 'not-queryable':
      return msg('le document indique que cette couche ne s’interroge pas', { id: 'report.reason.notQueryable' });
    case 'service':
      return msg(str`le service n’a pas répondu (${detail ?? ''})`, { id: 'report.reason.service' });
    default:
      return msg(str`ses données n’ont pas pu être lues (${detail ?? ''})`, { id: 'report.reason.notLoaded' });
  }
}

/** The place as the report's heading reads it (with its distance). */
export function placeText(place: Place, language: string): string {
  const km = (metres: number): string => numberFormat(language, 2).format(metres / 1000);
  if (place.kind === 'circle') return msg(str`${place.label}, à moins de ${km(place.distance)} km`, { id: 'report.place.circle' });
  if (place.kind === 'line') return msg(str`${place.label}, à moins de ${km(place.distance)} km de la ligne`, { id: 'report.place.line' });
  return place.label;
}

/** A distance in metres, or kilometres from 1 km. */
export function distanceText(metres: number, language: string): string {
  const format = (n: number, digits: number): string => numberFormat(language, digits).format(n);
  return metres < 1000 ? `${format(Math.round(metres), 0)} m` : `${format(metres / 1000, 2)} km`;
}

/** What is wrong with a typed point. */
export function typedProblemText(error: TypedPointsProblem): string {
  const at = String(error.at ?? '');
  switch (error.code) {
    case 'empty':
      return msg('Tapez au moins un point.', { id: 'report.typed.empty' });
    case 'pair':
      return msg(str`Point ${at} : il faut deux nombres, longitude puis latitude (ou x puis y).`, { id: 'report.typed.pair' });
    case 'number':
      return msg(str`Point ${at} : ce n'est pas un nombre.`, { id: 'report.typed.number' });
    case 'mixed':
      return msg(str`Point ${at} : tous les points doivent être dans le même système (degrés ou Lambert-93).`, { id: 'report.typed.mixed' });
    default:
      return msg(str`Point ${at} : hors de la France métropolitaine en Lambert-93.`, { id: 'report.typed.range' });
  }
}
