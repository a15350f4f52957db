import { problemText, type Bounds, type ProblemDetail } from './problem-text.js';
import type { SchemaError } from './validator-types.js';

/**
 * One thing wrong with a document: where (a JSON pointer) and what, in plain English words, with
 * what is wrong as data (`detail`) so that the page can say it in its own language (problem-text.ts).
 */
export interface Problem {
  readonly path: string;
  readonly message: string;
  readonly detail?: ProblemDetail;
}

/** "maps/geosites.json: /layers/2/style/radius: must be a number ≥ 0, got "big"" */
export function formatProblem(file: string, problem: Problem): string {
  return `${file}: ${problem.path || '/'}: ${problem.message}`;
}

/** A problem with its English message (the build and the CLI print it) and what is wrong, as data. */
export function problemAt(path: string, detail: ProblemDetail): Problem {
  return { path, message: problemText(detail, 'en'), detail };
}

const typeList = (type: unknown): string[] => (Array.isArray(type) ? type : [type]).map(String);

function boundsOf(schema: Record<string, unknown> | undefined): Bounds {
  const number = (key: keyof Bounds): number | undefined => (typeof schema?.[key] === 'number' ? (schema[key] as number) : undefined);
  return { minimum: number('minimum'), exclusiveMinimum: number('exclusiveMinimum'), maximum: number('maximum'), exclusiveMaximum: number('exclusiveMaximum') };
}

function kindsOf(schema: Record<string, unknown> | undefined, tag: string): string[] {
  const branches = (schema?.oneOf as Array<Record<string, unknown>> | undefined) ?? [];
  return branches
    .map((b) => (b.properties as Record<string, { const?: unknown }> | undefined)?.[tag]?.const)
    .filter((v): v is string => typeof v === 'string');
}

/** Plain words for one schema error. */
function describe(error: SchemaError): Problem | undefined {
  const { instancePath: path, params, parentSchema: schema, data: got } = error;
  switch (error.keyword) {
    case 'type':
      return problemAt(path, { kind: 'type', types: typeList(params.type), bounds: boundsOf(schema), got });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return problemAt(path, { kind: 'type', types: typeList(schema?.type ?? 'number'), bounds: boundsOf(schema), got });
    case 'required':
      return problemAt(path, { kind: 'required', name: String(params.missingProperty) });
    case 'additionalProperties':
      return problemAt(`${path}/${String(params.additionalProperty)}`, { kind: 'unknown-property' });
    case 'unevaluatedProperties':
      return problemAt(`${path}/${String(params.unevaluatedProperty)}`, { kind: 'unknown-property' });
    case 'enum':
      return problemAt(path, { kind: 'enum', allowed: params.allowedValues as unknown[], got });
    case 'const':
      return problemAt(path, { kind: 'const', allowed: params.allowedValue, got });
    case 'discriminator': {
      const tag = String(params.tag);
      if (params.error === 'tag') return problemAt(path, { kind: 'required', name: tag });
      return problemAt(`${path}/${tag}`, { kind: 'unknown-kind', tag, value: params.tagValue, known: kindsOf(schema, tag) });
    }
    case 'pattern': {
      const description = typeof schema?.description === 'string' ? schema.description : undefined;
      return problemAt(path, { kind: 'pattern', pattern: String(params.pattern), description, got });
    }
    case 'minItems':
      return problemAt(path, { kind: 'min-items', limit: Number(params.limit) });
    case 'maxItems':
      return problemAt(path, { kind: 'max-items', limit: Number(params.limit) });
    case 'maxLength':
      return problemAt(path, { kind: 'max-length', limit: Number(params.limit) });
    case 'minLength':
    case 'minProperties':
      return problemAt(path, { kind: 'empty' });
    case 'uniqueItems':
      return problemAt(path, { kind: 'unique-items' });
    case 'propertyName':
    case 'propertyNames': {
      // Names the schema describes (the theme's tokens) say what is expected, with the name given.
      const names = schema?.propertyNames as { pattern?: string; description?: string } | undefined;
      const where = `${path}/${String(params.propertyName)}`;
      if (names?.description && names.pattern) return problemAt(where, { kind: 'pattern', pattern: names.pattern, description: names.description, got: params.propertyName });
      return problemAt(where, { kind: 'name-not-allowed' });
    }
    default:
      return problemAt(path, { kind: 'other', keyword: error.keyword, message: error.message });
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
    const requiredOnes = branchErrors.filter((e) => e.keyword === 'required').map((e) => String(e.params.missingProperty));
    if (Array.isArray(passing) && passing.length > 1) {
      const names = (choice.parentSchema?.oneOf as Array<{ required?: string[] }> | undefined)
        ?.filter((_, i) => passing.includes(i))
        .flatMap((b) => b.required ?? []);
      problems.push(names?.length ? problemAt(choice.instancePath, { kind: 'only-one-of', names }) : problemAt(choice.instancePath, { kind: 'no-allowed-form' }));
    } else if (requiredOnes.length === branchErrors.length && requiredOnes.length > 0) {
      problems.push(problemAt(choice.instancePath, { kind: 'one-of-needed', names: requiredOnes }));
    } else if (branchErrors.length > 0 && branchErrors.every((e) => e.keyword === 'type')) {
      const types = [...new Set(branchErrors.flatMap((e) => typeList(e.params.type)))];
      problems.push(problemAt(choice.instancePath, { kind: 'type', types, got: choice.data }));
    } else if (branchErrors.length === 0) {
      problems.push(problemAt(choice.instancePath, { kind: 'no-allowed-form' }));
    } else {
      // The value has the shape of some branch (no type error at the branch's root): that branch's
      // own errors say what is wrong, like the deeper errors (under other paths), kept below.
      const prefix = `${choice.schemaPath}/`;
      const branchOf = (e: SchemaError): string => e.schemaPath.slice(prefix.length).split('/')[0]!;
      const wrongShape = new Set(branchErrors.filter((e) => e.schemaPath === `${prefix}${branchOf(e)}/type`).map(branchOf));
      branchErrors.filter((e) => !wrongShape.has(branchOf(e))).forEach((e) => folded.delete(e));
    }
  }

  for (const error of errors) {
    if (choices.includes(error) || folded.has(error)) continue;
    if (error.schemaPath.includes('/propertyNames/')) continue; // Said by the propertyNames error itself, with the name.
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
