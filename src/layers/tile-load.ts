import type ImageTile from 'ol/ImageTile.js';
import type Tile from 'ol/Tile.js';
import type { Requester } from '../net/requester.js';
import type { LayerProblem } from './status.js';
import { isNewFailure } from './load-policy.js';
import { refuseWebPage } from './answer.js';
import { InvalidDataError, problemOf } from './problems.js';
import type { TileLoadHooks } from './tile-status.js';

/** Sets the tile image from a fetched answer (as a blob URL, revoked once the image is read). */
export async function showBlob(image: HTMLImageElement, response: Response): Promise<void> {
  const url = URL.createObjectURL(await response.blob());
  const revoke = (): void => URL.revokeObjectURL(url);
  image.addEventListener('load', revoke, { once: true });
  image.addEventListener('error', revoke, { once: true });
  image.src = url;
}

/**
 * A tile load function under the layer's load policy. `load` fills a detached image through the
 * requester and decodes it, so that an image that cannot be read fails the try (the policy counts
 * it, the reason is known) rather than the tile behind its back; the tile then shows that image.
 * A try that may pass is tried again; once the policy gives up, the reason (`explain`) is told to
 * the status watcher, then the tile fails.
 */
export function policyTileLoader(
  hooks: TileLoadHooks,
  load: (image: HTMLImageElement, src: string) => Promise<void>,
  explain: (error: unknown) => LayerProblem,
): (tile: Tile, src: string) => void {
  return (tile, src) => {
    const imageTile = tile as ImageTile;
    hooks.policy
      .run(async () => {
        const image = new Image();
        await load(image, src);
        return image;
      })
      .then(
        (image) => imageTile.setImage(image),
        (error: unknown) => {
          if (isNewFailure(error)) hooks.failed(explain(error));
          // OpenLayers listens to the tile's own image (since this function returned): it hears this error.
          (imageTile.getImage() as HTMLImageElement).dispatchEvent(new Event('error'));
        },
      );
  };
}

/**
 * The tile load function of plain tile services (XYZ): every tile fetched through the requester
 * (hooks, auth headers, the HTTP cache) rather than set as an image's src, so that a failure says
 * why (HTTP 404, a web page instead of an image, an unreadable image…) and only failures that may
 * pass are retried.
 */
export const tileLoader = (requester: Requester, hooks: TileLoadHooks): ((tile: Tile, src: string) => void) =>
  policyTileLoader(
    hooks,
    async (image, src) => {
      const response = await requester.fetch(src);
      refuseWebPage(response);
      await showBlob(image, response);
      try {
        await image.decode();
      } catch {
        throw new InvalidDataError(response.headers.get('content-type') ?? 'image');
      }
    },
    problemOf,
  );
