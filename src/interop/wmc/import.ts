import { isKnownProjection } from '../../proj/definitions.js';
import { IdRegistry, toId } from '../ids.js';
import { crsCode } from '../owc/offerings.js';
import { Report, type Conversion } from '../report.js';
import { attributeOf, booleanOf, childElement, childElements, hrefOf, localNameOf, numberOf, pathOf, textOf } from '../xml.js';
import type { LinkedFiles } from '../linked-files.js';

/**
 * Web Map Context 1.1 (and 1.0) → a Cartable map document: the bounding box and its SRS become the
 * view (drawn in that projection when Cartable knows it), each WMS layer a layer with its current
 * style and format, hidden layers switched off, OpenLayers' opacity and single-tile extensions read.
 * WMC lists layers from the bottom up; Cartable lists them from the top: the order is reversed.
 */

export interface WmcImportOptions {
  readonly id?: string;
  /** Files the document points to (templates, SLD); default: none. */
  readonly linkedFiles?: LinkedFiles;
}

type Node = Record<string, unknown>;

/** The parts of a WMC layer this converter reads. */
const LAYER_PARTS = new Set(['Server', 'Name', 'Title', 'Abstract', 'MetadataURL', 'FormatList', 'StyleList', 'MinScaleDenominator', 'MaxScaleDenominator', 'DimensionList', 'Extension']);
const GENERAL_PARTS = new Set(['Window', 'BoundingBox', 'Title', 'Abstract', 'KeywordList', 'LogoURL', 'ContactInformation']);

/** OpenLayers' WMC extensions Cartable reads or knows it has no use for. */
const OL_EXTENSIONS_READ = new Set(['opacity', 'singleTile', 'transparent', 'tileSize']);
const OL_EXTENSIONS_MOOT = new Set(['maxExtent', 'numZoomLevels', 'units', 'isBaseLayer', 'displayInLayerSwitcher', 'resolutions', 'maxResolution', 'minResolution']);

function readView(general: Element | undefined, report: Report): Node {
  const box = childElement(general ?? ({ childNodes: [] } as unknown as Element), 'BoundingBox');
  const path = box ? pathOf(box) : '/ViewContext/General/BoundingBox';
  const srs = attributeOf(box, 'SRS');
  const extent = ['minx', 'miny', 'maxx', 'maxy'].map((k) => numberOf(attributeOf(box, k)));
  if (!box || extent.some((v) => v === undefined)) {
    report.warning(path, 'no usable BoundingBox: the map opens on France');
    return { projection: 'EPSG:3857', crs: 'EPSG:4326', center: [2.5, 46.5], zoom: 5 };
  }
  const code = crsCode(srs) ?? srs ?? 'EPSG:4326';
  if (!isKnownProjection(code)) {
    report.error(path, `SRS "${srs ?? ''}" is not a projection Cartable knows: the map opens on France in Web Mercator`);
    return { projection: 'EPSG:3857', crs: 'EPSG:4326', center: [2.5, 46.5], zoom: 5 };
  }
  const [minx, miny, maxx, maxy] = extent as number[];
  if (minx! >= maxx! || miny! >= maxy!) {
    report.error(path, 'the BoundingBox has its minimum above its maximum: the map opens on France');
    return { projection: 'EPSG:3857', crs: 'EPSG:4326', center: [2.5, 46.5], zoom: 5 };
  }
  // A lon/lat map is drawn in Web Mercator (as most viewers do); projected ones in their own projection.
  const projection = code === 'EPSG:4326' || code === 'CRS:84' ? 'EPSG:3857' : code;
  return { projection, crs: code, extent: [minx, miny, maxx, maxy] };
}

function readExtensions(extension: Element | undefined, layer: Node, report: Report, path: string): void {
  if (!extension) return;
  const moot: string[] = [];
  for (const element of childElements(extension)) {
    const name = localNameOf(element);
    const value = textOf(element);
    if (name === 'opacity') {
      const opacity = numberOf(value);
      if (opacity !== undefined && opacity >= 0 && opacity <= 1) layer.opacity = opacity;
    } else if (name === 'singleTile') {
      const single = booleanOf(value);
      if (single !== undefined) layer.tiled = !single;
    } else if (name === 'transparent') {
      const transparent = booleanOf(value);
      if (transparent !== undefined) layer.transparent = transparent;
    } else if (name === 'tileSize') {
      const size = numberOf(attributeOf(element, 'width'));
      if (size !== undefined && size >= 64 && size <= 2048) layer.tileSize = size;
    } else if (OL_EXTENSIONS_MOOT.has(name)) moot.push(name);
    else if (!OL_EXTENSIONS_READ.has(name)) report.warning(`${path}/Extension/${name}`, `extension <${element.nodeName}> is not converted: unknown to Cartable`);
  }
  if (moot.length) report.info(`${path}/Extension`, `OpenLayers settings with no use in Cartable: ${moot.join(', ')}`);
}

function readLayer(element: Element, ids: IdRegistry, report: Report): Node | undefined {
  const path = pathOf(element);
  const server = childElement(element, 'Server');
  const service = attributeOf(server, 'service') ?? 'OGC:WMS';
  const name = textOf(childElement(element, 'Name'));
  const title = textOf(childElement(element, 'Title')) ?? name;
  if (!/WMS/i.test(service)) {
    report.warning(path, `layer "${title ?? '?'}" is served by ${service}: only WMS layers are converted`);
    return undefined;
  }
  const url = hrefOf(childElement(server ?? element, 'OnlineResource'));
  if (!url || !name) {
    report.error(path, `layer "${title ?? '?'}" has no ${url ? 'Name' : 'server address (OnlineResource)'}: not converted`);
    return undefined;
  }
  const layer: Node = { type: 'wms', id: ids.claim(name, 'couche', report, path), title: title!, url, layers: name };
  const version = attributeOf(server, 'version');
  if (version === '1.3.0' || version === '1.1.1') layer.version = version;
  else if (version) {
    layer.version = '1.1.1';
    report.info(path, `WMS version ${version} is asked as 1.1.1`);
  }
  if (booleanOf(attributeOf(element, 'hidden'))) layer.visible = false;
  const queryable = booleanOf(attributeOf(element, 'queryable'));
  if (queryable !== undefined) layer.queryable = queryable;
  const abstract = textOf(childElement(element, 'Abstract'));
  const metadata = hrefOf(childElement(childElement(element, 'MetadataURL') ?? element, 'OnlineResource'));
  const info: Node = {};
  if (abstract) info.description = abstract;
  if (metadata && /^https?:\/\//.test(metadata)) info.metadata = metadata;
  if (Object.keys(info).length) layer.info = info;

  const formats = childElements(childElement(element, 'FormatList') ?? element, 'Format');
  const format = (formats.find((f) => booleanOf(attributeOf(f, 'current'))) ?? formats[0]);
  const formatText = textOf(format);
  if (formatText && /^image\//.test(formatText)) layer.format = formatText;
  else if (formatText) report.warning(path, `format "${formatText}" is not an image format: image/png is asked`);

  const styles = childElements(childElement(element, 'StyleList') ?? element, 'Style');
  const style = styles.find((s) => booleanOf(attributeOf(s, 'current'))) ?? (styles.length === 1 ? styles[0] : undefined);
  const styleName = textOf(childElement(style ?? element, 'Name'));
  if (style && childElement(style, 'SLD')) report.warning(path, 'the style is an SLD document or link: not converted, the default style is asked');
  else if (styleName) layer.styles = styleName;
  if (styles.length > 1) {
    const others = styles.filter((s) => s !== style).map((s) => textOf(childElement(s, 'Name'))).filter(Boolean);
    report.info(path, `${styles.length} styles offered: Cartable shows ${styleName ? `"${styleName}"` : 'the default'} (not kept: ${others.join(', ')})`);
  }
  const legend = hrefOf(childElement(childElement(style ?? element, 'LegendURL') ?? element, 'OnlineResource'));
  if (legend) layer.legend = { image: legend };

  const minScale = numberOf(textOf(childElement(element, 'MinScaleDenominator')));
  const maxScale = numberOf(textOf(childElement(element, 'MaxScaleDenominator')));
  if (minScale !== undefined && minScale > 0) layer.minScale = minScale;
  if (maxScale !== undefined && maxScale > 0) layer.maxScale = maxScale;
  const dimensions = childElements(childElement(element, 'DimensionList') ?? element, 'Dimension');
  const params: Record<string, string> = {};
  for (const dimension of dimensions) {
    const dimensionName = attributeOf(dimension, 'name')?.toUpperCase();
    const value = attributeOf(dimension, 'default') ?? textOf(dimension);
    if (dimensionName && value) params[dimensionName === 'TIME' || dimensionName === 'ELEVATION' ? dimensionName : `DIM_${dimensionName}`] = value;
  }
  if (Object.keys(params).length) layer.params = params;
  readExtensions(childElement(element, 'Extension'), layer, report, path);
  const unknown = childElements(element).map(localNameOf).filter((name) => !LAYER_PARTS.has(name));
  if (unknown.length) report.info(path, `not converted: ${[...new Set(unknown)].map((n) => `<${n}>`).join(', ')}`);
  return layer;
}

export function importWmc(document: Document, options: WmcImportOptions = {}): Conversion {
  const report = new Report();
  const root = document.documentElement;
  if (!root || localNameOf(root) !== 'ViewContext') {
    report.error('/', `not a Web Map Context: the root element is <${root ? localNameOf(root) : 'none'}>, expected <ViewContext>`);
    return { report: report.items };
  }
  const version = attributeOf(root, 'version');
  if (version && !/^1\.[01]/.test(version)) report.warning('/ViewContext', `WMC version ${version}: read as 1.1`);
  const general = childElement(root, 'General');
  const rawId = options.id ?? attributeOf(root, 'id') ?? '';
  const id = toId(rawId, 'carte-wmc');
  if (!options.id && id !== rawId) report.info('/ViewContext', `the context id "${rawId}" becomes the map id "${id}" (use --id to choose another)`);
  let title = textOf(childElement(general ?? root, 'Title'));
  if (!title) {
    title = id;
    report.warning('/ViewContext/General/Title', `no title: the map is titled "${id}"`);
  }
  const doc: Node = { version: 1, id, title, view: readView(general, report), basemaps: [] };
  const abstract = textOf(childElement(general ?? root, 'Abstract'));
  if (abstract) doc.description = abstract;
  const keywords = childElements(childElement(general ?? root, 'KeywordList') ?? root, 'Keyword').map(textOf).filter((k): k is string => Boolean(k));
  if (keywords.length) doc.tags = keywords;
  if (general && childElement(general, 'LogoURL')) report.info('/ViewContext/General/LogoURL', 'the logo is a site setting in Cartable ("logo"): not converted');
  if (general && childElement(general, 'ContactInformation')) report.info('/ViewContext/General/ContactInformation', 'contact information is a site setting in Cartable ("contact"): not converted');

  const unknown = general ? childElements(general).map(localNameOf).filter((name) => !GENERAL_PARTS.has(name)) : [];
  if (unknown.length) report.info('/ViewContext/General', `not converted: ${[...new Set(unknown)].map((n) => `<${n}>`).join(', ')}`);
  const ids = new IdRegistry();
  const layerList = childElement(root, 'LayerList');
  const elements = layerList ? childElements(layerList, 'Layer') : [];
  if (elements.length === 0) report.warning('/ViewContext/LayerList', 'no layer in the context');
  doc.layers = elements
    .map((element) => readLayer(element, ids, report))
    .filter((layer): layer is Node => layer !== undefined)
    .reverse();
  return { document: doc, report: report.items };
}
