/**
 * What a conversion could not do, item by item. Converters never drop anything silently: what
 * they leave out, change or guess is written here in plain words, with where it was in the input.
 */

export type ReportLevel = 'error' | 'warning' | 'info';

export interface ReportItem {
  readonly level: ReportLevel;
  /** Where in the input: an XPath-like path for XML, a JSON pointer for JSON. */
  readonly path: string;
  readonly message: string;
}

/** A converted document (a plain object shaped like a map context, not yet validated) and its report. */
export interface Conversion {
  readonly document?: Record<string, unknown>;
  readonly report: readonly ReportItem[];
}

export class Report {
  readonly items: ReportItem[] = [];

  error(path: string, message: string): void {
    this.items.push({ level: 'error', path, message });
  }

  warning(path: string, message: string): void {
    this.items.push({ level: 'warning', path, message });
  }

  info(path: string, message: string): void {
    this.items.push({ level: 'info', path, message });
  }

  get hasErrors(): boolean {
    return this.items.some((item) => item.level === 'error');
  }
}

/** "warning /config/themes/theme[2]/layer[1]: …" */
export const formatReportItem = (item: ReportItem): string => `${item.level} ${item.path || '/'}: ${item.message}`;
