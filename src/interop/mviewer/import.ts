import { isKnownProjection } from '../../proj/definitions.js';
import { IdRegistry, toId } from '../ids.js';
import { Report, type Conversion } from '../report.js';
import { attributeOf, booleanOf, childElement, childElements, localNameOf, numberOf, pathOf, type XmlParser } from '../xml.js';
import { withXmlParser } from '../sld/layer-style.js';
import { attributionText, HANDLED, list, unconverted, type Node } from './attributes.js';
import { geojsonLayer, vectorTilesLayer, wmsLayer, wmtsLayer } from './layers.js';
import { NO_LINKED_FILES, type LinkedFiles } from '../linked-files.js';

/**
 * An mviewer XML configuration → a Cartable map document: themes and groups become groups, WMS,
 * WMTS, GeoJSON and vector-tile layers become layers, baselayers basemaps, the IGN completion the
 * geocoder, fuse search settings layer search, inline Mustache templates records. JavaScript
 * custom layers, addons and every attribute with no Cartable meaning are listed with the reason.
 */

export interface MviewerImportOptions {
  readonly id?: string;
  /** Files the document points to (templates, SLD); default: none. */
  readonly linkedFiles?: LinkedFiles;
  /** Reads the SLD styles of GeoJSON layers (default: none read). */
  readonly parseXml?: XmlParser;
}

class MviewerReader {
  readonly report = new Report();

  constructor(private readonly linked: LinkedFiles = NO_LINKED_FILES) {}
  private readonly ids = new IdRegistry();

  readView(config: Element): Node {
    const options = childElement(config, 'mapoptions');
    const path = options ? pathOf(options) : '/config/mapoptions';
    const projection = attributeOf(options, 'projection') ?? 'EPSG:3857';
    const center = list(attributeOf(options, 'center')).map(Number);
    const zoom = numberOf(attributeOf(options, 'zoom'));
    const extent = list(attributeOf(options, 'extent')).map(Number);
    const view: Node = { projection, crs: projection };
    if (!isKnownProjection(projection)) {
      this.report.error(path, `projection "${projection}" is not one Cartable knows: the map is shown in Web Mercator over France`);
      return { projection: 'EPSG:3857', crs: 'EPSG:4326', center: [2.5, 46.5], zoom: 5 };
    }
    if (extent.length === 4 && extent.every(Number.isFinite)) view.extent = extent;
    else if (center.length === 2 && center.every(Number.isFinite)) {
      view.center = center;
      if (projection === 'EPSG:3857') view.zoom = zoom ?? 8;
      else {
        const projextent = list(attributeOf(options, 'projextent')).map(Number);
        if (projextent.length === 4 && zoom !== undefined) view.resolution = (projextent[2]! - projextent[0]!) / 256 / 2 ** zoom;
        else {
          view.scale = 250000;
          this.report.warning(path, 'no zoom with a "projextent" to turn it into a resolution: the map opens at 1:250 000');
        }
      }
    } else {
      this.report.warning(path, 'no centre nor extent: the map opens on France');
      return { projection: 'EPSG:3857', crs: 'EPSG:4326', center: [2.5, 46.5], zoom: 5 };
    }
    const maxZoom = numberOf(attributeOf(options, 'maxzoom'));
    if (projection === 'EPSG:3857' && maxZoom !== undefined && maxZoom >= 0 && maxZoom <= 30) view.maxZoom = maxZoom;
    if (options) unconverted(this.report, options, new Set(['projection', 'center', 'zoom', 'extent', 'projextent', 'maxzoom']));
    return view;
  }

  /** Baselayers: WMTS and OSM become basemaps; WMS ones (not a basemap kind in Cartable) become the bottom layers. */
  readBaselayers(config: Element): { basemaps: Node[]; bottomLayers: Node[] } {
    const basemaps: Node[] = [];
    const bottomLayers: Node[] = [];
    for (const element of childElements(childElement(config, 'baselayers') ?? config, 'baselayer')) {
      const path = pathOf(element);
      const type = (attributeOf(element, 'type') ?? '').toUpperCase();
      const title = attributeOf(element, 'label') ?? attributeOf(element, 'title') ?? attributeOf(element, 'id') ?? 'Fond de carte';
      const common: Node = { id: this.ids.claim(attributeOf(element, 'id') ?? '', `fond-${basemaps.length + 1}`, this.report, path), title };
      const attribution = attributionText(attributeOf(element, 'attribution'));
      if (attribution) common.attributions = [attribution];
      const opacity = numberOf(attributeOf(element, 'opacity'));
      if (opacity !== undefined && opacity >= 0 && opacity <= 1) common.opacity = opacity;
      const visible = booleanOf(attributeOf(element, 'visible')) === true;
      const url = attributeOf(element, 'url');
      if (url?.startsWith('http://')) this.report.warning(path, `${url} is served over plain http: browsers block it on an https site`);
      const handled = new Set(['type', 'id', 'label', 'title', 'attribution', 'opacity', 'visible', 'url', 'layers', 'format', 'style', 'matrixset', 'maxzoom', 'fromcapacity', 'thumbgallery', 'maxscale']);
      if (attributeOf(element, 'maxscale')) this.report.info(path, `maxscale ${attributeOf(element, 'maxscale')} is not converted: Cartable basemaps are limited by "maxZoom"`);
      if (type === 'WMTS' && url && attributeOf(element, 'layers')) {
        const basemap: Node = { type: 'wmts', ...common, url, layer: attributeOf(element, 'layers')!, ...(visible ? { active: true } : {}) };
        const matrixSet = attributeOf(element, 'matrixset');
        if (matrixSet) basemap.matrixSet = matrixSet;
        const format = attributeOf(element, 'format');
        if (format && /^image\//.test(format)) basemap.format = format;
        const style = attributeOf(element, 'style');
        if (style) basemap.style = style;
        const maxZoom = numberOf(attributeOf(element, 'maxzoom'));
        if (maxZoom !== undefined) basemap.maxZoom = Math.min(30, Math.max(0, Math.round(maxZoom)));
        if (booleanOf(attributeOf(element, 'fromcapacity')) || (matrixSet && matrixSet !== 'PM')) {
          basemap.capabilities = `${url}${url.includes('?') ? '&' : '?'}SERVICE=WMTS&REQUEST=GetCapabilities`;
        }
        this.thumbnail(element, basemap);
        basemaps.push(basemap);
      } else if (type === 'OSM' || type === 'XYZ') {
        const basemap: Node = { type: 'xyz', ...common, url: url ?? 'https://{a-c}.tile.openstreetmap.org/{z}/{x}/{y}.png', ...(visible ? { active: true } : {}) };
        if (!common.attributions) basemap.attributions = ['© les contributeurs d\u2019OpenStreetMap'];
        this.thumbnail(element, basemap);
        basemaps.push(basemap);
      } else if (type === 'WMS' && url && attributeOf(element, 'layers')) {
        const layer: Node = { type: 'wms', ...common, url, layers: attributeOf(element, 'layers')!, visible, queryable: false };
        const format = attributeOf(element, 'format');
        if (format && /^image\//.test(format)) layer.format = format;
        const style = attributeOf(element, 'style');
        if (style) layer.styles = style;
        this.report.warning(path, `WMS basemap "${title}": Cartable basemaps are XYZ or WMTS tiles, so it becomes the bottom layer of the list`);
        bottomLayers.push(layer);
      } else {
        this.report.warning(path, `basemap "${title}" of type "${type || 'none'}" is not converted: Cartable basemaps are WMTS, XYZ/OSM (and WMS as a layer)`);
        continue;
      }
      unconverted(this.report, element, handled);
    }
    if (basemaps.length && !basemaps.some((b) => b.active)) basemaps[0]!.active = true;
    return { basemaps, bottomLayers };
  }

  private thumbnail(element: Element, basemap: Node): void {
    const thumbnail = attributeOf(element, 'thumbgallery');
    if (thumbnail && /^https?:\/\//.test(thumbnail)) basemap.thumbnail = thumbnail;
    else if (thumbnail) this.report.info(pathOf(element), `thumbnail "${thumbnail}" is a path inside the mviewer application: not kept`);
  }

  readThemes(config: Element): Node[] {
    const themes = childElement(config, 'themes');
    if (!themes) {
      this.report.warning('/config', 'no <themes>: the map has no layers');
      return [];
    }
    return childElements(themes, 'theme').flatMap((theme) => this.readGroup(theme));
  }

  private readGroup(element: Element): Node[] {
    const path = pathOf(element);
    const title = attributeOf(element, 'name') ?? attributeOf(element, 'id') ?? 'Thème';
    if (localNameOf(element) === 'theme' && attributeOf(element, 'url')) {
      this.report.warning(path, `theme "${title}" loads another mviewer configuration (${attributeOf(element, 'url')}): not converted; import that file on its own`);
      return [];
    }
    const layers: Node[] = [];
    for (const child of childElements(element)) {
      const name = localNameOf(child);
      if (name === 'layer') layers.push(...this.readLayer(child));
      else if (name === 'group') layers.push(...this.readGroup(child));
      else this.report.warning(pathOf(child), `<${name}> is not part of an mviewer theme Cartable knows: not converted`);
    }
    const group: Node = {
      type: 'group',
      id: this.ids.claim(attributeOf(element, 'id') ?? toId(title, ''), 'groupe', this.report, path),
      title,
      expanded: booleanOf(attributeOf(element, 'collapsed')) !== true,
      layers,
    };
    unconverted(this.report, element, new Set(['id', 'name', 'collapsed', 'url', 'icon', 'layersvisibility', 'toggleallayersfromtheme']));
    return [group];
  }

  private readLayer(element: Element): Node[] {
    const path = pathOf(element);
    const attr = (name: string): string | undefined => attributeOf(element, name);
    const type = (attr('type') ?? 'wms').toLowerCase();
    const title = attr('name') ?? attr('id') ?? 'Couche';
    const url = attr('url');
    if (type === 'customlayer') {
      this.report.warning(path, `"${title}" is a JavaScript custom layer (${url ?? 'customlayers/' + (attr('id') ?? '') + '.js'}): its data and style live in code, so it is not converted; rebuild it as a geojson or wfs layer`);
      return [];
    }
    if (!url && type !== 'vector-tms' && type !== 'vectortiles') {
      this.report.error(path, `"${title}" has no url: not converted`);
      return [];
    }
    const layer: Node = { id: this.ids.claim(attr('id') ?? '', `couche`, this.report, path), title };
    const visible = booleanOf(attr('visible'));
    if (visible !== undefined) layer.visible = visible;
    const opacity = numberOf(attr('opacity'));
    if (opacity !== undefined && opacity >= 0 && opacity <= 1) layer.opacity = opacity;
    const minScale = numberOf(attr('scalemin'));
    const maxScale = numberOf(attr('scalemax'));
    if (minScale !== undefined && minScale > 0) layer.minScale = minScale;
    if (maxScale !== undefined && maxScale > 0) layer.maxScale = maxScale;
    const attribution = attributionText(attr('attribution'));
    if (attribution) layer.attributions = [attribution];
    const metadata = attr('metadata');
    if (metadata && /^https?:\/\//.test(metadata)) layer.info = { metadata };
    const legend = attr('legendurl');
    if (legend) layer.legend = { image: legend };

    let converted: Node | undefined;
    if (type === 'wms') converted = wmsLayer(this.report, element, layer, url!, this.linked);
    else if (type === 'wmts') converted = wmtsLayer(element, layer, url!);
    else if (type === 'geojson') converted = geojsonLayer(this.report, element, layer, url!, this.linked);
    else if (type === 'vector-tms' || type === 'vectortiles') converted = vectorTilesLayer(this.report, element, layer);
    else {
      const why: Record<string, string> = {
        kml: 'KML is not a layer kind Cartable draws (convert it to GeoJSON)',
        sensorthings: 'SensorThings streams are not a layer kind Cartable draws',
        import: 'file import by the reader is not a Cartable feature',
      };
      this.report.warning(path, `"${title}" of type "${type}" is not converted: ${why[type] ?? 'not a layer kind Cartable knows'}`);
      return [];
    }
    if (!converted) return [];
    unconverted(this.report, element, HANDLED);
    return [converted];
  }

  readSearch(config: Element): Node | undefined {
    const completion = childElement(config, 'olscompletion');
    const parameters = childElement(config, 'searchparameters');
    const localities = booleanOf(attributeOf(parameters, 'localities'));
    for (const elastic of childElements(config, 'elasticsearch')) {
      this.report.warning(pathOf(elastic), `Elasticsearch search (${attributeOf(elastic, 'url') ?? ''}) is not converted: Cartable searches its layers with its own index`);
    }
    if (parameters && booleanOf(attributeOf(parameters, 'bbox'))) this.report.info(pathOf(parameters), 'searching within the view only (bbox) is not converted');
    if (!completion || localities === false) return undefined;
    const url = attributeOf(completion, 'url') ?? '';
    if (/data\.geopf\.fr|geopf|ign\.fr/i.test(url)) {
      this.report.info(pathOf(completion), 'the IGN address search becomes the map\'s geocoder (the site\'s allowedOrigins must list https://data.geopf.fr for "data")');
      return { geocoder: true };
    }
    this.report.warning(pathOf(completion), `address search by ${url || 'an unknown service'} is not converted: Cartable's geocoder is the IGN Géoplateforme`);
    return undefined;
  }

  readRest(config: Element): void {
    for (const extension of childElements(childElement(config, 'extensions') ?? config, 'extension')) {
      this.report.warning(pathOf(extension), `addon "${attributeOf(extension, 'id') ?? '?'}" (${attributeOf(extension, 'type') ?? 'extension'}) is not converted: JavaScript extensions have no Cartable equivalent`);
    }
    const proxy = attributeOf(childElement(config, 'proxy'), 'url');
    if (proxy) this.report.info('/config/proxy', `proxy ${proxy}: set it in the site configuration ("proxy")`);
    const known = new Set(['application', 'mapoptions', 'baselayers', 'themes', 'olscompletion', 'searchparameters', 'elasticsearch', 'extensions', 'proxy']);
    for (const child of childElements(config)) {
      if (!known.has(localNameOf(child))) this.report.warning(pathOf(child), `<${localNameOf(child)}> is not converted: no Cartable equivalent`);
    }
  }
}

export function importMviewer(document: Document, options: MviewerImportOptions = {}): Conversion {
  const config = document.documentElement;
  const reader = new MviewerReader(withXmlParser(options.linkedFiles ?? NO_LINKED_FILES, options.parseXml));
  if (!config || localNameOf(config) !== 'config') {
    reader.report.error('/', `not an mviewer configuration: the root element is <${config ? localNameOf(config) : 'none'}>, expected <config>`);
    return { report: reader.report.items };
  }
  const application = childElement(config, 'application');
  let title = attributeOf(application, 'title');
  const id = options.id ?? toId(title ?? '', 'carte-mviewer');
  if (!title) {
    title = id;
    reader.report.warning('/config/application', `no title: the map is titled "${id}"`);
  }
  if (application) {
    const ignored = [...Array(application.attributes.length).keys()].map((i) => application.attributes[i]!.name).filter((n) => n !== 'title');
    if (ignored.length) reader.report.info(pathOf(application), `application settings not converted (tools and looks of mviewer): ${ignored.join(', ')}`);
  }
  const view = reader.readView(config);
  const { basemaps, bottomLayers } = reader.readBaselayers(config);
  const layers = [...reader.readThemes(config), ...bottomLayers];
  const search = reader.readSearch(config);
  reader.readRest(config);
  const document_: Node = { version: 1, id, title, view, basemaps, layers, ...(search ? { search } : {}) };
  return { document: document_, report: reader.report.items };
}
