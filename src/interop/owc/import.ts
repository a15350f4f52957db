import { applyCarried, type Carried } from '../carry.js';
import { htmlToText, isRecord } from '../common.js';
import { IdRegistry, lastSegment, toId } from '../ids.js';
import { Report, type Conversion } from '../report.js';
import { isLonLatBbox, lonLatBboxView, type Bbox } from '../view-bbox.js';
import { EXTENSION_KEY, type CollectionExtension, type LayoutEntry, type OwcResource, type ResourceExtension } from './model.js';
import { readResource } from './resource.js';
import { NO_LINKED_FILES, type LinkedFiles } from '../linked-files.js';
import { withXmlParser } from '../sld/layer-style.js';
import type { XmlParser } from '../xml.js';

/**
 * OWS Context GeoJSON (OGC 14-055r2) → a Cartable map document. Resources become layers (their
 * first offering Cartable reads), folders become groups, the collection's bbox the view. A
 * document Cartable wrote carries, under "cartable:extension", what the standard has no field for
 * (popups, tables, search, access, styles…): it comes back exactly.
 */

export interface ImportOptions {
  /** The map's id (default: from the document's id). */
  readonly id?: string;
  /** Files the document points to (templates, SLD); default: none. */
  readonly linkedFiles?: LinkedFiles;
  /** Reads the SLD styles of vector offerings (default: none read). */
  readonly parseXml?: XmlParser;
}

const COLLECTION_KNOWN = new Set(['title', 'subtitle', 'abstract', 'description', 'lang', 'updated', 'categories', 'keywords', 'rights', 'links', 'bbox', EXTENSION_KEY]);
const BASEMAP_FOLDER = /^(base ?layers?|base ?maps?|backgrounds?|fonds?( de (plan|carte))?)$/i;
const WORLD: Bbox = [-180, -85, 180, 85];

const isLayout = (value: unknown): value is LayoutEntry[] =>
  Array.isArray(value) &&
  value.every((entry) => typeof entry === 'string' || (isRecord(entry) && isRecord(entry.group) && isLayout(entry.layers)));

/** The Cartable extension of the collection or a resource, its parts checked (a broken part is said and ignored). */
function readExtension<T extends Carried & { layout?: LayoutEntry[] }>(value: unknown, report: Report, path: string): T | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || value.version !== 1) {
    report.warning(path, `"${EXTENSION_KEY}" is not a version 1 Cartable extension: it is ignored`);
    return undefined;
  }
  const extension: Record<string, unknown> = { ...value };
  const broken = (key: string, what: string): void => {
    report.warning(`${path}/${key}`, `must be ${what}: ignored`);
    delete extension[key];
  };
  if (extension.keep !== undefined && !isRecord(extension.keep)) broken('keep', 'an object');
  if (extension.drop !== undefined && !(Array.isArray(extension.drop) && extension.drop.every((k) => typeof k === 'string'))) broken('drop', 'a list of property names');
  if (extension.layout !== undefined && !isLayout(extension.layout)) broken('layout', 'a list of resource ids and { group, layers } entries');
  return extension as unknown as T;
}

function boundsOf(geometry: unknown): Bbox | undefined {
  if (!isRecord(geometry)) return undefined;
  const points: number[][] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value) && typeof value[0] === 'number') points.push(value as number[]);
    else if (Array.isArray(value)) value.forEach(walk);
  };
  walk(geometry.coordinates);
  if (points.length === 0) return undefined;
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function union(boxes: Bbox[]): Bbox | undefined {
  if (!boxes.length) return undefined;
  return [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
}

/** The area of interest: the collection's bbox, else its geometry, else the union of its resources'. */
function readView(input: Record<string, unknown>, features: unknown[], report: Report): Record<string, unknown> {
  const candidates: Array<[unknown, string]> = [
    [input.bbox, '/bbox'],
    [isRecord(input.properties) ? input.properties.bbox : undefined, '/properties/bbox'],
    [boundsOf(input.geometry), '/geometry'],
  ];
  for (const [box, path] of candidates) {
    if (box === undefined) continue;
    if (isLonLatBbox(box)) return lonLatBboxView(box);
    report.warning(path, `the area ${JSON.stringify(box)} is not a lon/lat box (GeoJSON is in WGS 84 degrees): not used for the view`);
  }
  const boxes = features
    .filter(isRecord)
    .map((f) => (isLonLatBbox(f.bbox) ? (f.bbox as Bbox) : boundsOf(f.geometry)))
    .filter((b): b is Bbox => b !== undefined && isLonLatBbox(b));
  const all = union(boxes);
  if (all) {
    report.info('/bbox', 'no area of interest: the view fits the resources');
    return lonLatBboxView(all);
  }
  report.warning('/bbox', 'no area of interest: the view shows the whole world');
  return lonLatBboxView(WORLD);
}

function readTop(input: Record<string, unknown>, features: unknown[], report: Report, options: ImportOptions): Record<string, unknown> {
  const properties = isRecord(input.properties) ? input.properties : {};
  const idSource = options.id ?? (typeof input.id === 'string' ? lastSegment(input.id) : '');
  const id = toId(idSource, 'carte-importee');
  if (!options.id && id !== idSource) report.info('/id', `the document's id "${String(input.id ?? '')}" becomes the map id "${id}" (use --id to choose another)`);
  let title = typeof properties.title === 'string' ? properties.title.trim() : '';
  if (!title) {
    title = id;
    report.warning('/properties/title', `no title: the map is titled "${id}"`);
  }
  const top: Record<string, unknown> = { version: 1, id, title, view: readView(input, features, report) };
  const abstract = properties.subtitle ?? properties.abstract ?? properties.description;
  if (typeof abstract === 'string' && abstract.trim()) top.description = htmlToText(abstract);
  const tags = [
    ...(Array.isArray(properties.categories) ? properties.categories : []).map((c) => (isRecord(c) ? (c.label ?? c.term) : c)),
    ...(Array.isArray(properties.keywords) ? properties.keywords : []),
  ].filter((t): t is string => typeof t === 'string' && t.trim() !== '');
  if (tags.length) top.tags = tags;
  if (typeof properties.rights === 'string' && properties.rights.trim()) top.attributions = [properties.rights.trim()];
  const unknown = Object.keys(properties).filter((key) => !COLLECTION_KNOWN.has(key));
  if (unknown.length) report.info('/properties', `not converted (no Cartable equivalent): ${unknown.join(', ')}`);
  return top;
}

/**
 * A layer id for a resource: its id, or the last word of its URI path ("…/layers/ppr" → "ppr");
 * when the URI ends in a host or a file name ("http://nsidc.org/", "…/index.php"), its title.
 */
function resourceName(id: unknown, title: string, index: number): string {
  if (typeof id !== 'string' || !id) return toId(title, `couche-${index + 1}`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(id)) return lastSegment(id);
  let segment: string | undefined;
  try {
    segment = new URL(id).pathname.split('/').filter(Boolean).at(-1);
  } catch {
    segment = undefined;
  }
  if (segment && /^[A-Za-z0-9_-]+$/.test(segment)) return segment;
  return title ? toId(title, `couche-${index + 1}`) : lastSegment(id);
}

interface Entry {
  readonly node: Record<string, unknown>;
  readonly basemap: boolean;
  readonly folder?: string;
  readonly index: number;
}

export function importOwsContext(input: unknown, options: ImportOptions = {}): Conversion {
  const report = new Report();
  if (!isRecord(input) || input.type !== 'FeatureCollection') {
    const cartable = isRecord(input) && input.version === 1 && Array.isArray(input.layers);
    report.error('', `not an OWS Context GeoJSON document: expected an object with "type": "FeatureCollection"${cartable ? ' (this is a Cartable map document already: check it with "cartable validate")' : ''}`);
    return { report: report.items };
  }
  if (!Array.isArray(input.features)) {
    report.error('/features', 'an OWS Context document needs a "features" list (its resources)');
    return { report: report.items };
  }
  const features = input.features as unknown[];
  const properties = isRecord(input.properties) ? input.properties : {};
  const collectionExtension = readExtension<CollectionExtension>(properties[EXTENSION_KEY], report, `/properties/${EXTENSION_KEY}`);
  const document = applyCarried(readTop(input, features, report, options), collectionExtension);
  if (options.id) document.id = options.id;

  const files = withXmlParser(options.linkedFiles ?? NO_LINKED_FILES, options.parseXml);
  const ids = new IdRegistry();
  const entries = new Map<string, Entry>();
  features.forEach((feature, index) => {
    const path = `/features/${index}`;
    if (!isRecord(feature)) {
      report.error(path, 'a resource must be a GeoJSON Feature object: left out');
      return;
    }
    const resource = feature as unknown as OwcResource;
    const props = isRecord(resource.properties) ? resource.properties : {};
    const extension = readExtension<ResourceExtension>(props[EXTENSION_KEY], report, `${path}/properties/${EXTENSION_KEY}`);
    const key = typeof resource.id === 'string' && resource.id ? resource.id : `resource-${index + 1}`;
    // A Cartable extension is authoritative: what the standard reading says about the fields it overrides is noise.
    const standard = readResource(resource, extension ? new Report() : report, path, files);
    if (!standard && typeof extension?.keep?.type !== 'string') return;
    const fallbackTitle = typeof props.title === 'string' ? props.title : '';
    const rawId = resourceName(resource.id, fallbackTitle, index);
    const node = applyCarried({ id: ids.claim(rawId, `couche-${index + 1}`, report, `${path}/id`), ...(standard ?? {}) }, extension);
    if (node.title === undefined) {
      node.title = String(node.id);
      report.warning(`${path}/properties/title`, `no title: the layer is titled "${String(node.id)}"`);
    }
    const folder = typeof props.folder === 'string' ? props.folder : undefined;
    if (entries.has(key)) report.warning(`${path}/id`, `resource id "${key}" is used more than once: only the first is placed by the layout`);
    const entry: Entry = { node, index, basemap: extension ? extension.role === 'basemap' : false, ...(folder ? { folder } : {}) };
    entries.set(entries.has(key) ? `${key}#${index}` : key, entry);
  });

  const placed = new Set<string>();
  let layers: Record<string, unknown>[];
  if (collectionExtension?.layout) {
    const build = (layout: LayoutEntry[], path: string): Record<string, unknown>[] =>
      layout.flatMap((entry, i): Record<string, unknown>[] => {
        if (typeof entry === 'string') {
          const found = entries.get(entry);
          if (!found) {
            report.warning(`${path}/${i}`, `the layout names the resource "${entry}", which is not in the document (or could not be read)`);
            return [];
          }
          placed.add(entry);
          return [found.node];
        }
        return [{ ...entry.group, layers: build(entry.layers, `${path}/${i}/layers`) }];
      });
    layers = build(collectionExtension.layout, `/properties/${EXTENSION_KEY}/layout`);
  } else {
    layers = [];
  }
  const basemaps: Record<string, unknown>[] = [];
  const folders = new Map<string, Record<string, unknown>[]>();
  for (const [key, entry] of entries) {
    if (placed.has(key)) continue;
    if (entry.basemap) {
      basemaps.push(entry.node);
      continue;
    }
    const folder = entry.folder?.replace(/^\/+|\/+$/g, '');
    if (!collectionExtension?.layout && folder && BASEMAP_FOLDER.test(folder) && (entry.node.type === 'xyz' || entry.node.type === 'wmts')) {
      const { visible, ...basemap } = entry.node;
      if (visible === true && !basemaps.some((b) => b.active)) basemap.active = true;
      basemaps.push(basemap);
      report.info(`/features/${entry.index}`, `in the folder "${folder}": made a basemap`);
      continue;
    }
    if (collectionExtension?.layout) report.info(`/features/${entry.index}`, 'not in the layout: added at the top level');
    if (folder) {
      folderGroup(folder, folders, layers, ids, report).push(entry.node);
    } else {
      layers.push(entry.node);
    }
  }
  document.layers = layers;
  if (basemaps.length || !('basemaps' in document)) document.basemaps = basemaps;
  if (collectionExtension?.layout === undefined && layers.length === 0 && basemaps.length === 0) {
    report.warning('/features', 'no resource could be converted: the map has no layer');
  }
  return { document, report: report.items };
}

/**
 * The layer list of the group for a folder path ("a/b": group "b" inside group "a"), made on first
 * use; groups of the same path are shared.
 */
function folderGroup(
  folder: string,
  folders: Map<string, Record<string, unknown>[]>,
  top: Record<string, unknown>[],
  ids: IdRegistry,
  report: Report,
): Record<string, unknown>[] {
  const names = folder.split('/').filter(Boolean);
  let parent = top;
  names.forEach((name, i) => {
    const path = names.slice(0, i + 1).join('/');
    let list = folders.get(path);
    if (!list) {
      list = [];
      folders.set(path, list);
      const id = ids.claim(toId(names.slice(0, i + 1).join('-'), 'groupe'), 'groupe', report, `/folder/${path}`);
      parent.push({ type: 'group', id, title: name, layers: list });
    }
    parent = list;
  });
  return parent;
}
