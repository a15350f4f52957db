import type { LayerDef, LocalizedText } from '../../context/types.js';
import { htmlToText, isRecord, plainText } from '../common.js';
import type { Report } from '../report.js';
import { EXTENSION_KEY, offeringKind, type OwcLink, type OwcOffering, type OwcResource } from './model.js';
import { NO_LINKED_FILES } from '../linked-files.js';
import type { StyleFiles } from '../sld/layer-style.js';
import { READABLE_OFFERINGS, readOffering, whyUnreadable, writeOffering } from './offerings.js';

/** Properties of a resource this converter reads or writes; the others are named in the report. */
const KNOWN = new Set([
  'title', 'abstract', 'active', 'opacity', 'folder', 'minscaledenominator', 'maxscaledenominator', 'minScaleDenominator',
  'maxScaleDenominator', 'rights', 'links', 'offerings', 'updated', 'shards', EXTENSION_KEY,
]);

/** OWS Context GeoJSON groups links by relation ({ via: [...] }); some writers list them ({ rel, href }). */
export function linksByRelation(links: unknown): Record<string, OwcLink[]> {
  const out: Record<string, OwcLink[]> = {};
  const add = (rel: string, link: unknown): void => {
    if (isRecord(link) && typeof link.href === 'string') (out[rel] ??= []).push(link as OwcLink);
  };
  if (Array.isArray(links)) for (const link of links) add(isRecord(link) && typeof link.rel === 'string' ? link.rel : 'related', link);
  else if (isRecord(links)) for (const [rel, list] of Object.entries(links)) if (Array.isArray(list)) list.forEach((l) => add(rel, l));
  return out;
}

const positiveNumber = (value: unknown): number | undefined => (typeof value === 'number' && value > 0 ? value : typeof value === 'string' && Number(value) > 0 ? Number(value) : undefined);

/**
 * The standard fields of one resource read into a Cartable layer (without its id, which the caller
 * hands out). Undefined, with the reason in the report, when no offering can be read.
 */
export function readResource(resource: OwcResource, report: Report, path: string, files: StyleFiles = NO_LINKED_FILES): Record<string, unknown> | undefined {
  const properties = isRecord(resource.properties) ? resource.properties : {};
  const offerings = (Array.isArray(properties.offerings) ? properties.offerings : []).filter(isRecord) as OwcOffering[];
  const title = typeof properties.title === 'string' && properties.title.trim() ? properties.title.trim() : undefined;

  const ordered = [...offerings].sort(
    (a, b) => rank(offeringKind(a.code)) - rank(offeringKind(b.code)),
  );
  let part: Record<string, unknown> | undefined;
  let used: OwcOffering | undefined;
  for (const offering of ordered) {
    if (!READABLE_OFFERINGS.includes(offeringKind(offering.code) as (typeof READABLE_OFFERINGS)[number])) continue;
    part = readOffering(offering, properties, report, `${path}/properties/offerings/${offerings.indexOf(offering)}`, files);
    if (part) {
      used = offering;
      break;
    }
  }
  for (const offering of offerings) {
    if (offering === used) continue;
    const at = `${path}/properties/offerings/${offerings.indexOf(offering)}`;
    if (!READABLE_OFFERINGS.includes(offeringKind(offering.code) as (typeof READABLE_OFFERINGS)[number])) {
      report.warning(at, `not converted: ${whyUnreadable(offering.code)}`);
    } else if (used) {
      report.info(at, `another way to get the same data (${offeringKind(offering.code)}): the ${offeringKind(used.code)} offering is used`);
    }
  }

  const layer: Record<string, unknown> = { ...(part ?? {}) };
  if (title) layer.title = title;
  if (typeof properties.active === 'boolean') layer.visible = properties.active;
  if (typeof properties.opacity === 'number' && properties.opacity >= 0 && properties.opacity <= 1) layer.opacity = properties.opacity;
  const minScale = positiveNumber(properties.minscaledenominator ?? properties.minScaleDenominator);
  const maxScale = positiveNumber(properties.maxscaledenominator ?? properties.maxScaleDenominator);
  if (minScale !== undefined) layer.minScale = minScale;
  if (maxScale !== undefined) layer.maxScale = maxScale;
  if (typeof properties.rights === 'string' && properties.rights.trim()) layer.attributions = [properties.rights.trim()];

  const info: Record<string, unknown> = {};
  if (typeof properties.abstract === 'string' && properties.abstract.trim()) info.description = htmlToText(properties.abstract);
  const links = linksByRelation(properties.links);
  const via = links.via?.[0]?.href;
  if (via) info.metadata = via;
  const downloads = (links.data ?? []).map((link) => ({
    title: link.title ?? link.href!,
    url: link.href!,
    ...(link.type ? { format: link.type } : {}),
  }));
  if (downloads.length) info.downloads = downloads;
  if (Object.keys(info).length) layer.info = info;

  const unknown = Object.keys(properties).filter((key) => !KNOWN.has(key));
  if (unknown.length) report.info(`${path}/properties`, `not converted (no Cartable equivalent): ${unknown.join(', ')}`);
  if (!part) {
    const name = title ? `"${title}"` : 'the resource';
    report.warning(path, offerings.length ? `${name} is left out: none of its offerings can be converted` : `${name} is left out: it has no offering (no way to get its data)`);
  }
  return part ? layer : undefined;
}

const rank = (kind: string | undefined): number => {
  const index = READABLE_OFFERINGS.indexOf(kind as (typeof READABLE_OFFERINGS)[number]);
  return index < 0 ? READABLE_OFFERINGS.length : index;
};

/** A layer's OWS Context resource with its standard fields only (the caller adds the extension). */
export function writeResource(layer: LayerDef | { type: 'empty'; id: string; title: LocalizedText }, folder: string | undefined, updated: string): OwcResource {
  const properties: Record<string, unknown> = { title: plainText(layer.title) ?? layer.id, updated };
  if (layer.type !== 'empty') {
    const description = plainText(layer.info?.description);
    if (description) properties.abstract = description;
    properties.active = layer.visible;
    if (layer.opacity !== 1) properties.opacity = layer.opacity;
    if (layer.minScale !== undefined) properties.minscaledenominator = layer.minScale;
    if (layer.maxScale !== undefined) properties.maxscaledenominator = layer.maxScale;
    const rights = layer.attributions.map(plainText).filter(Boolean).join(' ; ');
    if (rights) properties.rights = rights;
    const links: Record<string, OwcLink[]> = {};
    if (layer.info?.metadata) links.via = [{ href: layer.info.metadata, rel: 'via', type: 'text/html', title: 'metadata' }];
    if (layer.info?.downloads.length) {
      links.data = layer.info.downloads.map((d) => ({ href: d.url, title: plainText(d.title), ...(d.format ? { type: d.format } : {}) }));
    }
    if (Object.keys(links).length) properties.links = links;
    const offering = writeOffering(layer);
    properties.offerings = offering ? [offering] : [];
  } else {
    properties.offerings = [];
  }
  if (folder) properties.folder = folder;
  return { type: 'Feature', id: layer.id, geometry: null, properties };
}
