import type { WfsLayerDef } from '../../context/types.js';
import { extraParams, withParams } from '../wms/params.js';

export type Extent = readonly [number, number, number, number] | readonly number[];

export interface GetFeatureOptions {
  /** The area to read, in `srsName` (east/north order); none: the whole layer. */
  readonly extent?: Extent;
  /** The CRS of the request and of the answer. */
  readonly srsName: string;
  /** True when the CRS's axis order is north/east (EPSG:4326): the BBOX is given lat/lon. */
  readonly northEast?: boolean;
  readonly outputFormat: string;
  readonly resolveUrl?: (url: string) => string;
}

const JSON_FORMAT = /json/i;

/** True for GeoJSON output formats ("application/json", "json", "application/geo+json"…). */
export const isJsonFormat = (format: string): boolean => JSON_FORMAT.test(format);

/**
 * The output format to ask for among those a service offers: GeoJSON when offered, else its GML for
 * the version (GML 3.2 for 2.0.0, GML 3.1.1 for 1.1.0), else the first one offered.
 */
export function chooseOutputFormat(offered: readonly string[], version: WfsLayerDef['version']): string {
  const json = ['application/json', 'application/geo+json', 'json', 'geojson'];
  for (const wanted of json) {
    const found = offered.find((f) => f.toLowerCase().replace(/\s/g, '') === wanted);
    if (found) return found;
  }
  const anyJson = offered.find(isJsonFormat);
  if (anyJson) return anyJson;
  const gml = version === '2.0.0' ? /gml.*3\.2/i : /gml\/?3\.1/i;
  return offered.find((f) => gml.test(f)) ?? offered[0] ?? (version === '2.0.0' ? 'application/gml+xml; version=3.2' : 'text/xml; subtype=gml/3.1.1');
}

const round = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/**
 * The GetFeature URL of a WFS layer for an area: type name, count cap, output format, CRS and the
 * box (BBOX, or added to the layer's CQL filter when its geometry attribute is known), then the
 * document's own parameters.
 */
export function getFeatureUrl(def: WfsLayerDef, options: GetFeatureOptions): string {
  const v2 = def.version === '2.0.0';
  const params: Record<string, string> = {
    SERVICE: 'WFS',
    VERSION: def.version,
    REQUEST: 'GetFeature',
    [v2 ? 'TYPENAMES' : 'TYPENAME']: def.typeName,
    [v2 ? 'COUNT' : 'MAXFEATURES']: String(def.maxFeatures),
    OUTPUTFORMAT: options.outputFormat,
    SRSNAME: options.srsName,
  };
  const extent = options.extent;
  if (def.cqlFilter) {
    params['CQL_FILTER'] =
      extent && def.geometryName
        ? `BBOX(${def.geometryName},${extent.map(round).join(',')},'${options.srsName}') AND (${def.cqlFilter})`
        : def.cqlFilter;
  } else if (extent) {
    const [minx, miny, maxx, maxy] = extent.map(round);
    const box = options.northEast ? [miny, minx, maxy, maxx] : [minx, miny, maxx, maxy];
    params['BBOX'] = `${box.join(',')},${options.srsName}`;
  }
  Object.assign(params, extraParams(def.params));
  return withParams((options.resolveUrl ?? ((u: string) => u))(def.url), params);
}

/** The GetCapabilities URL of a WFS layer's service. */
export const capabilitiesUrl = (def: WfsLayerDef, resolveUrl: (url: string) => string = (u) => u): string =>
  withParams(resolveUrl(def.url), { SERVICE: 'WFS', VERSION: def.version, REQUEST: 'GetCapabilities' });

/** True when the service holds more features than it sent. */
export function isCapped(counts: { returned: number; total?: number; max: number }): boolean {
  return counts.total !== undefined ? counts.total > counts.returned : counts.returned >= counts.max;
}
