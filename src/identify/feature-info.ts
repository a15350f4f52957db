import GeoJSON from 'ol/format/GeoJSON.js';
import WMSGetFeatureInfo from 'ol/format/WMSGetFeatureInfo.js';
import type Feature from 'ol/Feature.js';
import type { Projection } from 'ol/proj.js';
import type { WmsLayerDef } from '../context/types.js';
import { isXmlContentType, readServiceException } from '../ogc/exception.js';
import { explainRequestError, problemOf } from '../layers/ogc/problem.js';
import { getFeatureInfoUrl } from '../layers/wms/feature-info.js';
import { textOfHtml } from '../markup/parse.js';
import { parseXml } from '../ogc/xml.js';
import type { Requester } from '../net/requester.js';
import { crsCodeOf } from '../proj/definitions.js';
import type { LayerProblem } from '../layers/status.js';
import type { IdentifyGroup, IdentifiedItem } from './types.js';

/** A GetFeatureInfo answer, whatever its format, as identified items (or why it could not be read). */
export function readFeatureInfo(
  body: string,
  contentType: string | null,
  options: { viewProjection: Projection; requestProjection: string },
): { items: IdentifiedItem[]; problem?: LayerProblem } {
  const type = (contentType ?? '').toLowerCase();
  const trimmed = body.trim();
  if (!trimmed) return { items: [] };
  if (isXmlContentType(type) || trimmed.startsWith('<?xml') || /^<(\w+:)?(ServiceExceptionReport|ExceptionReport)\b/.test(trimmed)) {
    const exception = readServiceException(trimmed);
    if (exception) return { items: [], problem: { code: 'service', detail: exception.message } };
  }
  if (type.includes('json') || trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return { items: [], problem: { code: 'invalid-json' } };
    }
    const format = new GeoJSON({
      dataProjection: crsCodeOf(json) ?? options.requestProjection,
      featureProjection: options.viewProjection,
    });
    try {
      return { items: (format.readFeatures(json) as Feature[]).map(itemOf) };
    } catch {
      return { items: [], problem: { code: 'not-geojson' } };
    }
  }
  if (type.includes('html') || /^<(!doctype|html|body|table|div)/i.test(trimmed)) {
    // Servers answer "nothing here" with an empty page: only pages with text count.
    const text = textOfHtml(trimmed).trim();
    return { items: text ? [{ properties: {}, html: trimmed }] : [] };
  }
  if (type.includes('xml') || type.includes('gml') || trimmed.startsWith('<')) {
    const doc = parseXml(trimmed);
    if (!doc) return { items: [], problem: { code: 'invalid-data', detail: 'GML' } };
    try {
      const features = new WMSGetFeatureInfo().readFeatures(doc, { featureProjection: options.viewProjection }) as Feature[];
      return { items: features.map(itemOf) };
    } catch {
      return { items: [], problem: { code: 'invalid-data', detail: 'GML' } };
    }
  }
  // Plain text: MapServer says "no results" in words; keep answers that say something else.
  return { items: /no (features|results)|search returned no results/i.test(trimmed) ? [] : [{ properties: {}, text: trimmed.slice(0, 20_000) }] };
}

function itemOf(feature: Feature): IdentifiedItem {
  const { geometry: _geometry, ...properties } = feature.getProperties();
  return { id: feature.getId(), properties, geometry: feature.getGeometry() };
}

/** Asks a WMS layer what lies at a point (GetFeatureInfo through the requester). */
export async function identifyWms(
  def: WmsLayerDef,
  request: { coordinate: number[]; resolution: number; viewProjection: Projection; requester: Requester; resolveUrl: (url: string) => string; signal?: AbortSignal },
): Promise<IdentifyGroup> {
  try {
    const url = getFeatureInfoUrl(def, {
      coordinate: request.coordinate,
      resolution: request.resolution,
      projection: request.viewProjection,
      resolveUrl: request.resolveUrl,
    });
    const response = await request.requester.fetch(url, { signal: request.signal });
    const { items, problem } = readFeatureInfo(await response.text(), response.headers.get('content-type'), {
      viewProjection: request.viewProjection,
      requestProjection: def.projection ?? request.viewProjection.getCode(),
    });
    return { layerId: def.id, items, problem };
  } catch (error) {
    // A code, never the browser's words (« Failed to fetch »): the popup says it in the person's language.
    return { layerId: def.id, items: [], problem: problemOf(await explainRequestError(error)) };
  }
}
