#!/usr/bin/env node
// The `cartable` command: runs the TypeScript tool (src/cli/main.ts) through tsx, a dev dependency.
import { register } from 'tsx/esm/api';

register();
let cli;
try {
  cli = await import('../src/cli/main.ts');
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(
    message.includes('generated/validators')
      ? 'cartable: the compiled validators are missing: run "npm run generate" first\n'
      : `cartable: cannot start (${message})\n`,
  );
  process.exit(70);
}
// A number, or a promise for the services (token-checker) that run until stopped.
process.exitCode = await cli.main(process.argv.slice(2));
