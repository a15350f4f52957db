import type { ColumnFilter, FieldDef, FieldType, TableSettings, VectorLayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { readableName } from '../popup/format.js';

/** A column as the table uses it: its field, label, type, and filter kind. */
export interface Column {
  readonly field: string;
  readonly label: string;
  readonly type: FieldType;
  readonly numeric: boolean;
  readonly filter?: ColumnFilter;
  readonly def?: FieldDef;
}

const NUMERIC = new Set<FieldType>(['number', 'integer']);

export function tableColumns(layer: VectorLayerDef, settings: TableSettings, language: string): Column[] {
  const fields = new Map(layer.fields.map((f) => [f.name, f]));
  return settings.columns.map((column) => {
    const spec = typeof column === 'string' ? { field: column } : column;
    const def = fields.get(spec.field);
    const type = def?.type ?? 'text';
    return {
      field: spec.field,
      label: textFor(spec.label ?? def?.label, language) || readableName(spec.field),
      type,
      numeric: NUMERIC.has(type),
      filter: spec.filter,
      def,
    };
  });
}
