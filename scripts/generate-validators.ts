/**
 * The validators compiled ahead of time (src/generated/validators.js for map documents,
 * site-validator.js for the site configuration, and their types): the app, the build and the
 * `cartable` command need them. Part of `npm run generate`; the command makes them on
 * its first run when they are missing (a fresh clone).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { build } from 'esbuild';
import { compileValidators } from '../plugin/validators.js';
import { mapContextSchema } from '../src/context/schema/map-context.js';
import { siteConfigSchema } from '../src/context/schema/site-config.js';
import type { JsonSchema } from '../src/context/schema/json-schema.js';

export const VALIDATORS_MODULE = 'src/generated/validators.js';
/** The site configuration's validator, apart: the build and the command run it, the browser never does. */
export const SITE_VALIDATOR_MODULE = 'src/generated/site-validator.js';

/** One schema compiled into a standalone ES module exporting its validator as `name`. */
async function writeValidatorModule(root: string, name: string, schema: JsonSchema, modulePath: string): Promise<void> {
  const out = resolve(root, modulePath);
  const cjsPath = out.replace(/\.js$/, '.cjs');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(cjsPath, compileValidators({ [name]: schema }));
  const result = await build({
    stdin: { contents: `export { ${name} } from './${basename(cjsPath)}';`, resolveDir: dirname(cjsPath), loader: 'js' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['main'],
    write: false,
    minify: true,
    legalComments: 'none',
  });
  writeFileSync(out, result.outputFiles[0]!.text);
  rmSync(cjsPath);
  writeFileSync(
    out.replace(/\.js$/, '.d.ts'),
    `import type { CompiledValidator } from '../context/validator-types.js';\nexport declare const ${name}: CompiledValidator;\n`,
  );
}

export async function generateValidators(root: string): Promise<void> {
  await writeValidatorModule(root, 'mapContext', mapContextSchema, VALIDATORS_MODULE);
  await writeValidatorModule(root, 'siteConfig', siteConfigSchema, SITE_VALIDATOR_MODULE);
}
