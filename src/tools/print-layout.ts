/**
 * The print layout's geometry, in millimetres on paper. Pure: the print element draws these boxes
 * and the map is rendered at the map box's aspect, so what is printed is what was measured here.
 */

export type Paper = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

/** Paper sizes, portrait (ISO 216). */
export const PAPERS: Readonly<Record<Paper, readonly [number, number]>> = { A4: [210, 297], A3: [297, 420] };

export const MARGIN_MM = 10;
const HEADER_MM = 18;
const FOOTER_MM = 10;
const GAP_MM = 5;

export interface PrintLayout {
  readonly paper: Paper;
  readonly orientation: Orientation;
  /** The page, [width, height]. */
  readonly page: readonly [number, number];
  /** The printable area inside the margins. */
  readonly content: readonly [number, number];
  /** The map's box. */
  readonly map: readonly [number, number];
  /** The legend, scale and north arrow: beside the map (landscape) or below it (portrait). */
  readonly side: readonly [number, number];
  readonly sideBeside: boolean;
}

export function printLayout(paper: Paper, orientation: Orientation): PrintLayout {
  const [short, long] = PAPERS[paper];
  const page: [number, number] = orientation === 'portrait' ? [short, long] : [long, short];
  const content: [number, number] = [page[0] - 2 * MARGIN_MM, page[1] - 2 * MARGIN_MM];
  const body: [number, number] = [content[0], content[1] - HEADER_MM - FOOTER_MM];
  const beside = orientation === 'landscape';
  // The legend takes about a quarter of the page's long side, below or beside the map.
  const sideSize = Math.round((beside ? content[0] : content[1]) * 0.24);
  const map: [number, number] = beside ? [body[0] - sideSize - GAP_MM, body[1]] : [body[0], body[1] - sideSize - GAP_MM];
  const side: [number, number] = beside ? [sideSize, body[1]] : [body[0], sideSize];
  return { paper, orientation, page, content, map, side, sideBeside: beside };
}

/** Pixels drawn per millimetre of paper for the map image (150 dpi: sharp print, sane memory). */
export const PRINT_PX_PER_MM = 150 / 25.4;

export interface ScaleBar {
  /** Length on the ground, in metres (a round number). */
  readonly metres: number;
  /** Its length on paper. */
  readonly mm: number;
}

/**
 * A scale bar of a round ground length (1, 2 or 5 × 10ⁿ m) close to `targetMm` on paper, given the
 * ground metres one paper millimetre covers at the map's centre.
 */
export function scaleBar(metresPerMm: number, targetMm = 30): ScaleBar {
  const ideal = metresPerMm * targetMm;
  const power = 10 ** Math.floor(Math.log10(ideal));
  const step = [1, 2, 5, 10].map((s) => s * power).reduce((best, s) => (Math.abs(s - ideal) < Math.abs(best - ideal) ? s : best));
  return { metres: step, mm: step / metresPerMm };
}

/** The paper scale denominator, rounded to 2 significant digits (« 1 : 25 000 », « 1 : 1 300 000 »). */
export function scaleDenominator(metresPerMm: number): number {
  const exact = metresPerMm * 1000;
  const power = 10 ** Math.max(0, Math.floor(Math.log10(exact)) - 1);
  return Math.round(exact / power) * power;
}
