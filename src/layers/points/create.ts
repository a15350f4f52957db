/**
 * The `points` kind: a large point set in the compact form the build prepares (compact.ts, prepare.ts),
 * drawn straight onto one canvas per frame with the document's circle markers, identified through a
 * grid index (a click finds the nearest point) and found by id (deep links, search, tables).
 */
import Feature from 'ol/Feature.js';
import type { Extent } from 'ol/extent.js';
import Point from 'ol/geom/Point.js';
import ImageLayer from 'ol/layer/Image.js';
import { get as getProjection, getTransform } from 'ol/proj.js';
import ImageCanvasSource from 'ol/source/ImageCanvas.js';
import type { PointsLayerDef } from '../../context/types.js';
import type { IdentifiedItem } from '../../identify/types.js';
import type { LayerProblem } from '../status.js';
import { isInScaleRange, resolutionToScale } from '../../styles/scale.js';
import { createLoadPolicy } from '../load-policy.js';
import { featureIdOf } from '../feature-id.js';
import { LayerNotLoadedError, watchStatus } from '../features-in.js';
import { problemOf as layerProblemOf } from '../problems.js';
import type { LayerEnvironment, LayerKind } from '../types.js';
import { CompactPointsError, lowerBound, readCompactPoints } from './compact.js';
import { NO_SYMBOL, compileStyle, coreForScale, type CompiledCore, type MarkerSymbol } from './compact-style.js';
import { buildPointGrid, nearestPoint, type PointGrid } from './grid.js';
import { PreparePointsError, attributeFieldsOf, isCompactAttributes, prepareCompactPoints } from './prepare.js';

/** The points of a layer once loaded, in the view's projection, sorted by x; every array in that order. */
export interface LoadedPoints {
  readonly count: number;
  readonly skipped: number;
  readonly xy: Float64Array;
  readonly columns: Readonly<Record<string, readonly unknown[]>>;
  readonly cores: readonly CompiledCore[];
  readonly grid: PointGrid;
}

class AttributesError extends Error {}

/** The failures of prepared points in words the layer list can show; the others as any layer's. */
function problemOf(error: unknown): LayerProblem {
  if (error instanceof CompactPointsError) return error.reason === 'truncated' ? { code: 'truncated' } : { code: 'invalid-data', detail: 'Cartable points' };
  if (error instanceof AttributesError || error instanceof PreparePointsError) return { code: 'invalid-data', detail: 'Cartable points' };
  return layerProblemOf(error);
}

/** Sorts points by x after a reprojection, and their attributes with them. */
function sortByX(xy: Float64Array, columns: Record<string, readonly unknown[]>, count: number): { xy: Float64Array; columns: Record<string, readonly unknown[]> } {
  const order = Uint32Array.from({ length: count }, (_, i) => i).sort((a, b) => xy[2 * a]! - xy[2 * b]! || a - b);
  const sorted = new Float64Array(count * 2);
  order.forEach((from, to) => {
    sorted[2 * to] = xy[2 * from]!;
    sorted[2 * to + 1] = xy[2 * from + 1]!;
  });
  const reordered = Object.fromEntries(Object.entries(columns).map(([name, column]) => [name, Array.from(order, (from) => column[from])]));
  return { xy: sorted, columns: reordered };
}

/** Loads the prepared files (or, for a document that skipped the build, converts its GeoJSON file here). */
export async function loadPoints(def: PointsLayerDef, env: Pick<LayerEnvironment, 'requester' | 'resolveUrl' | 'viewProjection'>): Promise<LoadedPoints> {
  let buffer: ArrayBuffer;
  let attributes: unknown;
  if (def.prepared) {
    const [points, json] = await Promise.all([
      env.requester.fetch(env.resolveUrl(def.prepared.points)).then((r) => r.arrayBuffer()),
      env.requester.fetch(env.resolveUrl(def.prepared.attributes)).then(async (r) => JSON.parse(await r.text()) as unknown),
    ]);
    buffer = points;
    attributes = json;
  } else {
    const response = await env.requester.fetch(env.resolveUrl(def.file!));
    const prepared = prepareCompactPoints(JSON.parse(await response.text()) as unknown, attributeFieldsOf(def));
    buffer = prepared.points.buffer as ArrayBuffer;
    attributes = prepared.attributes;
  }
  const points = readCompactPoints(buffer);
  if (!isCompactAttributes(attributes, points.count)) throw new AttributesError(`the attributes do not match the ${points.count} points`);
  let xy: Float64Array = Float64Array.from(points.xy);
  let columns: Record<string, readonly unknown[]> = attributes.columns;
  const mercator = getProjection('EPSG:3857')!;
  if (env.viewProjection.getCode() !== mercator.getCode()) {
    // Another view (e.g. Lambert-93): the points are reprojected once, and sorted by x again.
    const transform = getTransform(mercator, env.viewProjection);
    if (!transform) throw new Error(`Unknown projection: ${env.viewProjection.getCode()}`);
    const flat = Array.from(xy);
    transform(flat, flat, 2);
    ({ xy, columns } = sortByX(Float64Array.from(flat), columns, points.count));
  }
  return {
    count: points.count,
    skipped: attributes.skipped,
    xy,
    columns,
    cores: compileStyle(def.style, columns, points.count),
    grid: buildPointGrid(xy, points.count),
  };
}

interface Sprite {
  readonly image: HTMLCanvasElement;
  /** Device pixels from the sprite's corner to the point. */
  readonly half: number;
}

/** A marker drawn once, then stamped onto the frame for each point. */
function spriteOf(symbol: MarkerSymbol, pixelRatio: number): Sprite {
  const strokeWidth = symbol.stroke ? symbol.stroke.width : 0;
  const size = Math.ceil((symbol.radius * 2 + strokeWidth) * pixelRatio) + 2;
  const image = document.createElement('canvas');
  image.width = image.height = size;
  const context = image.getContext('2d')!;
  context.beginPath();
  context.arc(size / 2, size / 2, symbol.radius * pixelRatio, 0, 2 * Math.PI);
  if (symbol.fill) {
    context.fillStyle = symbol.fill;
    context.fill();
  }
  if (symbol.stroke && strokeWidth > 0) {
    context.strokeStyle = symbol.stroke.color;
    context.lineWidth = strokeWidth * pixelRatio;
    context.stroke();
  }
  return { image, half: size / 2 };
}

export interface Frame {
  readonly extent: Extent;
  readonly resolution: number;
  readonly pixelRatio: number;
  readonly width: number;
  readonly height: number;
  /** OGC scale denominator of the frame. */
  readonly scale: number;
}

/** Most labels drawn in one frame, and most points looked at for them. */
const MAX_LABELS = 1500;
const MAX_LABEL_CANDIDATES = 20000;

/**
 * Draws the points of a frame: the markers of the style in force (one per occupied pixel: points
 * that fall on a pixel already drawn are skipped), then its labels, placed greedily without overlap.
 * Returns the number of markers drawn.
 */
export function drawPoints(context: CanvasRenderingContext2D, data: LoadedPoints, frame: Frame, sprites: (core: CompiledCore) => Sprite[]): number {
  const { extent, resolution, pixelRatio, width, height, scale } = frame;
  const core = coreForScale(data.cores, scale);
  const stamps = sprites(core);
  const [minX, minY, maxX, maxY] = extent as [number, number, number, number];
  const margin = (core.maxExtent + 1) * resolution;
  const factor = pixelRatio / resolution;
  const { xy, count } = data;
  const occupied = new Uint8Array(Math.ceil((width * height) / 8));
  const label = core.label && isInScaleRange(scale, core.label) ? core.label : undefined;
  const candidates: number[] = [];
  let drawn = 0;
  const end = lowerBound(xy, count, maxX + margin);
  for (let i = lowerBound(xy, count, minX - margin); i < end; i++) {
    const symbol = core.symbolOf[i]!;
    if (symbol === NO_SYMBOL) continue;
    const y = xy[2 * i + 1]!;
    if (y < minY - margin || y > maxY + margin) continue;
    const px = Math.round((xy[2 * i]! - minX) * factor);
    const py = Math.round((maxY - y) * factor);
    if (px >= 0 && py >= 0 && px < width && py < height) {
      const bit = py * width + px;
      if (occupied[bit >> 3]! & (1 << (bit & 7))) continue;
      occupied[bit >> 3]! |= 1 << (bit & 7);
    }
    const stamp = stamps[symbol]!;
    context.drawImage(stamp.image, Math.round(px - stamp.half), Math.round(py - stamp.half));
    drawn += 1;
    if (label && candidates.length < MAX_LABEL_CANDIDATES * 3) candidates.push(i, px, py);
  }
  if (label && candidates.length) {
    const column = data.columns[label.field] ?? [];
    const size = label.size * pixelRatio;
    context.font = `600 ${size}px system-ui, sans-serif`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.lineJoin = 'round';
    context.lineWidth = 3 * pixelRatio;
    context.strokeStyle = label.haloColor;
    context.fillStyle = label.color;
    const offset = Math.round(label.size * 1.1) * pixelRatio;
    const placed: number[] = [];
    for (let k = 0; k < candidates.length && placed.length < MAX_LABELS * 4; k += 3) {
      const value = column[candidates[k]!];
      if (value === null || value === undefined || value === '') continue;
      const text = String(value);
      const w = context.measureText(text).width + 4 * pixelRatio;
      const x0 = candidates[k + 1]! - w / 2;
      const y0 = candidates[k + 2]! - offset - size / 2 - 2 * pixelRatio;
      const h = size + 4 * pixelRatio;
      let free = true;
      for (let p = 0; p < placed.length && free; p += 4) {
        free = x0 >= placed[p + 2]! || x0 + w <= placed[p]! || y0 >= placed[p + 3]! || y0 + h <= placed[p + 1]!;
      }
      if (!free) continue;
      placed.push(x0, y0, x0 + w, y0 + h);
      context.strokeText(text, candidates[k + 1]!, candidates[k + 2]! - offset);
      context.fillText(text, candidates[k + 1]!, candidates[k + 2]! - offset);
    }
  }
  return drawn;
}

/** The record of the point at index i: its attributes, its id and its geometry. */
function itemOf(data: LoadedPoints, i: number, idField: string | undefined): IdentifiedItem {
  const properties: Record<string, unknown> = {};
  for (const [name, column] of Object.entries(data.columns)) properties[name] = column[i];
  return {
    id: featureIdOf(properties, idField),
    properties,
    geometry: new Point([data.xy[2 * i]!, data.xy[2 * i + 1]!]),
  };
}

/** The points inside an extent as features (sorted by x: only the slice between its sides is looked at). */
function pointsIn(data: LoadedPoints, extent: Extent, idField: string | undefined): Feature[] {
  const [minX, minY, maxX, maxY] = extent as [number, number, number, number];
  const features: Feature[] = [];
  for (let i = lowerBound(data.xy, data.count, minX); i < data.count && data.xy[2 * i]! <= maxX; i++) {
    const y = data.xy[2 * i + 1]!;
    if (y < minY || y > maxY) continue;
    features.push(featureOf(data, i, idField));
  }
  return features;
}

/** The point at index i as a feature, with its id. */
function featureOf(data: LoadedPoints, i: number, idField: string | undefined): Feature {
  const item = itemOf(data, i, idField);
  const feature = new Feature({ ...item.properties, geometry: item.geometry });
  if (item.id !== undefined) feature.setId(item.id);
  return feature;
}

export const pointsKind: LayerKind<PointsLayerDef> = {
  type: 'points',
  projections: () => [],
  readsByExtent: () => false,
  create(def, outer) {
    const status = watchStatus(outer);
    const env = status.env;
    const metersPerUnit = env.viewProjection.getMetersPerUnit() ?? 1;
    let data: LoadedPoints | undefined;
    let state: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
    let generation = 0;
    let ids: Map<unknown, number> | undefined;
    const spriteCache = new Map<CompiledCore, { ratio: number; sprites: Sprite[] }>();
    const spritesOf = (pixelRatio: number) => (core: CompiledCore): Sprite[] => {
      let cached = spriteCache.get(core);
      if (!cached || cached.ratio !== pixelRatio) {
        cached = { ratio: pixelRatio, sprites: core.symbols.map((s) => spriteOf(s, pixelRatio)) };
        spriteCache.set(core, cached);
      }
      return cached.sprites;
    };

    const policy = createLoadPolicy(env.loadPolicy);
    const load = async (): Promise<void> => {
      const current = ++generation;
      state = 'loading';
      env.report({ status: 'loading' });
      try {
        const loaded = await policy.run(() => loadPoints(def, env));
        if (current !== generation) return;
        data = loaded;
        ids = undefined;
        state = 'ready';
        env.report({
          status: 'ready',
          featureCount: loaded.count,
          skipped: loaded.skipped,
          problem: loaded.skipped ? { code: 'skipped', detail: String(loaded.skipped) } : undefined,
        });
      } catch (error) {
        if (current !== generation) return;
        state = 'error';
        env.report({ status: 'error', problem: problemOf(error) });
      }
      source.changed();
    };

    const source = new ImageCanvasSource({
      ratio: 1,
      attributions: env.attributions.length ? [...env.attributions] : undefined,
      canvasFunction: (extent, resolution, pixelRatio, size) => {
        // A new canvas each time: the previous image may still be on screen during a transition.
        const canvas = document.createElement('canvas');
        canvas.width = size[0]!;
        canvas.height = size[1]!;
        if (state === 'idle') void load(); // Loaded when first drawn (visible and in its scale range).
        if (data) {
          const frame = { extent, resolution, pixelRatio, width: size[0]!, height: size[1]!, scale: resolutionToScale(resolution, metersPerUnit) };
          drawPoints(canvas.getContext('2d')!, data, frame, spritesOf(pixelRatio));
        }
        return canvas;
      },
    });
    const layer = new ImageLayer({ source });

    return {
      layer,
      retry: () => {
        if (state === 'loading') return;
        policy.reset();
        data = undefined;
        state = 'idle';
        source.changed();
      },
      dispose: () => {
        generation += 1;
        policy.dispose();
        spriteCache.clear();
      },
      hit: ({ map, pixel, tolerance }) => {
        const resolution = map.getView().getResolution();
        const coordinate = map.getCoordinateFromPixel(pixel);
        if (!data || resolution === undefined || !coordinate) return [];
        const core = coreForScale(data.cores, resolutionToScale(resolution, metersPerUnit));
        const found = nearestPoint(data.grid, data.xy, {
          x: coordinate[0]!,
          y: coordinate[1]!,
          radius: (tolerance + core.maxExtent) * resolution,
          reach: (i) => {
            const s = core.symbolOf[i]!;
            if (s === NO_SYMBOL) return -1;
            const symbol = core.symbols[s]!;
            return (tolerance + symbol.radius + (symbol.stroke ? symbol.stroke.width / 2 : 0)) * resolution;
          },
        });
        return found < 0 ? [] : [itemOf(data, found, def.idField)];
      },
      featuresIn: async (extent, signal) => {
        signal?.throwIfAborted();
        // A switched-off layer has not read its points: read them now (the map draws them later).
        if (!data && state !== 'loading') void load();
        if (!data) await status.settled(signal);
        if (!data) throw new LayerNotLoadedError(status.last()?.problem);
        return { features: pointsIn(data, extent, def.idField), answeredBy: 'data' };
      },
      findFeature: (id) => {
        if (!data || !def.idField) return undefined;
        if (!ids) {
          ids = new Map();
          const column = data.columns[def.idField] ?? [];
          column.forEach((value, i) => {
            if (!ids!.has(value)) ids!.set(value, i);
          });
        }
        const i = ids.get(id);
        return i === undefined ? undefined : featureOf(data, i, def.idField);
      },
    };
  },
};
