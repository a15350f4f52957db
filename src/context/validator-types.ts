/** The shape of an ahead-of-time compiled validator (ajv standalone), kept free of ajv's own types. */
export interface SchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Record<string, unknown>;
  readonly message?: string;
  readonly parentSchema?: Record<string, unknown>;
  readonly data?: unknown;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}
