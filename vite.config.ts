import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cartable, SiteBuildError } from './plugin/plugin.js';
import { pwa } from './plugin/pwa.js';
import { loadSiteConfig } from './plugin/site.js';

const projectRoot = dirname(fileURLToPath(import.meta.url));
const { site, problems } = loadSiteConfig(projectRoot);
if (!site) throw new SiteBuildError(problems);

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path of any static server.
  base: './',
  plugins: [cartable({ projectRoot }), pwa(site)],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: { port: 5173 },
  // The development server scans every browser module for its dependencies at once: a lazily loaded
  // part (the studio, a layer kind) found later would make Vite optimise again and reload the page.
  optimizeDeps: { entries: ['index.html', 'src/**/*.ts', '!src/{cli,stats,token-checker}/**'] },
  preview: { port: 4173 },
});
