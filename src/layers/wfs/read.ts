import type Feature from 'ol/Feature.js';
import WFS from 'ol/format/WFS.js';
import type { Projection } from 'ol/proj.js';
import type { WfsLayerDef } from '../../context/types.js';
import { NotGeoJsonError, dataProjectionOf, readGeoJson } from '../geojson/read.js';
import { ServiceExceptionError, isXmlContentType, serviceExceptionOf } from '../../ogc/exception.js';
import { readWfs } from '../../ogc/wfs.js';
import { parseXml } from '../../ogc/xml.js';
import { InvalidResponseError, refuseOgcWebPage } from '../ogc/problem.js';
import { applyFeatureId } from '../feature-id.js';
import { checkGeometries } from '../projection-check/geometries.js';

export interface GetFeatureResult {
  readonly features: Feature[];
  /** Features left out because they could not be read. */
  readonly skipped: number;
  /** Features the answer says it holds (numberReturned), or the features read. */
  readonly returned: number;
  /** Features matching the request on the server (numberMatched / totalFeatures), when said. */
  readonly total?: number;
}

export interface ReadOptions {
  /** The CRS the features were requested in (SRSNAME). */
  readonly dataProjection: string;
  readonly featureProjection: Projection;
  readonly idField?: string;
}

const count = (value: unknown): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
};

/**
 * Reads a GetFeature answer in GeoJSON (GeoServer adds numberMatched, numberReturned, totalFeatures
 * and a crs member). Malformed features are skipped and counted.
 */
export function readGetFeatureJson(text: string, options: ReadOptions): GetFeatureResult {
  let json: { numberMatched?: unknown; numberReturned?: unknown; totalFeatures?: unknown };
  try {
    json = JSON.parse(text) as typeof json;
  } catch {
    throw new InvalidResponseError('JSON');
  }
  let read;
  try {
    read = readGeoJson(json, { ...options, dataProjection: dataProjectionOf(json, options.dataProjection) });
  } catch (error) {
    if (error instanceof NotGeoJsonError) throw new InvalidResponseError('GeoJSON');
    throw error;
  }
  return {
    features: read.features,
    skipped: read.skipped,
    returned: count(json.numberReturned) ?? read.features.length + read.skipped,
    total: count(json.numberMatched) ?? count(json.totalFeatures),
  };
}

/**
 * Reads a GetFeature answer in GML (3.2 for WFS 2.0.0, 3.1 for 1.1.0), parsed without tripping the
 * CSP (src/ogc/xml.ts): an exception report throws ServiceExceptionError, anything but a
 * feature collection InvalidResponseError, coordinates all outside the requested CRS
 * OutsideProjectionError. Counts come from numberMatched/numberReturned (2.0.0) or numberOfFeatures.
 */
export function readGetFeatureGml(text: string, version: WfsLayerDef['version'], options: ReadOptions): GetFeatureResult {
  const doc = parseXml(text);
  const exception = doc && serviceExceptionOf(doc);
  if (exception) throw new ServiceExceptionError(exception.message, exception.code);
  const root = doc?.documentElement;
  if (!doc || !root || !/FeatureCollection$/.test(root.localName)) throw new InvalidResponseError('GML');
  const format = new WFS({ version });
  let features: Feature[];
  try {
    // Read as sent, checked, then reprojected.
    features = format.readFeatures(doc, { dataProjection: options.dataProjection }) as Feature[];
  } catch {
    throw new InvalidResponseError('GML');
  }
  checkGeometries(features.map((f) => f.getGeometry()), options.dataProjection);
  for (const feature of features) feature.getGeometry()?.transform(options.dataProjection, options.featureProjection);
  for (const feature of features) applyFeatureId(feature, options.idField);
  const returned = count(root.getAttribute('numberReturned')) ?? count(root.getAttribute('numberOfFeatures')) ?? features.length;
  const total = count(root.getAttribute('numberMatched'));
  return { features, skipped: 0, returned, total };
}

/**
 * Reads a GetFeature answer as its Content-Type (or its first character) says: GML or GeoJSON. A web
 * page instead (a captive portal with 200) throws WrongFormatError, not « unreadable GML ».
 */
export async function readGetFeatureAnswer(response: Response, version: WfsLayerDef['version'], options: ReadOptions): Promise<GetFeatureResult> {
  await refuseOgcWebPage(response);
  const text = await response.text();
  const xml = isXmlContentType(response.headers.get('content-type')) || /^\s*</.test(text);
  return xml ? readGetFeatureGml(text, version, options) : readGetFeatureJson(text, options);
}

/**
 * The GetFeature output formats a WFS service offers, read from its capabilities by the one WFS
 * capabilities reader (src/ogc/wfs.ts): an exception report throws ServiceExceptionError, anything
 * but WFS capabilities InvalidResponseError.
 */
export function readWfsOutputFormats(text: string): string[] {
  const doc = parseXml(text);
  const exception = doc && serviceExceptionOf(doc);
  if (exception) throw new ServiceExceptionError(exception.message, exception.code);
  if (doc?.documentElement?.localName !== 'WFS_Capabilities') throw new InvalidResponseError('WFS capabilities');
  return [...readWfs(doc).formats];
}
