import GeoJSON from 'ol/format/GeoJSON.js';
import WMSGetFeatureInfo from 'ol/format/WMSGetFeatureInfo.js';
import type Feature from 'ol/Feature.js';
import type { Projection } from 'ol/proj.js';
import type { WmsLayerDef } from '../context/types.js';
import { isXmlContentType, readServiceException } from '../layers/ogc/exception.js';
import { getFeatureInfoUrl } from '../layers/wms/feature-info.js';
import type { Requester } from '../net/requester.js';
import { crsCodeOf } from '../proj/definitions.js';
import type { IdentifyGroup, IdentifiedItem } from './types.js';

/** A GetFeatureInfo answer, whatever its format, as identified items (or a failure in words). */
export function readFeatureInfo(
  body: string,
  contentType: string | null,
  options: { viewProjection: Projection; requestProjection: string },
): { items: IdentifiedItem[]; failure?: string } {
  const type = (contentType ?? '').toLowerCase();
  const trimmed = body.trim();
  if (!trimmed) return { items: [] };
  if (isXmlContentType(type) || trimmed.startsWith('<?xml') || /^<(\w+:)?(ServiceExceptionReport|ExceptionReport)\b/.test(trimmed)) {
    const exception = readServiceException(trimmed);
    if (exception) return { items: [], failure: exception.message };
  }
  if (type.includes('json') || trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch {
      return { items: [], failure: 'invalid JSON answer' };
    }
    const format = new GeoJSON({
      dataProjection: crsCodeOf(json) ?? options.requestProjection,
      featureProjection: options.viewProjection,
    });
    try {
      return { items: (format.readFeatures(json) as Feature[]).map(itemOf) };
    } catch {
      return { items: [], failure: 'unreadable JSON answer' };
    }
  }
  if (type.includes('html') || /^<(!doctype|html|body|table|div)/i.test(trimmed)) {
    // Servers answer "nothing here" with an empty page: only pages with text count.
    const text = new DOMParser().parseFromString(trimmed, 'text/html').body.textContent?.trim() ?? '';
    return { items: text ? [{ properties: {}, html: trimmed }] : [] };
  }
  if (type.includes('xml') || type.includes('gml') || trimmed.startsWith('<')) {
    try {
      const features = new WMSGetFeatureInfo().readFeatures(trimmed, { featureProjection: options.viewProjection }) as Feature[];
      return { items: features.map(itemOf) };
    } catch {
      return { items: [], failure: 'unreadable GML answer' };
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
    const { items, failure } = readFeatureInfo(await response.text(), response.headers.get('content-type'), {
      viewProjection: request.viewProjection,
      requestProjection: def.projection ?? request.viewProjection.getCode(),
    });
    return { layerId: def.id, items, failure };
  } catch (error) {
    return { layerId: def.id, items: [], failure: error instanceof Error ? error.message : String(error) };
  }
}
