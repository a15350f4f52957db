import { RequestError } from '../../net/requester.js';
import type { LayerProblem } from '../../state/store.js';
import { ServiceExceptionError, isXmlContentType, readServiceException } from './exception.js';

/** A payload that is not what the service was asked for (malformed JSON, XML, GML…). */
export class InvalidResponseError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'InvalidResponseError';
  }
}

/** A failure of an OGC layer in words the layer list can show. */
export function problemOf(error: unknown): LayerProblem {
  if (error instanceof ServiceExceptionError) return { code: 'service', detail: error.message };
  if (error instanceof RequestError) {
    if (error.kind === 'http') return { code: 'http', detail: String(error.status) };
    if (error.kind === 'timeout') return { code: 'timeout' };
    return { code: globalThis.navigator?.onLine === false ? 'offline' : 'network' };
  }
  if (error instanceof InvalidResponseError) return { code: 'invalid-data', detail: error.message };
  if (error instanceof SyntaxError) return { code: 'invalid-json' };
  return { code: 'invalid-data', detail: error instanceof Error ? error.message : String(error) };
}

/**
 * Services often answer a bad request with an HTTP error whose body is an exception report
 * (GeoServer's WFS says 400): read that report, so the layer tells why instead of "error 400".
 */
export async function explainRequestError(error: unknown): Promise<unknown> {
  if (!(error instanceof RequestError) || error.kind !== 'http' || !error.response) return error;
  if (!isXmlContentType(error.response.headers.get('content-type'))) return error;
  try {
    const exception = readServiceException(await error.response.text());
    return exception ? new ServiceExceptionError(exception.message, exception.code) : error;
  } catch {
    return error;
  }
}
