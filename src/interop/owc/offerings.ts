import type { LayerDef, WfsLayerDef, WmsLayerDef, WmtsLayerDef } from '../../context/types.js';
import { isKnownProjection } from '../../proj/definitions.js';
import { DEFAULT_VECTOR_STYLE, isRecord } from '../common.js';
import { buildOgcUrl, splitOgcUrl } from '../ogc-url.js';
import { NO_LINKED_FILES } from '../linked-files.js';
import type { Report } from '../report.js';
import { isSldText, sldStyle, type SldSource, type StyleFiles } from '../sld/layer-style.js';
import { offeringCode, offeringKind, type OwcOffering, type OwcOperation, type OwcStyle } from './model.js';

/**
 * One offering (a way to get a resource's data) read into the kind-specific part of a Cartable
 * layer, and written from one. Scale limits, titles and the like are the resource's business.
 */

type LayerPart = Record<string, unknown>;

const operation = (offering: OwcOffering, ...codes: string[]): OwcOperation | undefined =>
  (Array.isArray(offering.operations) ? offering.operations : []).find(
    (op) => isRecord(op) && typeof op.code === 'string' && codes.includes(op.code.toLowerCase()) && typeof op.href === 'string',
  );

const defaultStyle = (offering: OwcOffering): OwcStyle | undefined => {
  const styles = Array.isArray(offering.styles) ? offering.styles.filter(isRecord) : [];
  return styles.find((s) => s.default === true) ?? styles[0];
};

/** "urn:ogc:def:crs:EPSG::2154", "http://www.opengis.net/def/crs/EPSG/0/2154", "EPSG:2154" → "EPSG:2154". */
export function crsCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (/CRS:?84$/i.test(value)) return 'EPSG:4326';
  const match = /EPSG(?::+|\/\d+\/|:[\d.]*:)(\d+)$/i.exec(value.trim());
  return match ? `EPSG:${match[1]}` : undefined;
}

// ---------------------------------------------------------------- WMS

const WMS_REQUEST_KEYS = new Set(['SERVICE', 'REQUEST', 'VERSION', 'LAYERS', 'STYLES', 'FORMAT', 'TRANSPARENT', 'CRS', 'SRS', 'BBOX', 'WIDTH', 'HEIGHT', 'BGCOLOR', 'EXCEPTIONS', 'TILED']);
/** Vendor parameters and dimensions that belong in the layer's `params`. */
const isVendorParam = (key: string): boolean => /^(TIME|ELEVATION|CQL_FILTER|FILTER|SLD|SLD_BODY|ENV|VIEWPARAMS|FEATUREID|DIM_.+)$/.test(key);

function readWms(offering: OwcOffering, report: Report, path: string): LayerPart | undefined {
  const getMap = operation(offering, 'getmap');
  if (!getMap) {
    report.error(path, 'WMS offering without a GetMap request: the layer names are unknown, the resource is left out');
    return undefined;
  }
  const { url, params } = splitOgcUrl(getMap.href!, (key) => WMS_REQUEST_KEYS.has(key) || isVendorParam(key));
  if (!params.LAYERS) {
    report.error(path, 'the GetMap request names no LAYERS: the resource is left out');
    return undefined;
  }
  const layer: LayerPart = { type: 'wms', url, layers: params.LAYERS };
  const style = defaultStyle(offering);
  const styles = params.STYLES ?? (typeof style?.name === 'string' ? style.name : undefined);
  if (styles) layer.styles = styles;
  if (params.FORMAT !== undefined) {
    if (/^image\//.test(params.FORMAT)) layer.format = params.FORMAT;
    else report.warning(path, `FORMAT "${params.FORMAT}" is not an image format: the default (image/png) is used`);
  }
  if (params.TRANSPARENT !== undefined) layer.transparent = /^true$/i.test(params.TRANSPARENT);
  const version = params.VERSION;
  if (version === '1.3.0' || version === '1.1.1') layer.version = version;
  else if (version) {
    layer.version = '1.1.1';
    report.warning(path, `WMS version ${version} is read as 1.1.1 (Cartable speaks 1.3.0 and 1.1.1)`);
  }
  const vendor = Object.entries(params).filter(([key]) => isVendorParam(key));
  if (vendor.length) layer.params = Object.fromEntries(vendor);
  const fixed = ['BBOX', 'WIDTH', 'HEIGHT', 'CRS', 'SRS', 'BGCOLOR', 'EXCEPTIONS'].filter((key) => key in params);
  if (fixed.length) report.info(path, `the GetMap request's ${fixed.join(', ')} describe one picture: the map asks for its own`);
  if (style?.legendURL) layer.legend = { image: style.legendURL };
  return layer;
}

function writeWms(layer: WmsLayerDef): OwcOffering {
  const service = (request: string): Array<[string, string]> => [['SERVICE', 'WMS'], ['VERSION', layer.version], ['REQUEST', request]];
  const getMap = buildOgcUrl(layer.url, [
    ...service('GetMap'),
    ['LAYERS', layer.layers],
    ['STYLES', layer.styles],
    ['FORMAT', layer.format],
    ['TRANSPARENT', String(layer.transparent).toUpperCase()],
    ...Object.entries(layer.params ?? {}),
  ]);
  const styleNames = layer.styles ? [layer.styles] : [];
  const styles: OwcStyle[] = styleNames.map((name) => ({ name, title: name, default: true }));
  if (layer.legend.image) {
    if (styles[0]) styles[0].legendURL = layer.legend.image;
    else styles.push({ name: '', title: 'default', default: true, legendURL: layer.legend.image });
  }
  return {
    code: offeringCode('wms'),
    operations: [
      { code: 'GetCapabilities', method: 'GET', type: 'application/xml', href: buildOgcUrl(layer.url, service('GetCapabilities')) },
      { code: 'GetMap', method: 'GET', type: layer.format, href: getMap },
    ],
    ...(styles.length ? { styles } : {}),
  };
}

// ---------------------------------------------------------------- WMTS

const WMTS_KEYS = new Set(['SERVICE', 'REQUEST', 'VERSION', 'LAYER', 'STYLE', 'FORMAT', 'TILEMATRIXSET', 'TILEMATRIX', 'TILEROW', 'TILECOL']);

function readWmts(offering: OwcOffering, report: Report, path: string): LayerPart | undefined {
  const getTile = operation(offering, 'gettile');
  const capabilities = operation(offering, 'getcapabilities')?.href;
  if (!getTile) {
    report.error(path, 'WMTS offering without a GetTile request: the layer name is unknown, the resource is left out');
    return undefined;
  }
  if (/\{tilematrix\}/i.test(getTile.href!)) {
    report.error(path, 'the GetTile request is a RESTful template: Cartable reads WMTS by key-value requests; the resource is left out');
    return undefined;
  }
  const { url, params } = splitOgcUrl(getTile.href!, (key) => WMTS_KEYS.has(key));
  if (!params.LAYER) {
    report.error(path, 'the GetTile request names no LAYER: the resource is left out');
    return undefined;
  }
  const layer: LayerPart = { type: 'wmts', url, layer: params.LAYER };
  if (params.TILEMATRIXSET) layer.matrixSet = params.TILEMATRIXSET;
  if (params.STYLE !== undefined) layer.style = params.STYLE;
  if (params.FORMAT && /^image\//.test(params.FORMAT)) layer.format = params.FORMAT;
  if (capabilities) layer.capabilities = capabilities;
  else if (!params.TILEMATRIXSET) report.warning(path, 'no TILEMATRIXSET and no GetCapabilities: the Web-Mercator "PM" matrix set is assumed');
  const style = defaultStyle(offering);
  if (style?.legendURL) layer.legend = { image: style.legendURL };
  return layer;
}

function writeWmts(layer: WmtsLayerDef): OwcOffering {
  const getTile = buildOgcUrl(layer.url, [
    ['SERVICE', 'WMTS'],
    ['VERSION', '1.0.0'],
    ['REQUEST', 'GetTile'],
    ['LAYER', layer.layer],
    ['STYLE', layer.style],
    ['FORMAT', layer.format],
    ['TILEMATRIXSET', layer.matrixSet],
  ]);
  return {
    code: offeringCode('wmts'),
    operations: [
      ...(layer.capabilities ? [{ code: 'GetCapabilities', method: 'GET', type: 'application/xml', href: layer.capabilities }] : []),
      { code: 'GetTile', method: 'GET', type: layer.format, href: getTile },
    ],
  };
}

// ---------------------------------------------------------------- WFS

const WFS_KEYS = new Set(['SERVICE', 'REQUEST', 'VERSION', 'TYPENAME', 'TYPENAMES', 'OUTPUTFORMAT', 'SRSNAME', 'COUNT', 'MAXFEATURES', 'CQL_FILTER', 'BBOX', 'STARTINDEX', 'RESULTTYPE']);

function readWfs(offering: OwcOffering, report: Report, path: string, files: StyleFiles): LayerPart | undefined {
  const getFeature = operation(offering, 'getfeature');
  if (!getFeature) {
    report.error(path, 'WFS offering without a GetFeature request: the feature type is unknown, the resource is left out');
    return undefined;
  }
  const { url, params } = splitOgcUrl(getFeature.href!, (key) => WFS_KEYS.has(key));
  const typeName = params.TYPENAMES ?? params.TYPENAME;
  if (!typeName) {
    report.error(path, 'the GetFeature request names no TYPENAMES: the resource is left out');
    return undefined;
  }
  const layer: LayerPart = { type: 'wfs', url, typeName };
  const version = params.VERSION;
  if (version === '2.0.0' || version === '1.1.0') layer.version = version;
  else if (version?.startsWith('2.')) layer.version = '2.0.0';
  else if (version) {
    layer.version = '1.1.0';
    report.warning(path, `WFS version ${version} is read as 1.1.0 (Cartable speaks 2.0.0 and 1.1.0)`);
  }
  if (params.OUTPUTFORMAT) layer.outputFormat = params.OUTPUTFORMAT;
  if (params.SRSNAME) {
    const code = crsCode(params.SRSNAME);
    if (code && isKnownProjection(code)) layer.srsName = code;
    else report.warning(path, `SRSNAME "${params.SRSNAME}" is not a projection Cartable knows: the map's projection is asked instead`);
  }
  const count = Number(params.COUNT ?? params.MAXFEATURES);
  if (Number.isInteger(count) && count >= 1 && count <= 100000) layer.maxFeatures = count;
  if (params.CQL_FILTER) layer.cqlFilter = params.CQL_FILTER;
  readVectorStyle(offering, layer, report, path, files);
  return layer;
}

function writeWfs(layer: WfsLayerDef): OwcOffering {
  const service = (request: string): Array<[string, string]> => [['SERVICE', 'WFS'], ['VERSION', layer.version], ['REQUEST', request]];
  const count = layer.version === '2.0.0' ? 'COUNT' : 'MAXFEATURES';
  const getFeature = buildOgcUrl(layer.url, [
    ...service('GetFeature'),
    [layer.version === '2.0.0' ? 'TYPENAMES' : 'TYPENAME', layer.typeName],
    ['OUTPUTFORMAT', layer.outputFormat],
    ['SRSNAME', layer.srsName],
    [count, layer.maxFeatures],
    ['CQL_FILTER', layer.cqlFilter],
    ...Object.entries(layer.params ?? {}),
  ]);
  return {
    code: offeringCode('wfs'),
    operations: [
      { code: 'GetCapabilities', method: 'GET', type: 'application/xml', href: buildOgcUrl(layer.url, service('GetCapabilities')) },
      { code: 'GetFeature', method: 'GET', type: layer.outputFormat ?? 'application/json', href: getFeature },
    ],
    styles: writeVectorStyle(layer.style),
  };
}

// ---------------------------------------------------------------- GeoJSON

/** The MIME type under which a Cartable declarative style travels in an offering's styles. */
export const CARTABLE_STYLE_TYPE = 'application/vnd.cartable.style+json';

/** An offering style holding a Cartable style (as this converter writes them). */
const cartableStyle = (styles: OwcStyle[]): unknown =>
  styles.map((s) => (isRecord(s.content) && s.content.type === CARTABLE_STYLE_TYPE ? s.content.content : undefined)).find(isRecord);

/** The offering style that carries a vector layer's Cartable style. */
const writeVectorStyle = (style: unknown): OwcStyle[] => [
  { name: 'default', title: 'Cartable', default: true, content: { type: CARTABLE_STYLE_TYPE, content: style } },
];

/** MIME types of SLD and Symbology Encoding documents. */
const SLD_TYPE = /sld|vnd\.ogc\.se\b|se\+xml/i;

/** The SLD of an offering's styles (the default one first): inline text, or a linked file. */
function sldSource(styles: OwcStyle[]): SldSource | undefined {
  for (const style of [...styles].sort((a, b) => Number(b.default === true) - Number(a.default === true))) {
    const content = style.content;
    if (isSldText(content)) return { inline: content };
    if (!isRecord(content)) continue;
    if (isSldText(content.content)) return { inline: content.content };
    if (typeof content.href === 'string' && (SLD_TYPE.test(String(content.type ?? '')) || /\.sld(\?|$)/i.test(content.href))) return { href: content.href };
  }
  return undefined;
}

function readVectorStyle(offering: OwcOffering, layer: LayerPart, report: Report, path: string, files: StyleFiles): void {
  layer.style = DEFAULT_VECTOR_STYLE;
  const styles = Array.isArray(offering.styles) ? offering.styles.filter(isRecord) : [];
  const own = cartableStyle(styles);
  const sld = own ? undefined : sldSource(styles);
  if (own) {
    layer.style = own;
  } else if (sld) {
    layer.style = sldStyle(sld, files, report, path) ?? DEFAULT_VECTOR_STYLE;
  } else if (styles.length) {
    const names = styles.map((s) => `"${String(s.title ?? s.name ?? 'unnamed')}"`).join(', ');
    report.warning(path, `style ${names} is not in a form Cartable reads (it draws from its own declarative style): a default style is used`);
  } else {
    report.info(path, 'no style given: a default style is used');
  }
}

function readGeojson(offering: OwcOffering, report: Report, path: string, files: StyleFiles): LayerPart | undefined {
  const contents = Array.isArray(offering.contents) ? offering.contents.filter(isRecord) : [];
  const get = operation(offering, 'getfeature', 'get', 'rest');
  const layer: LayerPart = { type: 'geojson' };
  const linked = contents.find((c) => typeof c.href === 'string')?.href ?? get?.href;
  const inline = contents.find((c) => c.content !== undefined)?.content;
  if (typeof linked === 'string') layer.url = linked;
  else if (isRecord(inline)) layer.data = inline;
  else if (typeof inline === 'string') {
    try {
      layer.data = JSON.parse(inline) as unknown;
    } catch {
      report.error(path, 'the inline GeoJSON content is not valid JSON: the resource is left out');
      return undefined;
    }
  } else {
    report.error(path, 'GeoJSON offering with neither a link nor inline content: the resource is left out');
    return undefined;
  }
  if (layer.data !== undefined && (!isRecord(layer.data) || typeof layer.data.type !== 'string')) {
    report.error(path, 'the inline GeoJSON content has no "type": the resource is left out');
    return undefined;
  }
  readVectorStyle(offering, layer, report, path, files);
  return layer;
}

function writeGeojson(layer: Extract<LayerDef, { type: 'geojson' }>): OwcOffering {
  const content = layer.data !== undefined ? { type: 'application/geo+json', content: layer.data } : { type: 'application/geo+json', href: layer.url ?? layer.file };
  return { code: offeringCode('geojson'), contents: [content], styles: writeVectorStyle(layer.style) };
}

// ---------------------------------------------------------------- tiles (XYZ, TMS)

function readTiles(offering: OwcOffering, shards: unknown, report: Report, path: string): LayerPart | undefined {
  const op = operation(offering, 'rest', 'gettile', 'get');
  const href = op?.href ?? (Array.isArray(offering.contents) ? offering.contents.find((c) => isRecord(c) && typeof c.href === 'string')?.href : undefined);
  if (!href) {
    report.error(path, 'tile offering without a tile URL: the resource is left out');
    return undefined;
  }
  const vector = /mapbox-vector-tile|protobuf/.test(op?.type ?? '') || /\.(pbf|mvt)(\?|$)/.test(href);
  if (vector) {
    const style = (Array.isArray(offering.styles) ? offering.styles.filter(isRecord) : [])
      .map((s) => (isRecord(s.content) && typeof s.content.href === 'string' ? s.content.href : undefined))
      .find(Boolean);
    if (!style) {
      report.error(path, 'vector tiles without a style document (Mapbox/MapLibre): Cartable draws vector tiles only through one; the resource is left out');
      return undefined;
    }
    report.warning(path, `vector tiles: drawn by the style document ${style}; its sources give the tiles (the tile URL of the OWS Context, ${href}, is not used)`);
    return { type: 'vectortiles', styleUrl: style };
  }
  let url = href;
  if (url.includes('{s}')) {
    const letters = typeof shards === 'string' ? shards.replace(/\s/g, '') : '';
    const range = /^[a-z]-[a-z]$/.test(letters) ? letters : /^[a-z]+$/.test(letters) ? `${letters[0]}-${letters.at(-1)}` : 'a-c';
    if (!letters) report.warning(path, 'the tile URL has "{s}" but no "shards": the sub-domains a, b and c are assumed');
    url = url.replace('{s}', `{${range}}`);
  }
  return { type: 'xyz', url };
}

function writeXyz(layer: Extract<LayerDef, { type: 'xyz' }>): OwcOffering {
  return { code: offeringCode('xyz'), operations: [{ code: 'GetTile', method: 'GET', type: 'image/png', href: layer.url }] };
}

// ---------------------------------------------------------------- the registry of offerings

/** Offering kinds Cartable reads, in the order it prefers them when a resource has several. */
export const READABLE_OFFERINGS = ['wms', 'wmts', 'wfs', 'geojson', 'xyz', 'tms'] as const;

const WHY_NOT: Record<string, string> = {
  kml: 'KML is not a layer kind Cartable draws (convert it to GeoJSON, e.g. with ogr2ogr)',
  gml: 'inline or linked GML is not a layer kind Cartable draws (convert it to GeoJSON)',
  wps: 'a processing service (WPS) is not a map layer',
  csw: 'a catalogue service (CSW) is not a map layer',
  wcs: 'coverages (WCS) are not a layer kind Cartable draws (publish them through WMS)',
  sos: 'sensor observations (SOS) are not a layer kind Cartable draws',
  geotiff: 'GeoTIFF files are not a layer kind Cartable draws (publish them through WMS or as tiles)',
  gmljp2: 'GMLJP2 images are not a layer kind Cartable draws',
};

/** Why an offering kind cannot be read, in plain words. */
export const whyUnreadable = (code: unknown): string => {
  const kind = offeringKind(code);
  return kind ? (WHY_NOT[kind] ?? `the offering "${kind}" is not one Cartable reads`) : `the offering code ${JSON.stringify(code)} is not an OWS Context offering code`;
};

export function readOffering(offering: OwcOffering, properties: Record<string, unknown>, report: Report, path: string, files: StyleFiles = NO_LINKED_FILES): LayerPart | undefined {
  switch (offeringKind(offering.code)) {
    case 'wms':
      return readWms(offering, report, path);
    case 'wmts':
      return readWmts(offering, report, path);
    case 'wfs':
      return readWfs(offering, report, path, files);
    case 'geojson':
      return readGeojson(offering, report, path, files);
    case 'xyz':
    case 'tms':
      return readTiles(offering, properties.shards, report, path);
    default:
      return undefined;
  }
}

/** The offering of a layer, or undefined for kinds OWS Context has none for (their whole layer travels in the extension). */
export function writeOffering(layer: LayerDef): OwcOffering | undefined {
  switch (layer.type) {
    case 'wms':
      return writeWms(layer);
    case 'wmts':
      return writeWmts(layer);
    case 'wfs':
      return writeWfs(layer);
    case 'geojson':
      return writeGeojson(layer);
    case 'xyz':
      return writeXyz(layer);
    default:
      return undefined;
  }
}
