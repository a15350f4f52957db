import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cartable } from './build/plugin.js';

const projectRoot = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  // Relative asset URLs: the built site works from any sub-path of any static server.
  base: './',
  plugins: [cartable({ projectRoot })],
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
});
