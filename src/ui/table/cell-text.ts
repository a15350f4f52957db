import { formatValue, plainText } from '../../popup/format.js';
import type { Column } from '../../table/columns.js';
import type { Row } from '../../table/rows.js';

/** Cell texts, formatted once per row and language (scrolling redraws the same rows often). */
export class CellTexts {
  #texts = new WeakMap<Row, Map<string, string>>();

  text(row: Row, column: Column, language: string): string {
    let texts = this.#texts.get(row);
    if (!texts) this.#texts.set(row, (texts = new Map()));
    const key = `${language}:${column.field}`;
    let text = texts.get(key);
    if (text === undefined) texts.set(key, (text = format(row, column, language)));
    return text;
  }
}

function format(row: Row, column: Column, language: string): string {
  const value = row.values[column.field];
  const shown = formatValue(value, column.def, { language, baseUrl: location.href });
  return shown.kind === 'text' || shown.kind === 'link' ? shown.text : plainText(value, language);
}
