/** The report's words that depend on data: why a layer was not checked, the place, a distance, a typed point's fault. */
import { msg, str } from '@lit/localize';
import type { TypedPointsProblem } from '../../report/place.js';
import { formatArea, formatLambert93, formatLength, formatLonLat, formatRadius, placeFacts } from '../../report/place-facts.js';
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

/**
 * The place as the report names it (heading, CSV, print): a commune with its INSEE code; a point with
 * its radius and its centre in WGS84 and Lambert-93; a drawn area with its area and vertices; a line
 * with its distance and length; a feature with its layer. `projection`: the one the place's geometry
 * is in (the map's view) — without it, the measures are left out.
 */
export function placeText(place: Place, language: string, projection?: string): string {
  const facts = placeFacts(place, projection);
  switch (facts.kind) {
    case 'commune':
      return msg(str`${facts.name} (INSEE ${facts.code})`, { id: 'report.place.commune' });
    case 'feature': {
      const named = msg(str`${facts.label} (couche « ${facts.layer} »)`, { id: 'report.place.ofLayer' });
      return facts.area === undefined ? named : `${named}, ${areaText(facts.area, language)}`;
    }
    case 'area': {
      const vertices = msg(str`${facts.vertices} sommets`, { id: 'report.place.vertices' });
      return [facts.label, facts.area === undefined ? undefined : areaText(facts.area, language), vertices].filter(Boolean).join(', ');
    }
    case 'line': {
      const within = msg(str`${facts.label}, à moins de ${formatRadius(facts.distance, language)} de la ligne`, { id: 'report.place.line' });
      if (facts.length === undefined) return within;
      return `${within} (${msg(str`longueur ${formatLength(facts.length, language)}`, { id: 'report.place.length' })})`;
    }
    case 'circle': {
      const radius = formatRadius(facts.radius, language);
      if (!facts.lonLat) return msg(str`${facts.label}, à moins de ${radius}`, { id: 'report.place.circle' });
      const around = msg(str`${facts.label}, à moins de ${radius} de ${formatLonLat(facts.lonLat, language)} (WGS84)`, { id: 'report.place.around' });
      if (!facts.lambert93) return around;
      const [x, y] = formatLambert93(facts.lambert93, language);
      return `${around} — ${msg(str`Lambert-93 : X ${x} m, Y ${y} m`, { id: 'report.place.lambert93' })}`;
    }
  }
}

const areaText = (squareMetres: number, language: string): string =>
  msg(str`surface ${formatArea(squareMetres, language)}`, { id: 'report.place.area' });

/** When the report was made, as people read it: « 6 décembre 2026 à 10:05 ». */
export const madeText = (made: string, language: string): string =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(made));

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
