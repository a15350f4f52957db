/** The embed code a host page pastes (the share dialog's embed builder). Pure: no DOM. */
import { writeEmbed, type EmbedControls } from './params.js';

export interface IframeOptions {
  readonly src: string;
  readonly title: string;
  /** Fixed size in CSS pixels; none: responsive (the host's full width, `height` tall, default 450). */
  readonly width?: number;
  readonly height?: number;
}

const attr = (text: string): string => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML a host page pastes: titled, lazy, allowed full screen and geolocation. */
export function iframeCode({ src, title, width, height = 450 }: IframeOptions): string {
  const size = width ? `width="${Math.round(width)}" height="${Math.round(height)}" style="border:0"` : `width="100%" height="${Math.round(height)}" style="border:0;width:100%"`;
  return `<iframe src="${attr(src)}" title="${attr(title)}" ${size} loading="lazy" allow="fullscreen; geolocation" allowfullscreen></iframe>`;
}

/** What the author chooses in the embed builder: nothing else of the author's page goes into the embed. */
export interface EmbedChoice {
  readonly controls: EmbedControls;
  /** The author's current view (centre and zoom), or the document's. */
  readonly keepView: boolean;
  /** The layer list opens on arrival (when the embed shows it). */
  readonly openPanel: boolean;
  /** The embed's language. */
  readonly language: string;
}

/** Parameters that say which map shows and with which layers and basemap: the map itself, kept. */
const MAP_PARAMS = new Set(['map', 'context', 'service_url', 'service_type', 'layer_name', 'add', 'l', 'bm']);
/** The view of a permalink (see state/permalink-read.ts). */
const VIEW_PARAMS = new Set(['c', 'z', 'r']);

/**
 * The URL an embed opens: the map of the author's page (its layers and basemap, its view when kept)
 * in embed mode with the chosen controls. The state of the author's screen (open panel, record,
 * table and its filters, language) stays out: the embed opens as the author chose in the builder.
 */
export function embedUrl(page: URL, choice: EmbedChoice): URL {
  const next = new URL(page.pathname, page.origin);
  for (const [key, value] of page.searchParams) {
    if (MAP_PARAMS.has(key) || (choice.keepView && VIEW_PARAMS.has(key))) next.searchParams.append(key, value);
  }
  if (choice.openPanel && choice.controls.layers) next.searchParams.set('panel', '1');
  next.searchParams.set('lang', choice.language);
  return writeEmbed(next, choice.controls);
}
