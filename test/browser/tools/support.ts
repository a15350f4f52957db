import { fromLonLat } from 'ol/proj.js';
import type OlMap from 'ol/Map.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { mount, nextEvent, validContext, waitFor } from '../support/mount.js';

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

export async function showMap(context = sitesContext()): Promise<CartableMapView> {
  const view = mount(new CartableMapView(), 'display:block;width:900px;height:640px');
  const rendered = nextEvent(view, 'cartable-map-rendered');
  view.context = context;
  await rendered;
  return view;
}

/** The pixel of a lon/lat on the map. */
export const pixelOf = (map: OlMap, lonLat: number[]): number[] =>
  map.getPixelFromCoordinate(fromLonLat(lonLat, map.getView().getProjection()));

/** Clicks the map at a pixel the way a person would (pointer events on the viewport). */
export async function clickPixel(map: OlMap, [x, y]: number[]): Promise<void> {
  const viewport = map.getViewport()!;
  const rect = viewport.getBoundingClientRect();
  const init = { bubbles: true, composed: true, clientX: rect.left + x!, clientY: rect.top + y!, pointerId: 1, pointerType: 'mouse', isPrimary: true, button: 0 };
  viewport.dispatchEvent(new PointerEvent('pointermove', init));
  viewport.dispatchEvent(new PointerEvent('pointerdown', init));
  viewport.dispatchEvent(new PointerEvent('pointerup', init));
  viewport.dispatchEvent(new MouseEvent('click', init));
  // Slower than a double click, and past the single-click delay.
  await new Promise((r) => setTimeout(r, 320));
}

export const popupOf = (view: CartableMapView) => view.shadowRoot!.querySelector('cartable-popup');

/** The toolbar, once its code has loaded after the first render. */
export async function toolsOf(view: CartableMapView) {
  await waitFor(() => !!view.shadowRoot!.querySelector('cartable-tools')?.shadowRoot?.querySelector('.bar'));
  return view.shadowRoot!.querySelector('cartable-tools')!;
}

const R = 6371008.8;
const rad = (d: number): number => (d * Math.PI) / 180;
/** Great-circle distance (haversine), computed independently of OpenLayers. */
export function haversine([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const a = Math.sin(rad(lat2! - lat1!) / 2) ** 2 + Math.cos(rad(lat1!)) * Math.cos(rad(lat2!)) * Math.sin(rad(lon2! - lon1!) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(a));
}

/** « 12,3 km » → 12300. */
export function readLength(text: string): number {
  const match = /([\d\s\u202f\u00a0]+(?:,\d+)?)\s*(km|m)(?![a-z²])/.exec(text);
  if (!match) throw new Error(`no length in « ${text} »`);
  return Number(match[1]!.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.')) * (match[2] === 'km' ? 1000 : 1);
}
