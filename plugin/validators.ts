import Ajv2020Module from 'ajv/dist/2020.js';
import standaloneModule from 'ajv/dist/standalone/index.js';
import type { JsonSchema } from '../src/context/schema/defs.js';

/** Options shared by the ahead-of-time validators and the build's own validation. */
export const AJV_OPTIONS = {
  allErrors: true,
  verbose: true,
  useDefaults: true,
  discriminator: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  inlineRefs: false,
  code: { source: true, esm: false, lines: false },
} as const;

/** Compiles each schema into the source of a CommonJS module exporting one validator per name. */
export function compileValidators(schemas: Record<string, JsonSchema>): string {
  // ajv is CommonJS: its classes sit on `default` when loaded from ES modules.
  const Ajv2020 = ((Ajv2020Module as unknown as { default?: typeof Ajv2020Module }).default ?? Ajv2020Module);
  const standaloneCode = ((standaloneModule as unknown as { default?: typeof standaloneModule }).default ?? standaloneModule);
  const ajv = new Ajv2020(AJV_OPTIONS);
  const refs: Record<string, string> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    ajv.addSchema(schema, name);
    refs[name] = name;
  }
  return standaloneCode(ajv, refs);
}
