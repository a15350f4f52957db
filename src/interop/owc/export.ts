import type { BasemapDef, LayerDef, LayerNode, MapContext } from '../../context/types.js';
import { validateContext } from '../../context/validate.js';
import { carryDifferences } from '../carry.js';
import { plainText } from '../common.js';
import { Report, type ReportItem } from '../report.js';
import { viewToLonLatBbox } from '../view-bbox.js';
import { importOwsContext } from './import.js';
import {
  EXTENSION_KEY,
  OWC_PROFILE,
  type CollectionExtension,
  type LayoutEntry,
  type OwcCollection,
  type OwcResource,
  type ResourceExtension,
} from './model.js';
import { readResource, writeResource } from './resource.js';

/**
 * A validated Cartable map → OWS Context GeoJSON (OGC 14-055r2). Every layer and basemap is a
 * resource with its offering (WMS, WMTS, WFS, GeoJSON, XYZ); groups are folders. What the standard
 * fields do not give back — worked out by reading each resource back — travels under
 * "cartable:extension", so importing the export gives back the same document.
 */

export interface ExportOptions {
  /** The "updated" date-time written on the collection and its resources (default: now). */
  readonly updated?: string;
}

export interface OwcExport {
  readonly document: OwcCollection;
  readonly report: readonly ReportItem[];
}

/** A one-layer document, validated, so defaults are filled in as they would be in the real import. */
function withDefaults(node: Record<string, unknown>, basemap: boolean): Record<string, unknown> {
  const probe = { version: 1, id: 'probe', title: 'probe', view: { center: [0, 0], zoom: 1 }, layers: basemap ? [] : [node], basemaps: basemap ? [node] : [] };
  const result = validateContext(probe);
  if (!result.ok) return node;
  return (basemap ? result.value.basemaps[0] : result.value.layers[0]) as unknown as Record<string, unknown>;
}

function resourceFor(
  layer: LayerDef | BasemapDef,
  folder: string | undefined,
  updated: string,
  role: 'basemap' | undefined,
  report: Report,
): OwcResource {
  const resource = writeResource(layer as LayerDef, folder, updated);
  // A basemap is "active" when it is the one shown, not when it could be.
  if (role === 'basemap') resource.properties.active = 'active' in layer && layer.active === true;
  // Read the standard fields back as an import would, and carry what they do not give back.
  const rebuilt = readResource(resource, new Report(), '');
  const standard = rebuilt ? withDefaults({ id: layer.id, ...rebuilt }, role === 'basemap') : { id: layer.id };
  const carried = carryDifferences(layer as unknown as Record<string, unknown>, standard);
  const extension: ResourceExtension = { version: 1, ...(role ? { role } : {}), ...carried };
  resource.properties[EXTENSION_KEY] = extension;
  if (!rebuilt && layer.type !== 'empty') {
    report.info(`/layers/${layer.id}`, `a "${layer.type}" layer has no OWS Context offering: it travels in the Cartable extension only (other readers see it without data)`);
  }
  return resource;
}

export function exportOwsContext(context: MapContext, options: ExportOptions = {}): OwcExport {
  const report = new Report();
  const updated = options.updated ?? new Date().toISOString();
  const features: OwcResource[] = [];

  const layoutOf = (nodes: readonly LayerNode[], folder: string | undefined): LayoutEntry[] =>
    nodes.map((node): LayoutEntry => {
      if (node.type === 'group') {
        const { layers, ...group } = node;
        const title = plainText(node.title) ?? node.id;
        return { group: group as unknown as Record<string, unknown>, layers: layoutOf(layers, folder ? `${folder}/${title}` : title) };
      }
      features.push(resourceFor(node, folder, updated, undefined, report));
      return node.id;
    });
  const layout = layoutOf(context.layers, undefined);
  for (const basemap of context.basemaps) features.push(resourceFor(basemap as BasemapDef, 'Basemaps', updated, 'basemap', report));

  const bbox = viewToLonLatBbox(context.view);
  if (!bbox) report.warning('/view', 'the view could not be turned into a lon/lat area: the OWS Context has no bbox');
  const properties: Record<string, unknown> = {
    lang: typeof context.title === 'object' && !('fr' in context.title) ? Object.keys(context.title)[0] : 'fr',
    title: plainText(context.title) ?? context.id,
    updated,
    links: { profiles: [{ href: OWC_PROFILE, title: 'This file is compliant with version 1.0 of OGC Context' }] },
  };
  const description = plainText(context.description);
  if (description) properties.subtitle = description;
  const keywords = context.tags.map(plainText).filter((t): t is string => Boolean(t));
  if (keywords.length) properties.categories = keywords.map((term) => ({ term }));
  const rights = context.attributions.map(plainText).filter(Boolean).join(' ; ');
  if (rights) properties.rights = rights;

  const collection: OwcCollection = { type: 'FeatureCollection', id: context.id, ...(bbox ? { bbox } : {}), properties, features };
  // The top-level fields, read back with no extension, against the document.
  const plain = importOwsContext({ ...collection, features: [] }, { id: context.id }).document ?? {};
  const probe = validateContext({ ...plain, layers: [], basemaps: [] });
  const rebuiltTop = probe.ok ? (probe.value as unknown as Record<string, unknown>) : plain;
  const { layers: _layers, basemaps: _basemaps, ...top } = context as unknown as Record<string, unknown>;
  const { layers: _l, basemaps: _b, ...rebuiltRest } = rebuiltTop;
  const extension: CollectionExtension = { version: 1, ...carryDifferences(top, rebuiltRest), layout };
  properties[EXTENSION_KEY] = extension;
  return { document: collection, report: report.items };
}
