/**
 * Writes what the app and the editors need from the schemas, before start, build and test:
 * - public/schema/*.json: the assembled JSON Schemas (documents reference them with "$schema");
 * - src/generated/validators.js, site-validator.js: validators compiled ahead of time (no eval, no new Function in the
 *   browser, so a strict Content-Security-Policy holds), each bundled into an ES module;
 * - maps/data/generated/: the offline demo map's data, prepared from npm packages.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareDemoData } from '../plugin/data/demo-data.js';
import { mapContextSchema } from '../src/context/schema/map-context.js';
import { siteConfigSchema } from '../src/context/schema/site-config.js';
import { generateValidators } from './generate-validators.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
}

writeJson(resolve(root, 'public/schema/map-context.v1.json'), mapContextSchema);
writeJson(resolve(root, 'public/schema/site-config.v1.json'), siteConfigSchema);

await generateValidators(root);
// The demo map's data (also made by the build): tests that read the shipped maps need it too.
prepareDemoData(resolve(root, 'maps'));
console.log('generated: public/schema/*.json, src/generated/validators.js and site-validator.js, maps/data/generated/');
