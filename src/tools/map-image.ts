import type OlMap from 'ol/Map.js';
import type BaseLayer from 'ol/layer/Base.js';
import type Layer from 'ol/layer/Layer.js';
import { LAYER_ID_KEY } from '../layers/keys.js';

export interface ComposedMap {
  readonly canvas: HTMLCanvasElement;
  /**
   * Layers whose pixels the browser forbids reading (images from another origin without CORS: a
   * « tainted » canvas). With `readable`, they are left out of the image; else they are drawn.
   */
  readonly forbidden: readonly BaseLayer[];
}

/** The document ids of layers (once each; layers of no document left out). */
export function layerIdsOf(layers: readonly BaseLayer[]): string[] {
  return [...new Set(layers.map((layer) => String(layer.get(LAYER_ID_KEY) ?? '')).filter(Boolean))];
}

/** True when the browser refuses to let scripts read this canvas's pixels. */
function isTainted(canvas: HTMLCanvasElement): boolean {
  const context = canvas.getContext('2d', { willReadFrequently: false });
  if (!context) return false; // A WebGL layer: read through its own context, never tainted by CORS-checked images.
  try {
    context.getImageData(0, 0, 1, 1);
    return false;
  } catch {
    return true;
  }
}

/** The layers OpenLayers draws into a canvas (layers may share one). */
function layersDrawnInto(map: OlMap, canvas: HTMLCanvasElement): Layer[] {
  return map.getAllLayers().filter((layer) => {
    const renderer = layer.getRenderer() as { context?: CanvasRenderingContext2D | null } | null;
    return layer.getVisible() && renderer?.context?.canvas === canvas;
  });
}

/** Layers drawn from images a server sends (tiles, WMS images): the ones that can taint a canvas. */
const drawsImages = (layer: Layer): boolean => {
  const source = layer.getSource() as { getTileLoadFunction?: unknown; getImageLoadFunction?: unknown } | null;
  return typeof source?.getTileLoadFunction === 'function' || typeof source?.getImageLoadFunction === 'function';
};

/** In each tainted canvas: the layers drawn from images (they taint it; else every layer) and the others. */
function taintedCanvases(map: OlMap): { culprits: Layer[]; bystanders: Layer[] } {
  const culprits = new Set<Layer>();
  const bystanders = new Set<Layer>();
  for (const canvas of layerCanvases(map)) {
    if (!isTainted(canvas)) continue;
    const layers = layersDrawnInto(map, canvas);
    const images = layers.filter(drawsImages);
    for (const layer of layers) (images.length === 0 || images.includes(layer) ? culprits : bystanders).add(layer);
  }
  return { culprits: [...culprits], bystanders: [...bystanders] };
}

const layerCanvases = (map: OlMap): HTMLCanvasElement[] => [
  ...((map.getViewport() as HTMLElement | undefined)?.querySelectorAll<HTMLCanvasElement>('.ol-layer canvas, canvas.ol-layer') ?? []),
].filter((canvas) => canvas.width > 0 && canvas.height > 0);

const MATRIX = /^matrix\(([^)]*)\)$/;

/**
 * The map as one canvas, as it is drawn now: every layer canvas of the viewport with its opacity and
 * CSS transform, over the map's background colour, `scale` canvas pixels per CSS pixel.
 * `readable`: leave out the layers whose pixels cannot be read, so that the result can be exported
 * (they are hidden for one synchronous frame, as layers may share a canvas with others).
 */
export function composeMap(map: OlMap, { scale = globalThis.devicePixelRatio || 1, readable = false } = {}): ComposedMap {
  const first = taintedCanvases(map);
  if (!readable || first.culprits.length === 0) return { canvas: drawCanvases(map, scale), forbidden: first.culprits };
  const hidden = new Set<Layer>();
  try {
    // A tainted canvas stays tainted: the layers that shared it get a new one (a fresh renderer),
    // the culprits are hidden for one synchronous frame. Repeat while a canvas is still tainted.
    for (let round = 0, found = first; found.culprits.length && round < 5; round++, found = taintedCanvases(map)) {
      for (const layer of found.culprits) {
        layer.setVisible(false);
        hidden.add(layer);
      }
      found.bystanders.forEach((layer) => layer.clearRenderer());
      map.renderSync();
    }
    return { canvas: drawCanvases(map, scale, { skipTainted: true }), forbidden: [...hidden] };
  } finally {
    hidden.forEach((layer) => layer.setVisible(true));
    map.render();
  }
}

function drawCanvases(map: OlMap, scale: number, { skipTainted = false } = {}): HTMLCanvasElement {
  const [width, height] = map.getSize() ?? [0, 0];
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * scale);
  canvas.height = Math.round(height * scale);
  const context = canvas.getContext('2d')!;
  const target = map.getTargetElement();
  const background = target ? getComputedStyle(target).backgroundColor : '';
  if (background && background !== 'rgba(0, 0, 0, 0)') {
    context.fillStyle = background;
    context.fillRect(0, 0, canvas.width, canvas.height);
  }
  for (const layerCanvas of layerCanvases(map)) {
    if (skipTainted && isTainted(layerCanvas)) continue;
    const holder = layerCanvas.parentElement;
    const opacity = holder?.style.opacity || layerCanvas.style.opacity;
    context.globalAlpha = opacity === '' || opacity === undefined ? 1 : Number(opacity);
    const matrix = MATRIX.exec(layerCanvas.style.transform)?.[1]?.split(',').map(Number) ?? [
      parseFloat(layerCanvas.style.width) / layerCanvas.width || 1, 0, 0,
      parseFloat(layerCanvas.style.height) / layerCanvas.height || 1, 0, 0,
    ];
    const [a, b, c, d, e, f] = (matrix as number[]).map((n) => n * scale) as [number, number, number, number, number, number];
    context.setTransform(a, b, c, d, e, f);
    const fill = holder?.style.backgroundColor;
    if (fill) {
      context.fillStyle = fill;
      context.fillRect(0, 0, layerCanvas.width, layerCanvas.height);
    }
    context.drawImage(layerCanvas, 0, 0);
  }
  context.globalAlpha = 1;
  context.setTransform(1, 0, 0, 1, 0, 0);
  return canvas;
}

/** Writes the sources in the image's bottom-right corner (their licences ask for it). */
export function stampAttributions(canvas: HTMLCanvasElement, text: string, scale = 1): void {
  if (!text) return;
  const context = canvas.getContext('2d')!;
  const size = Math.round(12 * scale);
  const pad = Math.round(4 * scale);
  context.font = `${size}px system-ui, sans-serif`;
  const maxWidth = canvas.width - 2 * pad;
  const width = Math.min(context.measureText(text).width, maxWidth - pad);
  context.fillStyle = 'rgba(255, 255, 255, 0.85)';
  context.fillRect(canvas.width - width - 2 * pad, canvas.height - size - 2 * pad, width + 2 * pad, size + 2 * pad);
  context.fillStyle = '#1e1e1e';
  context.textBaseline = 'bottom';
  context.textAlign = 'right';
  context.fillText(text, canvas.width - pad, canvas.height - pad, maxWidth - pad);
}

/** The canvas as a PNG file. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded'))), 'image/png'),
  );
}

/** Offers a file to download. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
