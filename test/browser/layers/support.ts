import type OlMap from 'ol/Map.js';
import type { MapContext } from '../../../src/context/types.js';
import { createRequester, type Requester } from '../../../src/net/requester.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { mount, nextEvent, validContext } from '../support/mount.js';
import { problemTextsLoaded } from '../../../src/ui/problem-text.js';

export { validContext };

/** True when the test server can serve ../shared/data (test/support/wtr-data.mjs). */
export async function sharedDataAvailable(): Promise<boolean> {
  return (await fetch('/__data__/available')).ok;
}

export const SKIP_NO_SHARED_DATA = '../shared/data is absent: tests on the real shared files are skipped';

export interface LoggedRequest {
  readonly url: string;
  readonly range?: string;
  readonly status?: number;
  readonly bytes?: number;
}

/** A requester over the real fetch that logs every request it sends (and what came back). */
export function loggingRequester(): { requester: Requester; log: LoggedRequest[] } {
  const log: LoggedRequest[] = [];
  const requester = createRequester({
    fetch: async (input, init) => {
      const url = String(input);
      const range = (init?.headers as Record<string, string> | undefined)?.Range;
      const response = await fetch(input, init);
      const length = Number(response.headers.get('Content-Length') ?? NaN);
      log.push({ url, range, status: response.status, bytes: Number.isNaN(length) ? undefined : length });
      return response;
    },
  });
  return { requester, log };
}

/** Mounts a map view on a document and waits for its first complete render. */
export async function showMap(context: MapContext, requester?: Requester, size = { width: 800, height: 600 }): Promise<{ view: CartableMapView; map: OlMap }> {
  const view = mount(new CartableMapView(), `display:block;width:${size.width}px;height:${size.height}px`);
  const rendered = nextEvent(view, 'cartable-map-rendered', 30000);
  view.requester = requester;
  view.context = context;
  await rendered;
  return { view, map: view.adapter!.map };
}

/** The RGBA of the topmost layer canvas that draws something at a CSS pixel ([0,0,0,0]: nothing). */
export function colourAt(map: OlMap, [x, y]: number[]): number[] {
  const canvases = [...map.getViewport()!.querySelectorAll('canvas')].reverse();
  for (const canvas of canvases) {
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) continue;
    const rect = canvas.getBoundingClientRect();
    if (rect.width === 0) continue;
    const ratio = canvas.width / rect.width;
    const data = [...context.getImageData(Math.round(x! * ratio), Math.round(y! * ratio), 1, 1).data];
    if (data[3]! > 0) return data;
  }
  return [0, 0, 0, 0];
}

/** The text of a layer's row in the layer list. */
export async function layerRowText(view: CartableMapView, id: string): Promise<string> {
  const tree = view.shadowRoot!.querySelector('cartable-layer-tree')!;
  await tree.updateComplete;
  // A problem's words load with the first problem shown (src/ui/problem-text.ts): wait for them, then the row.
  await problemTextsLoaded();
  await tree.updateComplete;
  return tree.shadowRoot!.querySelector(`li[data-layer="${id}"]`)?.textContent ?? '';
}

export const style = (color: string, radius = 6) => ({ symbol: { fill: { color }, stroke: { color: '#000000', width: 1 }, marker: { shape: 'circle', radius, fill: { color } } } });

/** A Web-Mercator view and a Lambert-93 view on the same place (lon/lat centre). */
export function views(center: [number, number], { zoom = 8, scale = 1_000_000 } = {}) {
  return {
    mercator: { center, zoom },
    lambert93: { projection: 'EPSG:2154', crs: 'EPSG:4326', center, scale },
  };
}
