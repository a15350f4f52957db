const ALLOWED = new Set(['http:', 'https:', 'mailto:', 'tel:']);

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
