import type { SchemaError } from './validator-types.js';

/** One thing wrong with a document: where (a JSON pointer) and what, in plain words. */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/** "maps/geosites.json: /layers/2/style/radius: must be a number ≥ 0, got "big"" */
export function formatProblem(file: string, problem: Problem): string {
  return `${file}: ${problem.path || '/'}: ${problem.message}`;
}

/** A value as a person would type it in the document, shortened. */
export function showValue(value: unknown): string {
  let text: string;
  try {
    text = value === undefined ? 'nothing' : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'a text',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null',
};

function bounds(schema: Record<string, unknown> | undefined): string {
  if (!schema) return '';
  const parts: string[] = [];
  if (typeof schema.minimum === 'number') parts.push(`≥ ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number') parts.push(`> ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === 'number') parts.push(`≤ ${schema.maximum}`);
  if (typeof schema.exclusiveMaximum === 'number') parts.push(`< ${schema.exclusiveMaximum}`);
  return parts.length ? ` ${parts.join(' and ')}` : '';
}

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function kindsOf(schema: Record<string, unknown> | undefined, tag: string): string[] {
  const branches = (schema?.oneOf as Array<Record<string, unknown>> | undefined) ?? [];
  return branches
    .map((b) => (b.properties as Record<string, { const?: unknown }> | undefined)?.[tag]?.const)
    .filter((v): v is string => typeof v === 'string');
}

function describePattern(schema: Record<string, unknown> | undefined): string {
  const description = typeof schema?.description === 'string' ? schema.description.replace(/\.$/, '') : '';
  return description ? `expected ${description.charAt(0).toLowerCase()}${description.slice(1)}` : 'has the wrong form';
}

/** Plain words for one schema error. */
function describe(error: SchemaError): Problem | undefined {
  const { instancePath: path, params, parentSchema: schema, data } = error;
  const got = `, got ${showValue(data)}`;
  switch (error.keyword) {
    case 'type':
      return { path, message: `must be ${typeWords(params.type)}${bounds(schema)}${got}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `must be ${typeWords(schema?.type ?? 'number')}${bounds(schema)}${got}` };
    case 'required':
      return { path, message: `missing required property "${String(params.missingProperty)}"` };
    case 'additionalProperties':
      return { path: `${path}/${String(params.additionalProperty)}`, message: 'unknown property' };
    case 'unevaluatedProperties':
      return { path: `${path}/${String(params.unevaluatedProperty)}`, message: 'unknown property' };
    case 'enum':
      return {
        path,
        message: `must be one of ${(params.allowedValues as unknown[]).map(showValue).join(', ')}${got}`,
      };
    case 'const':
      return { path, message: `must be ${showValue(params.allowedValue)}${got}` };
    case 'discriminator': {
      const tag = String(params.tag);
      if (params.error === 'tag') return { path, message: `missing required property "${tag}"` };
      const kinds = kindsOf(schema, tag);
      return {
        path: `${path}/${tag}`,
        message: `${showValue(params.tagValue)} is not a known ${tag}; known: ${kinds.map((k) => `"${k}"`).join(', ')}`,
      };
    }
    case 'pattern':
      return { path, message: `${describePattern(schema)}${got}` };
    case 'minItems':
      return { path, message: `must hold at least ${String(params.limit)} item(s)` };
    case 'maxItems':
      return { path, message: `must hold at most ${String(params.limit)} item(s)` };
    case 'minLength':
      return { path, message: `must not be empty` };
    case 'maxLength':
      return { path, message: `must be at most ${String(params.limit)} characters long` };
    case 'minProperties':
      return { path, message: `must not be empty` };
    case 'propertyName':
    case 'propertyNames':
      return { path: `${path}/${String(params.propertyName)}`, message: `is not an allowed name here` };
    default:
      return { path, message: error.message ?? `is not valid (${error.keyword})` };
  }
}

const isUnder = (inner: SchemaError, outer: SchemaError): boolean =>
  inner !== outer && inner.schemaPath.startsWith(outer.schemaPath.replace(/\/(oneOf|anyOf)$/, '/'));

/**
 * Turns ajv's errors into one plain problem per real mistake: the errors of the branches of an
 * "anyOf"/"oneOf" are folded into one sentence about the choice.
 */
export function describeSchemaErrors(errors: readonly SchemaError[]): Problem[] {
  const choices = errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf');
  const folded = new Set<SchemaError>();
  const problems: Problem[] = [];

  for (const choice of choices) {
    const branchErrors = errors.filter((e) => isUnder(e, choice) && e.instancePath === choice.instancePath);
    branchErrors.forEach((e) => folded.add(e));
    const passing = choice.params.passingSchemas as number[] | null | undefined;
    const requiredOnes = branchErrors.filter((e) => e.keyword === 'required').map((e) => `"${String(e.params.missingProperty)}"`);
    if (Array.isArray(passing) && passing.length > 1) {
      const names = (choice.parentSchema?.oneOf as Array<{ required?: string[] }> | undefined)
        ?.filter((_, i) => passing.includes(i))
        .flatMap((b) => b.required ?? [])
        .map((n) => `"${n}"`);
      problems.push({ path: choice.instancePath, message: `give only one of ${names?.join(', ') ?? 'the alternatives'}` });
    } else if (requiredOnes.length === branchErrors.length && requiredOnes.length > 0) {
      problems.push({ path: choice.instancePath, message: `needs one of ${requiredOnes.join(', ')}` });
    } else if (branchErrors.length > 0 && branchErrors.every((e) => e.keyword === 'type')) {
      const types = [...new Set(branchErrors.map((e) => typeWords(e.params.type)))];
      problems.push({ path: choice.instancePath, message: `must be ${types.join(' or ')}, got ${showValue(choice.data)}` });
    } else if (branchErrors.length === 0) {
      problems.push({ path: choice.instancePath, message: 'matches none of the allowed forms' });
    }
    // Otherwise the deeper errors (under other paths) say what is wrong; they are kept below.
  }

  for (const error of errors) {
    if (choices.includes(error) || folded.has(error)) continue;
    const problem = describe(error);
    if (problem) problems.push(problem);
  }

  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
