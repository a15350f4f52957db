/**
 * The development server (`npm start`) started from a test: vite.config.ts's settings, on a free port
 * of 127.0.0.1, optionally on another maps folder (CARTABLE_MAPS_DIR, e.g. a temporary copy of maps/
 * a test saves into). Its Suite drives Debian's Chromium like the built site's (harness.ts withPage).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { launchChromium } from '../../support/browser.js';
import { REPO, type Suite } from './harness.js';

export interface DevSuite extends Suite {
  readonly vite: ViteDevServer;
}

/** A temporary copy of the repository's maps/ (data included); removed by the returned function. */
export function copyOfMaps(): { readonly mapsDir: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'cartable-maps-'));
  const mapsDir = join(folder, 'maps');
  cpSync(join(REPO, 'maps'), mapsDir, { recursive: true });
  return { mapsDir, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Starts Vite's development server on the repository (and one browser); `mapsDir` replaces maps/. */
export async function startDevServer(options: { mapsDir?: string } = {}): Promise<DevSuite> {
  const saved = process.env.CARTABLE_MAPS_DIR;
  // Read by the plugin at each request: it stays set while the server runs.
  if (options.mapsDir) process.env.CARTABLE_MAPS_DIR = options.mapsDir;
  const vite = await createServer({
    root: REPO,
    configFile: join(REPO, 'vite.config.ts'),
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
  });
  await vite.listen();
  const { port } = vite.httpServer!.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/`;
  const browser = await launchChromium();
  return {
    vite,
    server: { url },
    browser,
    url: (path = '') => new URL(path, url).href,
    async close() {
      await browser.close();
      await vite.close();
      if (saved === undefined) delete process.env.CARTABLE_MAPS_DIR;
      else process.env.CARTABLE_MAPS_DIR = saved;
    },
  };
}
