/**
 * A chart as a file: the drawn SVG made standalone (its title written in, every token resolved to
 * its colour, nothing interactive), that SVG as a PNG at 2×, or its figures as CSV through the
 * project's one CSV writer. Each gives a Blob and a file name from the chart's title.
 */
import { msg } from '@lit/localize';
import { csvDocument, type CsvSeparator } from '../csv/cell.js';
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

/** Copies each drawn element's resolved paint onto its clone, and drops what only the page needs. */
function resolveStyles(live: SVGSVGElement, clone: SVGSVGElement): void {
  const lives = [...live.querySelectorAll('*')];
  const clones = [...clone.querySelectorAll('*')];
  clones.forEach((node, i) => {
    const source = lives[i]!;
    if (source.matches('.focus-ring, .hit')) {
      node.remove();
      return;
    }
    const computed = getComputedStyle(source);
    const style = PAINTED.map((name) => `${name}:${computed.getPropertyValue(name)}`).join(';');
    for (const name of [...node.getAttributeNames()]) {
      if (name === 'class' || name === 'style' || name === 'role' || name === 'tabindex' || name.startsWith('aria-') || name.startsWith('data-')) node.removeAttribute(name);
    }
    if (source.localName !== 'g' && source.localName !== 'title') node.setAttribute('style', style);
  });
  // Lit's markers.
  const walker = clone.ownerDocument.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
}

/** The chart's SVG as a document of its own: title and summary, the page's colours and font written in. */
export function standaloneSvg(element: CartableChart): string {
  const live = element.chartSvg;
  if (!live) throw new Error('the chart has nothing drawn (no figures, or no bars)');
  const width = live.width.baseVal.value;
  const height = live.height.baseVal.value;
  const clone = live.cloneNode(true) as SVGSVGElement;
  resolveStyles(live, clone);
  const host = getComputedStyle(element);
  const doc = live.ownerDocument;
  const make = (name: string, attributes: Record<string, string | number>, text?: string): SVGElement => {
    const node = doc.createElementNS(SVG_NS, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const fullWidth = width + 2 * MARGIN;
  const fullHeight = height + TITLE_ROOM + 2 * MARGIN;
  const out = make('svg', { xmlns: SVG_NS, width: fullWidth, height: fullHeight, viewBox: `0 0 ${fullWidth} ${fullHeight}`, role: 'img' });
  out.append(make('title', {}, element.heading), make('desc', {}, element.summary()));
  const surface = host.getPropertyValue('--cartable-surface').trim();
  if (surface) out.append(make('rect', { width: fullWidth, height: fullHeight, style: `fill:${surface}` }));
  const titleStyle = `fill:${host.color};font-family:${host.fontFamily};font-size:${TITLE_SIZE}px;font-weight:600`;
  out.append(make('text', { x: MARGIN, y: MARGIN + TITLE_SIZE, style: titleStyle }, fitLabel(element.heading, (width * 13) / TITLE_SIZE)));
  const body = make('g', { transform: `translate(${MARGIN} ${MARGIN + TITLE_ROOM})` });
  body.append(...clone.childNodes);
  out.append(body);
  return new XMLSerializer().serializeToString(out);
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
