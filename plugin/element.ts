/**
 * The <cartable-map> element as one ES module, dist/cartable-map.js, that a partner page loads with
 * a script tag: a second build of src/embed/cartable-map.ts with every lazily loaded part inlined
 * (one file, no chunks to find), run after the site's own build.
 */
import { join } from 'node:path';
import { build } from 'vite';

export async function buildElement(projectRoot: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: projectRoot,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      sourcemap: false,
      minify: true,
      reportCompressedSize: false,
      copyPublicDir: false,
      // Not library mode, which would keep the whitespace of an ES module: one minified entry instead.
      rolldownOptions: {
        input: join(projectRoot, 'src/embed/cartable-map.ts'),
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', entryFileNames: 'cartable-map.js', inlineDynamicImports: true },
      },
    },
    worker: { format: 'es' },
  });
}
