/**
 * Helpers for the OGC layer tests: a stand-in map server that draws a known area in the image or tile
 * it is asked for (so a test can tell whether the layer shows it at the right place), a requester
 * that answers from memory, a bare OpenLayers map, and the shared fixture files.
 */
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import type BaseLayer from 'ol/layer/Base.js';
import type Layer from 'ol/layer/Layer.js';
import { fromLonLat, get as getProjection, transformExtent } from 'ol/proj.js';
import type { Extent } from 'ol/extent.js';
import { createRequester, type Requester } from '../../../src/net/requester.js';
import type { LayerEnvironment, LayerStatusReport } from '../../../src/layers/types.js';
import { ensureProjections } from '../../../src/proj/register.js';
import { waitUntil } from '../../support/wait-until.js';
import { rendered } from '../support/map.js';

export const LYON = [4.8357, 45.764] as const;
export const PARIS = [2.3522, 48.8566] as const;
/** The area the stand-in server paints red: about 0.3° around Lyon. */
export const RED_AREA_LONLAT: Extent = [LYON[0] - 0.3, LYON[1] - 0.2, LYON[0] + 0.3, LYON[1] + 0.2];

/** A PNG of `width` × `height` drawn by `paint`. */
export async function png(width: number, height: number, paint: (ctx: OffscreenCanvasRenderingContext2D) => void): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  paint(canvas.getContext('2d')!);
  return canvas.convertToBlob({ type: 'image/png' });
}

/** Paints the red area into an image covering `extent` (in `crs`), `width` × `height` pixels. */
export function paintRedArea(extent: Extent, crs: string, width: number, height: number) {
  const area = transformExtent(RED_AREA_LONLAT, 'EPSG:4326', crs);
  return (ctx: OffscreenCanvasRenderingContext2D): void => {
    const sx = width / (extent[2] - extent[0]);
    const sy = height / (extent[3] - extent[1]);
    const x0 = (area[0] - extent[0]) * sx;
    const x1 = (area[2] - extent[0]) * sx;
    const y0 = (extent[3] - area[3]) * sy;
    const y1 = (extent[3] - area[1]) * sy;
    ctx.fillStyle = '#ff0000';
    ctx.fillRect(x0, y0, x1 - x0, y1 - y0);
  };
}

export const params = (url: string): Record<string, string> => {
  const out: Record<string, string> = {};
  new URL(url, location.href).searchParams.forEach((v, k) => (out[k.toUpperCase()] = v));
  return out;
};

/** A WMS GetMap answer that paints the red area where it lies in the requested box (1.3.0 and 1.1.1; E/N CRSs). */
export async function wmsGetMap(url: string): Promise<Response> {
  const p = params(url);
  const crs = p.CRS ?? p.SRS!;
  const bbox = p.BBOX!.split(',').map(Number) as Extent;
  const width = Number(p.WIDTH);
  const height = Number(p.HEIGHT);
  const body = await png(width, height, paintRedArea(bbox, crs, width, height));
  return new Response(body, { headers: { 'content-type': 'image/png' } });
}

export type Handler = (url: string, init?: RequestInit) => Promise<Response> | Response;

export interface MemoryRequester {
  readonly requester: Requester;
  /** Every URL asked for, in order. */
  readonly urls: string[];
  /** Replaces the answer (e.g. to fail, then to recover). */
  handle(handler: Handler): void;
}

/** A requester whose fetch answers from `handler` (nothing leaves the browser). */
export function memoryRequester(handler: Handler, options: { timeout?: number } = {}): MemoryRequester {
  let current = handler;
  const urls: string[] = [];
  const requester = createRequester({
    timeout: options.timeout,
    fetch: async (input, init) => {
      const url = String(input);
      // The requester's CORS probe after a failed fetch (src/net/requester.ts) is not a request of the layer's.
      if (init?.mode !== 'no-cors') urls.push(url);
      return current(url, init);
    },
  });
  return { requester, urls, handle: (h) => (current = h) };
}

/** Answers that never come (until the request is given up). */
export const never: Handler = (_url, init) =>
  new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));

export interface TestEnvironment {
  readonly env: LayerEnvironment;
  readonly reports: LayerStatusReport[];
  last(): LayerStatusReport | undefined;
}

export function environment(requester: Requester, projection: string): TestEnvironment {
  const reports: LayerStatusReport[] = [];
  const env: LayerEnvironment = {
    requester,
    viewProjection: getProjection(projection)!,
    resolveUrl: (url) => url,
    report: (report) => reports.push(report),
    attributions: [],
  };
  return { env, reports, last: () => reports.at(-1) };
}

const targets: HTMLElement[] = [];

/** A 400 × 300 map centred on Lyon, in Web Mercator (zoom 8) or Lambert-93 (same resolution band). */
export async function bareMap(projection: 'EPSG:3857' | 'EPSG:2154', layer: BaseLayer, resolution = 600): Promise<OlMap> {
  await ensureProjections([projection]);
  const target = document.createElement('div');
  target.style.cssText = 'width:400px;height:300px';
  document.body.append(target);
  targets.push(target);
  const center = projection === 'EPSG:3857' ? fromLonLat([...LYON]) : fromLonLat([...LYON], 'EPSG:2154');
  return new OlMap({ target, layers: [layer], controls: [], view: new View({ projection, center, resolution }) });
}

export function removeMaps(): void {
  for (const target of targets.splice(0)) target.remove();
}

/** The RGBA one layer draws at the pixel of a lon/lat point (after the map's next complete render). */
export function layerColourAt(map: OlMap, layer: Layer, lonLat: readonly number[]): number[] {
  const projection = map.getView().getProjection();
  const pixel = map.getPixelFromCoordinate(fromLonLat([...lonLat], projection));
  const data = layer.getData(pixel) as Uint8ClampedArray | null;
  return data ? [...data] : [0, 0, 0, 0];
}

export const isRed = ([r, g, b, a]: number[]): boolean => r! > 200 && g! < 60 && b! < 60 && a! > 200;
export const isEmpty = (rgba: number[]): boolean => rgba[3] === 0;

export { rendered };

/** Waits for a condition (e.g. a status report) that sends no event (test/support/wait-until.ts). */
export async function until(check: () => boolean, what: string, timeout = 30000): Promise<void> {
  await waitUntil(check, { what, timeoutMs: timeout });
}

/** Reads a shared fixture (../shared/data, outside the repository); undefined when it is absent. */
export async function sharedText(relative: string): Promise<string | undefined> {
  const response = await fetch(`/__wds-outside-root__/1/shared/data/${relative}`).catch(() => undefined);
  return response?.ok ? response.text() : undefined;
}

export const SKIP_NO_SHARED = '../shared/data is absent: tests on the shared capabilities fixtures are skipped';

export const xml = (text: string, status = 200, type = 'text/xml'): Response =>
  new Response(text, { status, headers: { 'content-type': type } });
