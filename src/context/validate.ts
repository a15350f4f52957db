import { mapContext as compiledMapContext } from '../generated/validators.js';
import { checkContext } from './check-context.js';
import { deepFreeze } from './freeze.js';
import { jsonErrorOffset } from './json-position.js';
import { describeSchemaErrors, problemAt, type Problem } from './problems.js';
import type { MapContext } from './types.js';
import type { CompiledValidator } from './validator-types.js';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Runs a compiled schema on a copy of `input`: the value with its defaults, or every problem found. */
export function runSchema<T>(validator: CompiledValidator, input: unknown): Validated<T> {
  // The validator fills in defaults: work on a copy so the caller's value stays as it was.
  const copy: unknown = structuredClone(input);
  if (validator(copy)) return { ok: true, value: copy as T };
  return { ok: false, problems: describeSchemaErrors(validator.errors ?? []) };
}

/** Validates a parsed map context document: the model with its defaults, or every problem found. */
export function validateContext(input: unknown): Validated<MapContext> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, problems: [problemAt('', { kind: 'not-an-object' })] };
  }
  const schema = runSchema<MapContext>(compiledMapContext, input);
  if (!schema.ok) return schema;
  const problems = checkContext(schema.value);
  return problems.length ? { ok: false, problems } : { ok: true, value: deepFreeze(schema.value) };
}

/** Parses JSON text, turning a syntax error into a problem that names the line and column. */
export function parseJson(text: string): Validated<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const offset = jsonErrorOffset(text);
    if (offset >= 0) {
      // Lines counted in place: a data file may be hundreds of megabytes.
      let line = 1;
      let lineStart = 0;
      for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) [line, lineStart] = [line + 1, at + 1];
      const detail = offset >= text.length ? ({ kind: 'json-cut-short' } as const) : { kind: 'json-syntax' as const, line, column: offset - lineStart + 1 };
      return { ok: false, problems: [problemAt('', detail)] };
    }
    return { ok: false, problems: [problemAt('', { kind: 'json-unreadable', reason: error instanceof Error ? error.message : String(error) })] };
  }
}
