/**
 * Horizontal bar charts as inline SVG (no script, no library): one row per label, one bar per series.
 * A masked cell (« < 5 ») is drawn as a hatched outline of fixed width, never at its real length.
 * The viewBox keeps the drawing readable from a 390 px phone to a desktop page.
 */
import { MASKED, THRESHOLD, type Cell } from './figures.js';
import { escapeHtml } from '../markup/escape.js';

export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  /** One row per label: a value per series. */
  readonly rows: ReadonlyArray<{ readonly label: string; readonly values: readonly Cell[] }>;
  readonly series: readonly string[];
  readonly format: (value: Cell) => string;
  /** Said in place of the value of a masked bar (« moins de 5 »). */
  readonly maskedWords: string;
}

const WIDTH = 400;
const LABEL = 128;
const BAR_END = 340;
const BAR = 14;
/** A masked bar's width: the same whatever the scale, so that its length tells nothing. */
const MASKED_WIDTH = 24;
const COLORS = ['#1d4e89', '#6b8fbf', '#9aa9bd', '#b9c3cf', '#cfd6de', '#e1e6ec'];

const shorten = (text: string, max = 18): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function barChart(spec: ChartSpec): string {
  const numbers = spec.rows.flatMap((row) => row.values.filter((v): v is number => typeof v === 'number'));
  const max = Math.max(THRESHOLD, ...numbers);
  const scale = (value: number): number => (value / max) * (BAR_END - LABEL);
  const legend = spec.series.length > 1 ? 24 : 0;
  const group = spec.series.length * (BAR + 2) + 10;
  const height = legend + Math.max(1, spec.rows.length) * group + 4;
  const parts: string[] = [];
  if (legend) spec.series.forEach((name, i) => {
    const x = 4 + i * 92;
    parts.push(`<rect x="${x}" y="6" width="12" height="12" fill="${COLORS[i % COLORS.length]}"/><text x="${x + 16}" y="16" class="legend">${escapeHtml(shorten(name, 12))}</text>`);
  });
  spec.rows.forEach((row, r) => {
    const top = legend + r * group + 4;
    parts.push(`<text x="${LABEL - 6}" y="${top + (spec.series.length * (BAR + 2)) / 2 + 4}" text-anchor="end" class="label">${escapeHtml(shorten(row.label))}<title>${escapeHtml(row.label)}</title></text>`);
    row.values.forEach((value, s) => {
      const y = top + s * (BAR + 2);
      const name = spec.series.length > 1 ? `${spec.series[s]} : ` : '';
      if (value === MASKED) {
        const width = MASKED_WIDTH;
        parts.push(
          `<g><title>${escapeHtml(`${row.label}, ${name}${spec.maskedWords}`)}</title><rect x="${LABEL}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="url(#${spec.id}-hatch)" stroke="${COLORS[s % COLORS.length]}" stroke-dasharray="3 2"/>` +
            `<text x="${(LABEL + width + 4).toFixed(1)}" y="${y + BAR - 3}" class="value">${escapeHtml(MASKED)}</text></g>`,
        );
        return;
      }
      const width = scale(value);
      parts.push(
        `<g><title>${escapeHtml(`${row.label}, ${name}${spec.format(value)}`)}</title><rect x="${LABEL}" y="${y}" width="${width.toFixed(1)}" height="${BAR}" fill="${COLORS[s % COLORS.length]}"/>` +
          `<text x="${(LABEL + width + 4).toFixed(1)}" y="${y + BAR - 3}" class="value">${escapeHtml(spec.format(value))}</text></g>`,
      );
    });
  });
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${spec.id}-title ${spec.id}-desc" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${spec.id}-title">${escapeHtml(spec.title)}</title><desc id="${spec.id}-desc">${escapeHtml(spec.description)}</desc>` +
    `<defs><pattern id="${spec.id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="6" stroke="#55606e" stroke-width="1.5"/></pattern></defs>` +
    parts.join('') +
    `</svg>`
  );
}
