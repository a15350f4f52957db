import { isImageUrl } from '../context/schema/image-url.js';

const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:']);
/** http(s) only: for images and other addresses that are loaded, not followed. */
export const WEB_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * A URL from a document or data, made safe for href/src: http(s), mailto and tel, or relative to
 * `base`. Anything else (javascript:, data:, vbscript:…) gives undefined.
 */
export function safeUrl(url: string | undefined, base: string | URL, schemes: ReadonlySet<string> = ALLOWED): string | undefined {
  if (!url) return undefined;
  try {
    const resolved = new URL(url.trim(), base);
    return schemes.has(resolved.protocol) ? resolved.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * An image a document names (a legend image), for src: only what the schema accepts (isImageUrl: http(s)
 * or relative, never "//host"), resolved against `base`. Checked again where it is shown, in case layers
 * reach the element without going through validation.
 */
export function safeImageUrl(url: string | undefined, base: string | URL): string | undefined {
  return url && isImageUrl(url) ? safeUrl(url, base, WEB_SCHEMES) : undefined;
}
