import type { MapAdapter } from './adapter.js';
import { composeMap, layerIdsOf } from '../tools/map-image.js';
import { renderForPrint, type PrintedMap } from '../tools/print-render.js';

export type { PrintedMap };

/** The map as shown, in one canvas, for a PNG file. */
export interface ScreenImage {
  readonly canvas: HTMLCanvasElement;
  /** Ids of the layers left out: their server forbids reusing its images (no CORS). */
  readonly refused: readonly string[];
}

/** Renders the view of now at the paper's pixel size (the print tool asks the adapter, not OpenLayers). */
export function printImage(adapter: MapAdapter, size: readonly [number, number]): Promise<PrintedMap> {
  return renderForPrint(adapter.map, size);
}

/** The map on screen as one readable canvas (layers that would taint it are left out and named). */
export function screenImage(adapter: MapAdapter, { scale }: { scale: number }): ScreenImage {
  const { canvas, forbidden } = composeMap(adapter.map, { scale, readable: true });
  return { canvas, refused: layerIdsOf(forbidden) };
}
