/** The embed code a host page pastes (the share dialog's embed builder). Pure: no DOM. */
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
