/** A JSON Schema (draft 2020-12) or a part of one, as plain data. */
export type JsonSchema = Record<string, unknown>;

/** A reference to one of the assembled schema's `$defs`. */
export const ref = (name: string): JsonSchema => ({ $ref: `#/$defs/${name}` });

/** Identifiers of maps, groups and layers: letters, digits, "_", "." and "-"; starts with a letter or digit. */
export const ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.-]*$';
