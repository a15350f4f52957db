import type { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { haversine } from '../../support/geodesy.js';
import { clickPixel, pixelOf, showMap } from '../support/map.js';
import { validContext, waitFor } from '../support/mount.js';

export const MEIJE = [6.3038, 45.0204];
export const BARRE = [6.3614, 44.9223];

/** A map of two sites (with records on click), in Web Mercator unless another projection is given. */
export function sitesContext(view: Record<string, unknown> = {}, extraLayers: unknown[] = []) {
  return validContext({
    version: 1,
    id: 'sites',
    title: 'Sites',
    attributions: ['Essai'],
    view: JSON.parse(JSON.stringify({ center: [6.33, 44.97], zoom: 10, ...view })),
    layers: [
      ...extraLayers,
      {
        type: 'geojson',
        id: 'sites',
        title: 'Sites',
        idField: 'code',
        fields: [{ name: 'code' }, { name: 'nom' }],
        popup: { title: '{{nom}}' },
        data: {
          type: 'FeatureCollection',
          features: [
            { type: 'Feature', geometry: { type: 'Point', coordinates: MEIJE }, properties: { code: 'PAC0058', nom: 'La Meije' } },
            { type: 'Feature', geometry: { type: 'Point', coordinates: BARRE }, properties: { code: 'PAC0001', nom: 'Barre des Écrins' } },
          ],
        },
        style: { symbol: { marker: { shape: 'circle', radius: 7, fill: { color: '#a0522d' } } } },
      },
    ],
  });
}

/** The sites map (900 × 640), once drawn. */
export async function showSites(context = sitesContext()): Promise<CartableMapView> {
  return (await showMap(context, undefined, { width: 900, height: 640 })).view;
}

export { clickPixel, pixelOf };

export const popupOf = (view: CartableMapView) => view.shadowRoot!.querySelector('cartable-popup');

/** The toolbar, once its code has loaded after the first render. */
export async function toolsOf(view: CartableMapView) {
  await waitFor(() => !!view.shadowRoot!.querySelector('cartable-tools')?.shadowRoot?.querySelector('.bar'));
  return view.shadowRoot!.querySelector('cartable-tools')!;
}

export { haversine };

/** « 12,3 km » → 12300. */
export function readLength(text: string): number {
  const match = /([\d\s\u202f\u00a0]+(?:,\d+)?)\s*(km|m)(?![a-z²])/.exec(text);
  if (!match) throw new Error(`no length in « ${text} »`);
  return Number(match[1]!.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.')) * (match[2] === 'km' ? 1000 : 1);
}
