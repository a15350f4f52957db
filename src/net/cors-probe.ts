/**
 * fetch() rejects with the same TypeError (« Failed to fetch ») for a dead server and for a CORS
 * refusal. A no-cors request gets an opaque answer from any server that answers: if it gets one, the
 * server is there and the browser refused to let the page read it. Same-origin requests are never
 * refused by CORS: they are not probed.
 */

const isCrossOrigin = (url: string): boolean => {
  try {
    const target = new URL(url, globalThis.location?.href);
    return /^https?:$/.test(target.protocol) && target.origin !== globalThis.location?.origin;
  } catch {
    return false;
  }
};

/** Whether the server of `url` answers a HEAD request the page may not read (no headers, no credentials). */
export async function answersWithoutCors(url: string, doFetch: typeof fetch, timeout: number): Promise<boolean> {
  if (!isCrossOrigin(url)) return false;
  try {
    await doFetch(url, { method: 'HEAD', mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(timeout) });
    return true;
  } catch {
    return false;
  }
}
