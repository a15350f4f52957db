#!/usr/bin/env node
// The `cartable` command: runs the TypeScript tool (src/cli/main.ts) through tsx, a dev dependency.
// Exit codes (README): 0 done, 1 problems found, 2 wrong usage, 70 internal error.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = fileURLToPath(new URL('..', import.meta.url));
let cli;
try {
  // A fresh clone has no compiled validators yet (`npm run generate` makes them): make them now.
  const { VALIDATORS_MODULE, SITE_VALIDATOR_MODULE, generateValidators } = await import('../scripts/generate-validators.ts');
  if (![VALIDATORS_MODULE, SITE_VALIDATOR_MODULE].every((module) => existsSync(new URL(`../${module}`, import.meta.url)))) await generateValidators(root);
  cli = await import('../src/cli/main.ts');
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`cartable: internal error, cannot start (please report it): ${message}\n`);
  process.exit(70);
}
// A number, or a promise for the services (token-checker) that run until stopped.
process.exitCode = await cli.main(process.argv.slice(2));
