import type ImageTile from 'ol/ImageTile.js';
import type Tile from 'ol/Tile.js';
import type { Requester } from '../net/requester.js';

/**
 * A tile load function that routes every tile through the requester: a plain image load when no hook
 * adds headers (cacheable, cheap), fetch + blob when one does (e.g. an auth header).
 */
export function tileLoader(requester: Requester): (tile: Tile, src: string) => void {
  return (tile, src) => {
    const image = (tile as ImageTile).getImage() as HTMLImageElement;
    const prepared = requester.prepare(src);
    if (Object.keys(prepared.headers).length === 0) {
      image.src = prepared.url;
      return;
    }
    requester
      .fetch(src)
      .then((response) => response.blob())
      .then((blob) => {
        const url = URL.createObjectURL(blob);
        image.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
        image.src = url;
      })
      .catch(() => image.dispatchEvent(new Event('error')));
  };
}
