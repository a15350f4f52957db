import { RequestError } from '../../net/requester.js';
import type { LayerProblem } from '../status.js';
import { problemOf as layerProblemOf } from '../problems.js';
import { ServiceExceptionError, isXmlContentType, readServiceException, throwIfServiceException } from '../../ogc/exception.js';
import { WrongFormatError, isWebPage, mediaTypeOf } from '../answer.js';

/** A payload that is not what the service was asked for (malformed JSON, XML, GML…): `what` names the format expected. */
export class InvalidResponseError extends Error {
  constructor(what: string) {
    super(what);
    this.name = 'InvalidResponseError';
  }
}

/** The service does not offer the layer asked for (absent from its capabilities, or in no usable tile grid). */
export class NotOfferedError extends Error {
  constructor(readonly layer: string) {
    super(`the service does not offer the layer ${layer}`);
    this.name = 'NotOfferedError';
  }
}

/** A failure of an OGC layer in words the layer list can show: the service's own report, else as any layer's. */
export function problemOf(error: unknown): LayerProblem {
  if (error instanceof ServiceExceptionError) return { code: 'service', detail: error.message };
  if (error instanceof InvalidResponseError) return { code: 'invalid-data', detail: error.message };
  if (error instanceof NotOfferedError) return { code: 'not-offered', detail: error.layer };
  return layerProblemOf(error);
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

/**
 * Throws for a web page answered instead of a service's data or image (a captive portal, a sign-in
 * page, a site's error page, often with 200): WrongFormatError naming its content type, or the
 * service's own report when the page holds one (some servers label their reports text/html).
 */
export async function refuseOgcWebPage(response: Response): Promise<void> {
  if (!isWebPage(response)) return;
  throwIfServiceException(await response.text());
  throw new WrongFormatError(mediaTypeOf(response));
}
