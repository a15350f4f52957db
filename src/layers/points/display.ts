import type Feature from 'ol/Feature.js';
import type OlMap from 'ol/Map.js';
import type { Pixel } from 'ol/pixel.js';
import { createEmpty, extend, getHeight, getWidth, isEmpty } from 'ol/extent.js';
import type { Geometry } from 'ol/geom.js';
import LayerGroup from 'ol/layer/Group.js';
import VectorLayer from 'ol/layer/Vector.js';
import { flatStyleLikeToStyleFunction } from 'ol/render/canvas/style.js';
import Cluster from 'ol/source/Cluster.js';
import VectorSource from 'ol/source/Vector.js';
import CircleStyle from 'ol/style/Circle.js';
import Fill from 'ol/style/Fill.js';
import Stroke from 'ol/style/Stroke.js';
import Style, { type StyleFunction } from 'ol/style/Style.js';
import Text from 'ol/style/Text.js';
import type { PointDisplay, VectorCommon, VectorStyle } from '../../context/types.js';
import { styleToFlatRules } from '../../styles/flat-style.js';
import type { LayerEnvironment } from '../types.js';
import { loadChunk } from '../../offline/load-chunk.js';

/** What a point layer is drawn with, and how it answers a click (clusters zoom into themselves). */
export interface PointLayer {
  /** A vector layer, or (heat map) a group that receives the WebGL layer once its code has loaded. */
  readonly layer: VectorLayer<VectorSource<Feature<Geometry>>> | LayerGroup;
  /** Handles a click at a pixel; true when the click was used (the map should not identify). */
  readonly onClick?: (event: { readonly map: OlMap; readonly pixel: Pixel }) => boolean;
  /** Draws the points with another style in place (false: it takes a new layer, e.g. labels come or go). */
  readonly restyle: (style: VectorStyle) => boolean;
}

/** True when this browser can give a WebGL context (the heat map needs one). */
export function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/** The colour of a layer's markers, for its clusters: its base symbol, else the first category. */
export function clusterColour(def: VectorCommon): string {
  const symbol = def.style.symbol ?? def.style.categories?.values[0]?.symbol ?? def.style.classes?.ranges[0]?.symbol;
  const marker = symbol?.marker;
  if (marker?.shape === 'circle' && marker.fill) return marker.fill.color;
  return symbol?.fill?.color ?? '#1f5fa8';
}

/** Radius of a cluster disc for a count: grows with the logarithm of the count, 10 to 26 px. */
export const clusterRadius = (count: number): number => Math.min(26, 10 + Math.round(Math.log10(Math.max(1, count)) * 5));

/** A short count label: 999, 1,2k, 12k. */
export function clusterLabel(count: number): string {
  if (count < 1000) return String(count);
  if (count < 10000) return `${(count / 1000).toFixed(1).replace('.', ',')}k`;
  return `${Math.round(count / 1000)}k`;
}

/** Pixels around the inner features of a cluster to keep when zooming into it. */
const FIT_PADDING = [48, 48, 48, 48];

/**
 * The OpenLayers layer that draws a point layer: one marker per point (the document style), clusters
 * with their count (`clustering`) or a heat map (`heatmap`, WebGL; an error state when WebGL is missing).
 */
export function createPointLayer(
  def: VectorCommon & PointDisplay,
  source: VectorSource<Feature<Geometry>>,
  env: Pick<LayerEnvironment, 'viewProjection' | 'report'>,
): PointLayer {
  const metersPerUnit = env.viewProjection.getMetersPerUnit() ?? 1;
  const flat = styleToFlatRules(def.style, { metersPerUnit });
  // Labels need a decluttered layer, which OpenLayers sets only when it makes the layer.
  const declutter = !!def.style.label;

  if (def.heatmap) {
    if (!hasWebGL()) {
      // Say so instead of drawing nothing; the data is not even loaded.
      queueMicrotask(() => env.report({ status: 'error', problem: { code: 'webgl' } }));
      return { layer: new VectorLayer({ source: new VectorSource() }), restyle: () => true };
    }
    const { radius, blur, weight } = def.heatmap;
    // The heat map's WebGL code (≈ 115 KB) is loaded only by the layers that draw one.
    const group = new LayerGroup();
    loadChunk(import('ol/layer/Heatmap.js')).then(
      ({ default: HeatmapLayer }) =>
        group.getLayers().push(
          new HeatmapLayer({
            source,
            radius,
            blur,
            weight: weight ? (feature) => Math.max(0, Math.min(1, Number(feature.get(weight)) || 0)) : () => 1,
          }),
        ),
      () => env.report({ status: 'error', problem: { code: 'network' } }),
    );
    // The heat map does not read the style.
    return { layer: group, restyle: () => true };
  }

  if (def.clustering) {
    const cluster = new Cluster({ source, distance: def.clustering.distance, minDistance: def.clustering.minDistance });
    let single = flatStyleLikeToStyleFunction(flat);
    let colour = clusterColour(def);
    const cache = new Map<number, Style>();
    const style: StyleFunction = (feature, resolution) => {
      const members = feature.get('features') as Feature[] | undefined;
      if (!members || members.length === 0) return undefined;
      if (members.length === 1) return single(members[0]!, resolution);
      const count = members.length;
      let clusterStyle = cache.get(count);
      if (!clusterStyle) {
        clusterStyle = new Style({
          image: new CircleStyle({
            radius: clusterRadius(count),
            fill: new Fill({ color: colour }),
            stroke: new Stroke({ color: 'rgba(255,255,255,0.9)', width: 2 }),
          }),
          text: new Text({
            text: clusterLabel(count),
            font: '600 12px system-ui, sans-serif',
            fill: new Fill({ color: '#fff' }),
            stroke: new Stroke({ color: 'rgba(0,0,0,0.45)', width: 3 }),
          }),
        });
        cache.set(count, clusterStyle);
      }
      return clusterStyle;
    };
    const layer = new VectorLayer({ source: cluster as unknown as VectorSource<Feature<Geometry>>, style });
    const onClick = ({ map, pixel }: { map: OlMap; pixel: Pixel }): boolean => {
      const hit = map.forEachFeatureAtPixel(pixel, (f) => f as Feature, { layerFilter: (l) => l === layer, hitTolerance: 2 });
      const members = hit?.get('features') as Feature[] | undefined;
      if (!members || members.length < 2) return false;
      zoomInto(map, members);
      return true;
    };
    const restyle = (next: VectorStyle): boolean => {
      single = flatStyleLikeToStyleFunction(styleToFlatRules(next, { metersPerUnit }));
      colour = clusterColour({ ...def, style: next });
      cache.clear();
      layer.changed();
      return true;
    };
    return { layer, onClick, restyle };
  }

  const layer = new VectorLayer({ source, style: flat, declutter });
  const restyle = (next: VectorStyle): boolean => {
    if (!!next.label !== declutter) return false;
    layer.setStyle(styleToFlatRules(next, { metersPerUnit }));
    return true;
  };
  return { layer, restyle };
}

/** Zooms the map onto the features of a cluster (two levels in when they share one place). */
export function zoomInto(map: OlMap, members: readonly Feature[]): void {
  const view = map.getView();
  const extent = createEmpty();
  for (const member of members) {
    const geometry = member.getGeometry();
    if (geometry) extend(extent, geometry.getExtent());
  }
  if (isEmpty(extent)) return;
  if (getWidth(extent) === 0 && getHeight(extent) === 0) {
    view.animate({ center: [extent[0]!, extent[1]!], zoom: (view.getZoom() ?? 0) + 2, duration: 250 });
    return;
  }
  view.fit(extent, { padding: FIT_PADDING, duration: 250, maxZoom: view.getMaxZoom() });
}
