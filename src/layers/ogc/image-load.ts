import type Tile from 'ol/Tile.js';
import type { Requester } from '../../net/requester.js';
import { policyTileLoader, showBlob } from '../tile-load.js';
import type { TileLoadHooks } from '../tile-status.js';
import { ServiceExceptionError, isXmlContentType, readServiceException } from '../../ogc/exception.js';
import { InvalidResponseError, explainRequestError, problemOf, refuseOgcWebPage } from './problem.js';

/**
 * Loads an OGC map image or tile (WMS GetMap, WMTS GetTile) into `image` through the requester and
 * reads the answer: an image is given to `image` (as a blob URL); a web page throws WrongFormatError
 * (a captive portal is no exception report); an XML (or other text) answer is the service's
 * exception report and throws ServiceExceptionError with its text; HTTP and network
 * failures throw the requester's error (an HTTP error whose body is an exception report throws
 * that exception). With `decode`, waits until the image is decoded (InvalidResponseError if not).
 */
export async function fetchImage(requester: Requester, image: HTMLImageElement, src: string, options: { decode?: boolean } = {}): Promise<void> {
  let response: Response;
  try {
    response = await requester.fetch(src);
  } catch (error) {
    throw await explainRequestError(error);
  }
  await refuseOgcWebPage(response);
  const type = response.headers.get('content-type');
  if (isXmlContentType(type) || /^text\//i.test(type ?? '')) {
    const text = await response.text();
    const exception = readServiceException(text);
    if (exception) throw new ServiceExceptionError(exception.message, exception.code);
    const words = text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    throw new ServiceExceptionError(words.slice(0, 200) || String(type));
  }
  await showBlob(image, response);
  if (options.decode) {
    try {
      await image.decode();
    } catch {
      throw new InvalidResponseError(type ?? 'image');
    }
  }
}

/**
 * A tile load function for OGC tiles (WMS tiles, WMTS): every tile through the requester
 * (see fetchImage) and the layer's load policy (retries, budget: once it is spent no request
 * leaves, a tile storm stays one failure), the service's reason told before the tile fails.
 */
export const serviceTileLoader = (requester: Requester, hooks: TileLoadHooks): ((tile: Tile, src: string) => void) =>
  policyTileLoader(hooks, (image, src) => fetchImage(requester, image, src, { decode: true }), problemOf);
