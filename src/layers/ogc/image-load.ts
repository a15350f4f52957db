import type ImageTile from 'ol/ImageTile.js';
import type Tile from 'ol/Tile.js';
import type { Requester } from '../../net/requester.js';
import type { LayerProblem } from '../../state/store.js';
import { ServiceExceptionError, isXmlContentType, readServiceException } from './exception.js';
import { InvalidResponseError, explainRequestError, problemOf } from './problem.js';

/** What an image loader tells its layer's status watcher. */
export interface ImageLoadHooks {
  /** A load failed for this reason (for tiles: called before the image's error event). */
  failed(problem: LayerProblem): void;
  /** True while the layer is in error: loads fail at once, without a request, until a retry. */
  blocked(): boolean;
}

/**
 * Loads an OGC map image or tile (WMS GetMap, WMTS GetTile) into `image` through the requester and
 * reads the answer: an image is given to `image` (as a blob URL); an XML (or text) answer is the
 * service's exception report and throws ServiceExceptionError with its text; HTTP and network
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
  const type = response.headers.get('content-type');
  if (isXmlContentType(type) || /^text\//i.test(type ?? '')) {
    const text = await response.text();
    const exception = readServiceException(text);
    if (exception) throw new ServiceExceptionError(exception.message, exception.code);
    const words = text.replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    throw new ServiceExceptionError(words.slice(0, 200) || String(type));
  }
  const url = URL.createObjectURL(await response.blob());
  const revoke = (): void => URL.revokeObjectURL(url);
  image.addEventListener('load', revoke, { once: true });
  image.addEventListener('error', revoke, { once: true });
  image.src = url;
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
 * (see fetchImage), its failure's reason told to the status watcher before the tile fails.
 * While the layer is in error no request leaves (a tile storm stays one failure).
 */
export function serviceTileLoader(requester: Requester, hooks: ImageLoadHooks): (tile: Tile, src: string) => void {
  return (tile, src) => {
    const image = (tile as ImageTile).getImage() as HTMLImageElement;
    // OpenLayers listens to the image after calling the load function: fail asynchronously.
    const fail = (): void => void queueMicrotask(() => image.dispatchEvent(new Event('error')));
    if (hooks.blocked()) return fail();
    fetchImage(requester, image, src).catch((error: unknown) => {
      hooks.failed(problemOf(error));
      fail();
    });
  };
}
