/**
 * The validators compiled ahead of time (src/generated/validators.js and its types): the app, the
 * build and the `cartable` command need them. Part of `npm run generate`; the command makes them on
 * its first run when they are missing (a fresh clone).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import { compileValidators } from '../plugin/validators.js';
import { mapContextSchema } from '../src/context/schema/map-context.js';
import { siteConfigSchema } from '../src/context/schema/site-config.js';

export const VALIDATORS_MODULE = 'src/generated/validators.js';

export async function generateValidators(root: string): Promise<void> {
  const names = { mapContext: mapContextSchema, siteConfig: siteConfigSchema };
  const cjsPath = resolve(root, 'src/generated/validators.cjs');
  mkdirSync(dirname(cjsPath), { recursive: true });
  writeFileSync(cjsPath, compileValidators(names));
  const result = await build({
    stdin: {
      contents: Object.keys(names)
        .map((name) => `export { ${name} } from './validators.cjs';`)
        .join('\n'),
      resolveDir: dirname(cjsPath),
      loader: 'js',
    },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['main'],
    write: false,
    minify: true,
    legalComments: 'none',
  });
  const out = resolve(root, VALIDATORS_MODULE);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, result.outputFiles[0]!.text);
  rmSync(cjsPath);
  writeFileSync(
    resolve(root, 'src/generated/validators.d.ts'),
    `import type { CompiledValidator } from '../context/validator-types.js';\n` +
      `export declare const mapContext: CompiledValidator;\nexport declare const siteConfig: CompiledValidator;\n`,
  );
}
