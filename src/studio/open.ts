import { loadChunk } from '../offline/load-chunk.js';

/**
 * The studio's way in: the app imports this small module, which imports the studio. So the app's
 * code names one file for the studio, not the list of every chunk the studio needs (Vite writes
 * a dynamic import's preload list into the importing chunk): the first map's code stays smaller.
 */
export async function loadStudio(): Promise<void> {
  await loadChunk(import('./shell/cartable-studio.js'));
}
