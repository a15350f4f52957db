/**
 * What a server answered, checked before it is read as data: a web page instead of the data, a whole
 * file (or a refusal) instead of the range asked for. Kept apart from the readers so that any layer
 * kind can tell these causes without loading another kind's code.
 */

/** The server answered with something other than the data asked for (its Content-Type, when it gave one). */
export class WrongFormatError extends Error {
  constructor(readonly contentType?: string) {
    super(`not the data asked for${contentType ? ` (${contentType})` : ''}`);
    this.name = 'WrongFormatError';
  }
}

/** The media type of an answer without its parameters ("text/html; charset=utf-8" → "text/html"), if it gave one. */
export function mediaTypeOf(response: Pick<Response, 'headers'>): string | undefined {
  return response.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase() || undefined;
}

const WEB_PAGE = new Set(['text/html', 'application/xhtml+xml']);

/** True when the answer is a web page (HTML or XHTML), by its Content-Type. */
export const isWebPage = (response: Pick<Response, 'headers'>): boolean => WEB_PAGE.has(mediaTypeOf(response) ?? '');

/**
 * Throws WrongFormatError when a data request was answered with a web page: a captive portal or a
 * sign-in page answered with 200, or a site's fallback page for a file it does not have. Read as
 * data, such a page fails later with a misleading reason (« no range requests », « columns missing »).
 */
export function refuseWebPage(response: Response): void {
  if (!isWebPage(response)) return;
  void response.body?.cancel().catch(() => undefined);
  throw new WrongFormatError(mediaTypeOf(response));
}

/** The server answered a range request with the whole file (200) or refused it: reading by parts is impossible. */
export class RangeRefusedError extends Error {
  constructor(readonly url: string, readonly status: number) {
    super(`the server does not answer range requests (HTTP ${status} instead of 206)`);
    this.name = 'RangeRefusedError';
  }
}
