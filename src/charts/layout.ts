/**
 * Where each bar or slice goes, in SVG user units (CSS pixels), for a given width. Horizontal bars,
 * each under its label: long French labels read whole on a 390 px phone, and the count sits at the
 * bar's end. A pie draws its slices and, beside it or under it, a legend with the counts.
 */
import type { ChartBar } from './types.js';

export const LABEL_SIZE = 13;
/** A label's line, then the bar under it. */
export const ROW_HEIGHT = 44;
const BAR_TOP = 20;
export const BAR_HEIGHT = 16;
/** Room kept right of the longest bar for its count (« 12 345 »). */
const COUNT_ROOM = 64;
/** An average character width of the UI font at LABEL_SIZE, to cut labels that would overflow. */
const CHAR_WIDTH = LABEL_SIZE * 0.56;

export interface BarPlace {
  readonly y: number;
  readonly labelY: number;
  readonly barY: number;
  readonly width: number;
  readonly countX: number;
  readonly countY: number;
  /** The label cut to the width (the full one goes in the accessible name and the SVG <title>). */
  readonly label: string;
}

export interface BarLayout {
  readonly width: number;
  readonly height: number;
  readonly bars: readonly BarPlace[];
}

/** A label cut to `room` pixels, with an ellipsis. */
export function fitLabel(label: string, room: number): string {
  const most = Math.max(4, Math.floor(room / CHAR_WIDTH));
  return label.length <= most ? label : `${label.slice(0, most - 1).trimEnd()}…`;
}

export function barLayout(bars: readonly ChartBar[], width: number): BarLayout {
  const max = bars.reduce((m, b) => Math.max(m, b.count), 0);
  const room = Math.max(80, width - COUNT_ROOM);
  const places = bars.map((bar, i): BarPlace => {
    const y = i * ROW_HEIGHT;
    const w = max > 0 && bar.count > 0 ? Math.max(2, (bar.count / max) * room) : 0;
    return {
      y,
      labelY: y + LABEL_SIZE + 2,
      barY: y + BAR_TOP,
      width: w,
      countX: w + 6,
      countY: y + BAR_TOP + BAR_HEIGHT - 3,
      label: fitLabel(bar.label, width - 4),
    };
  });
  return { width, height: bars.length * ROW_HEIGHT + 2, bars: places };
}

export interface SlicePlace {
  /** The slice's path; a single slice of everything is a whole circle (no path). */
  readonly path?: string;
  readonly legendY: number;
  readonly label: string;
}

export interface PieLayout {
  readonly width: number;
  readonly height: number;
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly legendX: number;
  readonly slices: readonly SlicePlace[];
}

export const LEGEND_ROW = 28;
const PIE_MAX = 220;
/** Room a legend beside the pie needs; narrower, it goes under the pie. */
const LEGEND_BESIDE = 200;

const point = (cx: number, cy: number, r: number, angle: number): string =>
  `${(cx + r * Math.cos(angle)).toFixed(2)} ${(cy + r * Math.sin(angle)).toFixed(2)}`;

export function pieLayout(bars: readonly ChartBar[], width: number): PieLayout {
  const size = Math.min(PIE_MAX, width);
  const beside = width >= size + LEGEND_BESIDE;
  const r = size / 2 - 4;
  const cx = size / 2;
  const cy = size / 2;
  const total = bars.reduce((s, b) => s + b.count, 0);
  const legendX = beside ? size + 16 : 0;
  const legendTop = beside ? Math.max(0, cy - (bars.length * LEGEND_ROW) / 2) : size + 12;
  let angle = -Math.PI / 2;
  const slices = bars.map((bar, i): SlicePlace => {
    const sweep = total > 0 ? (bar.count / total) * 2 * Math.PI : 0;
    const start = angle;
    angle += sweep;
    const whole = sweep >= 2 * Math.PI - 1e-9;
    const path = whole || sweep === 0 ? undefined : `M${cx} ${cy} L${point(cx, cy, r, start)} A${r} ${r} 0 ${sweep > Math.PI ? 1 : 0} 1 ${point(cx, cy, r, angle)} Z`;
    return { path, legendY: legendTop + i * LEGEND_ROW, label: fitLabel(bar.label, width - legendX - 90) };
  });
  const height = beside ? Math.max(size, legendTop + bars.length * LEGEND_ROW) : legendTop + bars.length * LEGEND_ROW;
  return { width, height: Math.ceil(height) + 2, cx, cy, r, legendX, slices };
}
