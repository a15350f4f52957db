/**
 * `npm test`: every stage (type-check, unit tests, browser tests, build, end-to-end tests), each
 * reported, and exit 1 at the end when any failed. The end-to-end tests need the build: when it
 * fails they are not run, and the summary says so.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allPassed, runStages, summary, type Stage } from './stages.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const STAGES: readonly Stage[] = [
  { name: 'typecheck', command: 'tsc --noEmit' },
  { name: 'unit tests', command: 'vitest run' },
  { name: 'browser tests', command: 'wtr' },
  { name: 'build', command: 'vite build' },
  { name: 'end-to-end tests', command: 'npm run --silent test:e2e', needs: 'build' },
];

// As in an npm script: the project's tools first on the PATH.
const env = { ...process.env, PATH: `${resolve(root, 'node_modules/.bin')}:${process.env.PATH ?? ''}` };
const outcomes = await runStages(STAGES, { cwd: root, env });
console.log(`\n=== npm test: every stage\n\n${summary(outcomes)}`);
process.exitCode = allPassed(outcomes) ? 0 : 1;
