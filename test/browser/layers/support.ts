import { createRequester, type Requester } from '../../../src/net/requester.js';
import type { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { colourAt, pixelOf, showMap } from '../support/map.js';
import { validContext } from '../support/mount.js';
import { problemTextsLoaded } from '../../../src/ui/problem-text.js';

export { validContext };

export { colourAt, pixelOf, showMap };

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
