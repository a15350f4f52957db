/**
 * OGC request URLs (GetMap, GetTile, GetFeature…): split into the service endpoint and the request
 * parameters, and built back. The endpoint keeps its own query text untouched (fixed parameters
 * such as "?map=nature.map"), so a URL read and written again is the same text.
 */

export interface OgcRequest {
  /** The endpoint: the URL without the parameters that were taken out. */
  readonly url: string;
  /** The parameters taken out, keyed in upper case, values decoded. */
  readonly params: Readonly<Record<string, string>>;
}

const decodePart = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
};

/**
 * Takes the parameters `take` says to take (by upper-case key) out of `href`; the rest of its text
 * stays in `url` as it was written.
 */
export function splitOgcUrl(href: string, take: (key: string) => boolean): OgcRequest {
  const question = href.indexOf('?');
  if (question < 0) return { url: href, params: {} };
  const kept: string[] = [];
  const params: Record<string, string> = {};
  for (const pair of href.slice(question + 1).split('&')) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const key = decodePart(equals < 0 ? pair : pair.slice(0, equals)).toUpperCase();
    if (take(key)) params[key] = equals < 0 ? '' : decodePart(pair.slice(equals + 1));
    else kept.push(pair);
  }
  return { url: kept.length ? `${href.slice(0, question)}?${kept.join('&')}` : href.slice(0, question), params };
}

/** Characters left as they are in parameter values, for readable URLs. */
const encodeValue = (value: string): string => encodeURIComponent(value).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/');

/** The endpoint with parameters appended ("?" or "&" as the URL needs). */
export function buildOgcUrl(url: string, params: ReadonlyArray<readonly [string, string | number | boolean | undefined]>): string {
  const query = params
    .filter((entry): entry is readonly [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeValue(String(value))}`)
    .join('&');
  if (!query) return url;
  const joiner = !url.includes('?') ? '?' : url.endsWith('?') || url.endsWith('&') ? '' : '&';
  return `${url}${joiner}${query}`;
}
