import { getFeatureInfoUrl as olFeatureInfoUrl } from 'ol/source/wms.js';
import { get as getProjection, transform, type ProjectionLike } from 'ol/proj.js';
import { calculateSourceResolution } from 'ol/reproj.js';
import type { WmsLayerDef } from '../../context/types.js';
import { getMapParams } from './params.js';

/** GetFeatureInfo answer formats by short name (a layer's `infoFormat` may also be a MIME type). */
export const INFO_FORMATS = {
  json: 'application/json',
  gml: 'application/vnd.ogc.gml',
  html: 'text/html',
  text: 'text/plain',
} as const;

export type WmsInfoFormat = keyof typeof INFO_FORMATS;

/** The MIME type for a short format name or a MIME type (default: JSON). */
export const infoFormatMime = (format: string | undefined): string =>
  format === undefined ? INFO_FORMATS.json : (INFO_FORMATS[format as WmsInfoFormat] ?? format);

export interface FeatureInfoRequest {
  /** The clicked point, in `projection`. */
  readonly coordinate: readonly [number, number] | readonly number[];
  /** Map units per pixel of the view, in `projection`. */
  readonly resolution: number;
  /** The view's projection (a code such as "EPSG:3857" or an OpenLayers projection). */
  readonly projection: ProjectionLike;
  /** "json" (default, or the layer's `infoFormat`), "gml", "html", "text", or a MIME type. */
  readonly infoFormat?: WmsInfoFormat | string;
  /** Most features to return (FEATURE_COUNT, default 10). */
  readonly featureCount?: number;
  /** Resolves a document-relative service URL (default: the URL as it is). */
  readonly resolveUrl?: (url: string) => string;
}

/**
 * The GetFeatureInfo URL that asks a WMS layer what lies at a point of the map: a pure function
 * (no request is made), for popups. It queries every layer of `def.layers` (QUERY_LAYERS) with the
 * layer's styles, version and extra parameters (CQL_FILTER, TIME…), over a 101 × 101 pixel window
 * centred on the point (I/J for 1.3.0, X/Y for 1.1.1; axis order of the CRS honoured for 1.3.0).
 * When the layer is requested in another CRS than the view's (`def.projection`), the point and the
 * resolution are converted to it. The projections must be registered (they are once the map shows).
 *
 * @example
 * getFeatureInfoUrl(def, { coordinate: [x, y], resolution: view.getResolution(), projection: 'EPSG:3857', infoFormat: 'json' })
 */
export function getFeatureInfoUrl(def: WmsLayerDef, request: FeatureInfoRequest): string {
  const viewProjection = getProjection(request.projection);
  if (!viewProjection) throw new Error(`Unknown projection ${String(request.projection)}`);
  const sourceProjection = def.projection ? getProjection(def.projection) : viewProjection;
  if (!sourceProjection) throw new Error(`Unknown projection ${def.projection}`);
  let coordinate = [request.coordinate[0]!, request.coordinate[1]!];
  let resolution = request.resolution;
  if (sourceProjection.getCode() !== viewProjection.getCode()) {
    resolution = calculateSourceResolution(sourceProjection, viewProjection, coordinate, resolution);
    coordinate = transform(coordinate, viewProjection, sourceProjection);
  }
  const params = {
    ...getMapParams(def),
    INFO_FORMAT: infoFormatMime(request.infoFormat ?? def.infoFormat),
    FEATURE_COUNT: String(request.featureCount ?? 10),
  };
  const url = (request.resolveUrl ?? ((u: string) => u))(def.url);
  const result = olFeatureInfoUrl({ url, params, projection: sourceProjection }, coordinate, resolution);
  if (!result) throw new Error('no GetFeatureInfo URL for this layer');
  return result;
}
