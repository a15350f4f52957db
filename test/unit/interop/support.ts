import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeXmlParser } from '../../../src/cli/xml-node.js';
import { validateContext } from '../../../src/context/validate.js';
import type { MapContext } from '../../../src/context/types.js';
import { decodeText } from '../../../src/interop/xml.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const fixture = (name: string): string => resolve(ROOT, 'test/fixtures/interop', name);

export const readXml = (path: string): Document => nodeXmlParser(decodeText(readFileSync(path)).text);
export const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** The document validated, or a failed expectation listing its problems. */
export function validated(document: unknown): MapContext {
  const result = validateContext(document);
  if (!result.ok) throw new Error(`not a valid map document:\n${result.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}`);
  return result.value;
}

/** Messages of a report at a level, for readable assertions. */
export const messages = (report: ReadonlyArray<{ level: string; path: string; message: string }>, level?: string): string[] =>
  report.filter((item) => !level || item.level === level).map((item) => `${item.path}: ${item.message}`);
