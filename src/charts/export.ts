/**
 * A chart as a file: the drawn SVG made standalone (its title written in, every token resolved to
 * its colour, nothing interactive), that SVG as a PNG at 2×, or its figures as CSV through the
 * project's one CSV writer. Each gives a Blob and a file name from the chart's title.
 */
import { msg } from '@lit/localize';
import { csvDocument, type CsvSeparator } from '../csv/cell.js';
import { escapeHtml } from '../markup/escape.js';
import { textFor } from '../i18n/text.js';
import type { CartableChart } from './cartable-chart.js';
import { shareOf } from './figures.js';
import { fitLabel } from './layout.js';
import type { ChartFigures } from './types.js';

export interface ChartFile {
  readonly blob: Blob;
  readonly name: string;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
/** The properties the chart's style sheet sets, copied as resolved values (no var() left). */
const PAINTED = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'font-family', 'font-size', 'font-weight', 'font-variant-numeric'] as const;
const MARGIN = 12;
const TITLE_SIZE = 15;
const TITLE_ROOM = 30;

/** « Géosites par type » → « geosites-par-type »: accents dropped, one dash between words. */
export function slug(text: string, fallback = 'graphique'): string {
  const words = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return words || fallback;
}

export const chartFileName = (figures: ChartFigures, language: string, extension: string): string =>
  `${slug(textFor(figures.chart.title, language), slug(figures.chart.id))}.${extension}`;

/** Attributes only the page needs (styling hooks, interaction, Lit's bindings). */
const pageOnly = (name: string): boolean => name === 'class' || name === 'style' || name === 'role' || name === 'tabindex' || name.startsWith('aria-') || name.startsWith('data-');

const attributesText = (attributes: ReadonlyArray<readonly [string, string | number]>): string =>
  attributes.map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`).join('');

/**
 * The drawn elements written out as text, each with its resolved paint as presentation attributes
 * (fill="…", no var() left). Text, not a DOM copy: a style attribute set on any node of the page
 * would break its Content-Security-Policy (style-src 'self').
 */
function paintedMarkup(parent: Element): string {
  let out = '';
  for (const child of parent.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) out += escapeHtml(child.textContent ?? '');
    if (!(child instanceof SVGElement) || child.matches('.focus-ring, .hit')) continue;
    const attributes: Array<readonly [string, string]> = [...child.attributes].filter((a) => !pageOnly(a.name)).map((a) => [a.name, a.value] as const);
    if (child.localName !== 'g' && child.localName !== 'title') {
      const computed = getComputedStyle(child);
      for (const name of PAINTED) attributes.push([name, computed.getPropertyValue(name)]);
    }
    out += `<${child.localName}${attributesText(attributes)}>${paintedMarkup(child)}</${child.localName}>`;
  }
  return out;
}

/** The chart's SVG as a document of its own: title and summary, the page's colours and font written in. */
export function standaloneSvg(element: CartableChart): string {
  const live = element.chartSvg;
  if (!live) throw new Error('the chart has nothing drawn (no figures, or no bars)');
  const width = live.width.baseVal.value;
  const height = live.height.baseVal.value;
  const host = getComputedStyle(element);
  const fullWidth = width + 2 * MARGIN;
  const fullHeight = height + TITLE_ROOM + 2 * MARGIN;
  const surface = host.getPropertyValue('--cartable-surface').trim();
  const title = fitLabel(element.heading, (width * 13) / TITLE_SIZE);
  return [
    `<svg${attributesText([['xmlns', SVG_NS], ['width', fullWidth], ['height', fullHeight], ['viewBox', `0 0 ${fullWidth} ${fullHeight}`], ['role', 'img']])}>`,
    `<title>${escapeHtml(element.heading)}</title><desc>${escapeHtml(element.summary())}</desc>`,
    surface ? `<rect${attributesText([['width', fullWidth], ['height', fullHeight], ['fill', surface]])}></rect>` : '',
    `<text${attributesText([['x', MARGIN], ['y', MARGIN + TITLE_SIZE], ['fill', host.color], ['font-family', host.fontFamily], ['font-size', `${TITLE_SIZE}px`], ['font-weight', '600']])}>${escapeHtml(title)}</text>`,
    `<g transform="translate(${MARGIN} ${MARGIN + TITLE_ROOM})">${paintedMarkup(live)}</g>`,
    '</svg>',
  ].join('');
}

export function chartSvgFile(element: CartableChart): ChartFile {
  const blob = new Blob([standaloneSvg(element)], { type: 'image/svg+xml' });
  return { blob, name: chartFileName(element.figures!, element.language, 'svg') };
}

/** The standalone SVG drawn on a canvas at twice its size, as a PNG. */
export async function chartPngFile(element: CartableChart, scale = 2): Promise<ChartFile> {
  const text = standaloneSvg(element);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas in this browser');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the canvas gave no PNG');
    return { blob, name: chartFileName(element.figures!, element.language, 'png') };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The figures as CSV: value, count, share in % (one decimal, the separator's decimal mark), then the records without a value. */
export function chartCsv(figures: ChartFigures, separator: CsvSeparator = ';'): string {
  const percent = (n: number): string => {
    const text = (Math.round(n * 1000) / 10).toString();
    return separator === ';' ? text.replace('.', ',') : text;
  };
  const header = [msg('Valeur', { id: 'chart.table.value' }), msg('Nombre', { id: 'chart.table.count' }), `${msg('Part', { id: 'chart.table.share' })} (%)`];
  const rows: unknown[][] = figures.bars.map((bar) => [bar.label, bar.count, percent(shareOf(bar, figures))]);
  if (figures.missing > 0) rows.push([msg('Sans valeur', { id: 'chart.noValue' }), figures.missing, '']);
  return csvDocument([header, ...rows], separator);
}

export function chartCsvFile(figures: ChartFigures, language: string, separator: CsvSeparator = ';'): ChartFile {
  return { blob: new Blob([chartCsv(figures, separator)], { type: 'text/csv;charset=utf-8' }), name: chartFileName(figures, language, 'csv') };
}
