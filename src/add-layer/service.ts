/**
 * From an address a person pasted (a GetCapabilities URL or a bare endpoint) to what the service
 * offers: the capabilities are asked through the requester, for the service the address names, the
 * one the person picked, or each of WMS, WMTS and WFS in turn.
 */
import { RequestError, type Requester } from '../net/requester.js';
import { CapabilitiesError, readCapabilities, type ServiceCapabilities, type ServiceType } from '../ogc/capabilities.js';
import { decodeXml } from '../ogc/xml.js';

/** The request parameters of OGC KVP requests: removed from an endpoint, so each request sets its own. */
const OGC_PARAMS = new Set(['service', 'request', 'version', 'acceptversions', 'sections', 'layers', 'layer', 'typename', 'typenames']);

/** A service as found: its endpoint (the pasted address without OGC request parameters) and capabilities. */
export interface FoundService {
  readonly endpoint: string;
  readonly capabilitiesUrl: string;
  readonly capabilities: ServiceCapabilities;
}

/** The address cannot be read as an http(s) URL. */
export class AddressError extends Error {}

/** Parses an address; a missing scheme means https. */
export function parseAddress(address: string): URL {
  const trimmed = address.trim();
  if (!trimmed) throw new AddressError('empty');
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    throw new AddressError(trimmed);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new AddressError(trimmed);
  return url;
}

/** The endpoint of a service address: OGC request parameters removed, vendor ones (map=…) kept. */
export function endpointOf(url: URL): string {
  const next = new URL(url);
  next.hash = '';
  for (const key of [...next.searchParams.keys()]) if (OGC_PARAMS.has(key.toLowerCase())) next.searchParams.delete(key);
  return next.href;
}

/** The service an address names in its SERVICE parameter, if one we read. */
export function namedService(url: URL): ServiceType | undefined {
  for (const [key, value] of url.searchParams) {
    if (key.toLowerCase() === 'service') {
      const type = value.toLowerCase();
      if (type === 'wms' || type === 'wmts' || type === 'wfs') return type;
    }
  }
  return undefined;
}

/** The GetCapabilities URL of an endpoint for one service. */
export function capabilitiesUrl(endpoint: string, type: ServiceType): string {
  const url = new URL(endpoint);
  url.searchParams.set('SERVICE', type.toUpperCase());
  url.searchParams.set('REQUEST', 'GetCapabilities');
  return url.href;
}

async function readOne(url: string, requester: Requester, signal?: AbortSignal): Promise<ServiceCapabilities> {
  let bytes: ArrayBuffer;
  let charset: string | undefined;
  try {
    const response = await requester.fetch(url, { signal });
    charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(response.headers.get('content-type') ?? '')?.[1];
    bytes = await response.arrayBuffer();
  } catch (error) {
    // An OGC service may answer an exception report with an HTTP error: its words are better than a status.
    const body = error instanceof RequestError ? await error.response?.arrayBuffer().catch(() => undefined) : undefined;
    if (body) {
      try {
        readCapabilities(decodeXml(body));
      } catch (report) {
        if (report instanceof CapabilitiesError && report.code === 'exception') throw report;
      }
    }
    throw error;
  }
  return readCapabilities(decodeXml(bytes, charset));
}

/**
 * Finds the service at an address. `type` "auto" uses the address's SERVICE parameter, else tries
 * WMS, WMTS then WFS and keeps the first capabilities document; the last failure is thrown when none
 * answers (a RequestError, a CapabilitiesError).
 */
export async function findService(
  address: string,
  type: ServiceType | 'auto',
  requester: Requester,
  signal?: AbortSignal,
): Promise<FoundService> {
  const url = parseAddress(address);
  const endpoint = endpointOf(url);
  const wanted = type === 'auto' ? namedService(url) : type;
  const order: ServiceType[] = wanted ? [wanted] : ['wms', 'wmts', 'wfs'];
  let last: unknown;
  for (const candidate of order) {
    const capsUrl = capabilitiesUrl(endpoint, candidate);
    try {
      const capabilities = await readOne(capsUrl, requester, signal);
      // A server may answer any SERVICE with the capabilities of another: keep what it really is.
      return { endpoint, capabilitiesUrl: capabilitiesUrl(endpoint, capabilities.type), capabilities };
    } catch (error) {
      if (error instanceof RequestError && error.kind === 'aborted') throw error;
      last ??= error;
      // Network failures (offline, refused by CORS) will not change with another service type.
      if (error instanceof RequestError && error.kind !== 'http') break;
    }
  }
  throw last;
}
