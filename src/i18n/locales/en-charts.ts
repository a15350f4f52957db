/** English texts of the charts of a layer's records (see en.ts). */
import { str } from '@lit/localize';

export const charts: Record<string, unknown> = {
  'chart.bar': str`${0}: ${1} (${2})`,
  'chart.empty': 'No records to chart',
  'chart.hint': 'Arrow keys: move from bar to bar; Enter: filter the table on this bar.',
  'chart.missing': str`${0} of them without a value`,
  'chart.noValue': 'No value',
  'chart.records': str`${0} records`,
  'chart.records.of': str`${0} records of ${1}`,
  'chart.table.count': 'Count',
  'chart.table.share': 'Share',
  'chart.table.value': 'Value',
  'chart.top': str`most frequent: ${0} (${1}, ${2})`,
};
