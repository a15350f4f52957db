import type { SiteConfig } from '../context/types.js';
import type { Requester } from '../net/requester.js';
import { loadChunk } from '../offline/load-chunk.js';

/**
 * The studio's way in: the app imports this small module, which imports the studio and makes its
 * element. So the app's code names one file for the studio, not the list of every chunk the studio
 * needs (Vite writes a dynamic import's preload list into the importing chunk), nor its template:
 * the first map's code stays smaller.
 */
export async function openStudio(properties: StudioProperties): Promise<HTMLElement> {
  await loadChunk(import('./shell/cartable-studio.js'));
  return Object.assign(document.createElement('cartable-studio'), properties);
}

/** What the app gives the studio: its site, requester, root and language, and the map to open (?studio=<id>). */
export interface StudioProperties {
  readonly site?: SiteConfig;
  readonly requester: Requester;
  readonly root: string;
  readonly language: string;
  readonly openId?: string;
}
