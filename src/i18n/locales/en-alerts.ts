/** English texts of what the map says when services fail: alerts on the map, grouped causes (see en.ts). */
import { str } from '@lit/localize';

export const alerts: Record<string, unknown> = {
  'alerts.basemap': str`Basemap “${0}” unavailable`,
  'alerts.basemapName': str`basemap “${0}”`,
  'alerts.basemapAt': str`Basemap “${0}” unavailable on ${1}`,
  'alerts.hide': 'Hide this message',
  'alerts.layer': str`Layer “${0}” unavailable`,
  'alerts.layerAt': str`Layer “${0}” unavailable on ${1}`,
  'alerts.namesCause': ': ',
  'alerts.otherOne': '1 other service unavailable',
  'alerts.others': str`${0} other services unavailable`,
  'alerts.retryAll': 'Retry all',
  'alerts.service': str`${0} layers unavailable on ${1}`,
  'alerts.services': str`${0} services unavailable`,
  'legend.image.failed': 'Legend unavailable',
  'problems.line': str`${0} — ${1}`,
};
