import type VectorTileLayer from 'ol/layer/VectorTile.js';
import type { Requester } from '../../net/requester.js';
import { InvalidDataError } from '../problems.js';
import { refuseWebPage } from '../answer.js';
import { loadChunk } from '../../offline/load-chunk.js';

/**
 * A web-font template that fetches nothing: ol-mapbox-style otherwise loads the style's fonts from a
 * public CDN. Text then uses the fonts the device has.
 */
export const NO_WEBFONTS = 'data:text/css,';

/** A Mapbox/MapLibre style document, as far as Cartable reads it. */
export interface GlStyle {
  readonly version: number;
  readonly sources: Readonly<Record<string, { readonly type: string } & Record<string, unknown>>>;
  readonly layers: readonly { readonly id: string; readonly type: string; readonly source?: string }[];
}

/** What a style document is called where its problems are told. */
const GL_STYLE = 'Mapbox GL style';

/** Reads a style document through the requester and checks its shape (version 8, sources, layers). */
export async function fetchGlStyle(requester: Requester, url: string): Promise<GlStyle> {
  const response = await requester.fetch(url);
  refuseWebPage(response);
  let style: unknown;
  try {
    style = JSON.parse(await response.text()) as unknown;
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    throw new InvalidDataError(GL_STYLE, 'the style is not JSON');
  }
  return checkGlStyle(style);
}

export function checkGlStyle(style: unknown): GlStyle {
  const candidate = style as Partial<GlStyle> | null;
  if (!candidate || typeof candidate !== 'object') throw new InvalidDataError(GL_STYLE, 'the style is not an object');
  if (candidate.version !== 8) throw new InvalidDataError(GL_STYLE, 'the style must be version 8');
  if (!candidate.sources || typeof candidate.sources !== 'object') throw new InvalidDataError(GL_STYLE, 'the style has no sources');
  if (!Array.isArray(candidate.layers)) throw new InvalidDataError(GL_STYLE, 'the style has no layers');
  return candidate as GlStyle;
}

/** The vector source of a style to draw: the one named, else the first that a layer uses. */
export function vectorSourceOf(style: GlStyle, name?: string): string {
  if (name) {
    if (style.sources[name]?.type !== 'vector') throw new InvalidDataError(GL_STYLE, `the style has no vector source "${name}"`);
    return name;
  }
  const used = style.layers.find((l) => l.source && style.sources[l.source]?.type === 'vector')?.source;
  if (!used) throw new InvalidDataError(GL_STYLE, 'the style has no vector source');
  return used;
}

/**
 * Every request ol-mapbox-style makes (sprites, TileJSON, tiles) goes through the requester: auth
 * headers, proxies and test fixtures apply. Absolute style URLs resolve relative ones.
 */
export const transformRequestThrough = (requester: Requester) => (url: string): Promise<Response> => requester.fetch(url);

/**
 * Applies a style document to a vector tile layer with ol-mapbox-style, loaded only now (≈ 52 KB gzip):
 * maps without vector tiles never load it. With `updateSource: false` the layer keeps its own source.
 */
export async function applyGlStyle(
  layer: VectorTileLayer,
  style: GlStyle,
  options: { styleUrl: string; source: string; requester: Requester; webfonts?: string; updateSource: boolean },
): Promise<void> {
  const { applyStyle } = await loadChunk(import('ol-mapbox-style'));
  // ol-mapbox-style changes the style object it is given: give it its own copy.
  await applyStyle(layer, structuredClone(style) as never, {
    source: options.source,
    styleUrl: options.styleUrl,
    updateSource: options.updateSource,
    webfonts: options.webfonts ?? NO_WEBFONTS,
    transformRequest: transformRequestThrough(options.requester),
  } as never);
}
