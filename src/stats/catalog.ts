/** The map documents of the project's maps/ folder, read for titles, access and layer links. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli/files.js';

export interface Text {
  readonly fr: string;
  readonly en: string;
}

export interface CatalogMap {
  readonly id: string;
  readonly title: Text;
  readonly restricted: boolean;
}

/** What a followed URL is: the layer (dataset) it belongs to, and the format of a download. */
export interface LinkInfo {
  readonly map: string;
  readonly layer: Text;
  readonly format?: string;
}

export interface Catalog {
  readonly maps: Map<string, CatalogMap>;
  readonly downloads: Map<string, LinkInfo>;
  readonly metadata: Map<string, LinkInfo>;
}

/** The last part of a URL's path ("" when it is not a URL). */
const fileNameOf = (url: string): string => {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    return '';
  }
};

/**
 * The catalog's download a followed URL is. A built site offers a packaged copy of a layer's file
 * under its name and a content hash (plugin/maps.ts: « site_geol.e3b0c44298.geojson »), while the
 * document names the original: the copy is found by its name without the hash, when one download
 * of the catalog has that name.
 */
export function findDownload(catalog: Catalog, url: string): LinkInfo | undefined {
  const exact = catalog.downloads.get(url);
  if (exact) return exact;
  const unhashed = fileNameOf(url).replace(/\.[0-9a-f]{10}(\.[^.]+)$/, '$1');
  if (!unhashed) return undefined;
  const named = [...catalog.downloads].filter(([source]) => fileNameOf(source) === unhashed);
  return named.length === 1 ? named[0]![1] : undefined;
}

const text = (value: unknown, fallback: string): Text => {
  if (typeof value === 'string') return { fr: value, en: value };
  if (value && typeof value === 'object') {
    const { fr, en } = value as { fr?: unknown; en?: unknown };
    const french = typeof fr === 'string' ? fr : typeof en === 'string' ? en : fallback;
    return { fr: french, en: typeof en === 'string' ? en : french };
  }
  return { fr: fallback, en: fallback };
};

interface RawLayer {
  id?: unknown;
  title?: unknown;
  layers?: unknown;
  info?: { metadata?: unknown; downloads?: Array<{ url?: unknown; format?: unknown }> };
}

/** Reads every *.json map document of the folder (files that are not map documents are skipped). */
export function readCatalog(folder: string): Catalog {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CliError(`stats: ${folder}: no such folder (the map documents, --maps)`, 2);
  const catalog: Catalog = { maps: new Map(), downloads: new Map(), metadata: new Map() };
  for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) {
    let document: { id?: unknown; title?: unknown; access?: { level?: unknown }; layers?: unknown };
    try {
      document = JSON.parse(readFileSync(join(folder, name), 'utf8'));
    } catch {
      continue;
    }
    if (typeof document?.id !== 'string' || !Array.isArray(document.layers)) continue;
    const map = document.id;
    catalog.maps.set(map, { id: map, title: text(document.title, map), restricted: document.access?.level === 'restricted' });
    const visit = (layers: unknown): void => {
      if (!Array.isArray(layers)) return;
      for (const layer of layers as RawLayer[]) {
        const title = text(layer.title, String(layer.id ?? ''));
        const metadata = layer.info?.metadata;
        if (typeof metadata === 'string' && !catalog.metadata.has(metadata)) catalog.metadata.set(metadata, { map, layer: title });
        for (const link of layer.info?.downloads ?? []) {
          if (typeof link.url !== 'string' || catalog.downloads.has(link.url)) continue;
          catalog.downloads.set(link.url, { map, layer: title, ...(typeof link.format === 'string' ? { format: link.format } : {}) });
        }
        visit(layer.layers);
      }
    };
    visit(document.layers);
  }
  return catalog;
}

/** A download's format when the catalog does not give it: the URL's file extension, upper case. */
export function extensionFormat(url: string): string {
  try {
    const match = /\.([a-z0-9]{1,8})$/i.exec(new URL(url).pathname);
    return match ? match[1]!.toUpperCase() : '?';
  } catch {
    return '?';
  }
}
