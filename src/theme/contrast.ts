/**
 * WCAG 2 contrast of a theme: every text/background pair the viewer draws from its tokens, with the
 * AA minimum (4.5:1 for text, 3:1 for non-text marks such as the focus ring and input borders). The
 * build fails on a pair below it (plugin/plugin.ts), `cartable validate` says the same; a value
 * this check cannot read (`var(…)`, a gradient, a colour name it does not know) is a warning.
 */
import { resolveTheme, type SiteTheme, type TokenName, type Tokens } from './tokens.js';

export interface ContrastPair {
  readonly foreground: TokenName;
  readonly background: TokenName;
  readonly minimum: 4.5 | 3;
  /** Where the viewer draws it, in a few words. */
  readonly where: string;
}

const text = (foreground: TokenName, background: TokenName, where: string): ContrastPair => ({ foreground, background, minimum: 4.5, where });
const mark = (foreground: TokenName, background: TokenName, where: string): ContrastPair => ({ foreground, background, minimum: 3, where });

export const CONTRAST_PAIRS: readonly ContrastPair[] = [
  text('--cartable-text', '--cartable-bg', 'text on the page'),
  text('--cartable-text', '--cartable-surface', 'text on cards and panels'),
  text('--cartable-text', '--cartable-hover', 'text of a hovered row'),
  text('--cartable-text', '--cartable-map-bg', 'a message where the map would be'),
  text('--cartable-text', '--cartable-selection-bg', 'the selected table row'),
  text('--cartable-text', '--cartable-report-area-bg', 'the place picked for « Qu’y a-t-il ici ? »'),
  text('--cartable-muted', '--cartable-surface', 'secondary text on cards'),
  text('--cartable-muted', '--cartable-bg', 'secondary text on the page'),
  text('--cartable-link', '--cartable-surface', 'links'),
  text('--cartable-link', '--cartable-bg', 'links on the page'),
  text('--cartable-accent', '--cartable-surface', 'outlined buttons'),
  text('--cartable-accent-contrast', '--cartable-accent', 'filled buttons'),
  text('--cartable-header-text', '--cartable-header-bg', 'the header and the notices over the map'),
  text('--cartable-danger', '--cartable-surface', 'error messages'),
  text('--cartable-success', '--cartable-surface', 'success messages'),
  text('--cartable-warning', '--cartable-surface', 'warnings'),
  text('--cartable-tag-text', '--cartable-tag-bg', 'tags of the catalog'),
  text('--cartable-restricted', '--cartable-restricted-bg', 'the « restricted » badge'),
  mark('--cartable-focus', '--cartable-surface', 'the focus ring on cards'),
  mark('--cartable-focus', '--cartable-bg', 'the focus ring on the page'),
  mark('--cartable-border-strong', '--cartable-surface', 'borders of inputs'),
];

type Rgba = readonly [number, number, number, number];

const NAMED: Readonly<Record<string, Rgba>> = { white: [255, 255, 255, 1], black: [0, 0, 0, 1], transparent: [0, 0, 0, 0] };

/** A CSS colour as red, green, blue (0–255) and alpha (0–1): hex, rgb()/rgba() (both syntaxes), white or black; else undefined. */
export function parseColour(value: string): Rgba | undefined {
  const v = value.trim().toLowerCase();
  if (NAMED[v]) return NAMED[v];
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/.exec(v)?.[1];
  if (hex) {
    const digits = hex.length <= 4 ? [...hex].map((d) => d + d) : hex.match(/../g)!;
    const [r, g, b, a = 'ff'] = digits as [string, string, string, string?];
    return [parseInt(r, 16), parseInt(g, 16), parseInt(b, 16), parseInt(a, 16) / 255];
  }
  const fn = /^rgba?\(([^()]*)\)$/.exec(v)?.[1];
  if (!fn) return undefined;
  const parts = fn.split(/[\s,/]+/).filter(Boolean);
  if (parts.length !== 3 && parts.length !== 4) return undefined;
  const number = (part: string, scale: number): number => (part.endsWith('%') ? (parseFloat(part) / 100) * scale : parseFloat(part));
  const [r, g, b] = parts.slice(0, 3).map((p) => number(p, 255)) as [number, number, number];
  const a = parts[3] === undefined ? 1 : number(parts[3], 1);
  if (![r, g, b, a].every(Number.isFinite)) return undefined;
  return [r, g, b, Math.min(1, Math.max(0, a))];
}

/** WCAG 2 relative luminance of an opaque colour. */
export function luminance([r, g, b]: Rgba): number {
  const channel = (c: number): number => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** A translucent colour as it shows over an opaque one. */
const over = ([r, g, b, a]: Rgba, [br, bg, bb]: Rgba): Rgba => [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a), 1];

/** The WCAG 2 contrast ratio of two colours (a translucent background is taken over white, a translucent text over its background). */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const back = over(background, NAMED.white!);
  const [l1, l2] = [luminance(over(foreground, back)), luminance(back)];
  return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
}

export interface ContrastFailure {
  readonly pair: ContrastPair;
  readonly foregroundValue: string;
  readonly backgroundValue: string;
  readonly ratio: number;
}

export interface ThemeCheck {
  readonly failures: readonly ContrastFailure[];
  /** Token values the check cannot read, each once. */
  readonly warnings: readonly string[];
}

/** Every pair of `tokens` below its WCAG AA minimum, and the values the check could not read. */
export function checkContrast(tokens: Tokens): ThemeCheck {
  const failures: ContrastFailure[] = [];
  const unreadable = new Set<TokenName>();
  for (const pair of CONTRAST_PAIRS) {
    const [fg, bg] = [parseColour(tokens[pair.foreground]), parseColour(tokens[pair.background])];
    if (!fg) unreadable.add(pair.foreground);
    if (!bg) unreadable.add(pair.background);
    if (!fg || !bg) continue;
    const ratio = contrastRatio(fg, bg);
    // Rounded down to two decimals as the ratio is printed: 4.499 fails, as it shows « 4.49:1 ».
    if (Math.floor(ratio * 100) / 100 < pair.minimum) failures.push({ pair, foregroundValue: tokens[pair.foreground], backgroundValue: tokens[pair.background], ratio });
  }
  const warnings = [...unreadable].map((name) => `theme: ${name} is "${tokens[name]}", a colour the contrast check cannot read (use #rrggbb or rgb()); its contrast is not checked`);
  return { failures, warnings };
}

/** One line for a failure: the pair, both colours, the ratio and the minimum. */
export const contrastFailureText = ({ pair, foregroundValue, backgroundValue, ratio }: ContrastFailure): string =>
  `theme: ${pair.foreground} (${foregroundValue}) on ${pair.background} (${backgroundValue}) has a contrast of ${(Math.floor(ratio * 100) / 100).toFixed(2)}:1, below the ${pair.minimum}:1 WCAG AA asks for ${pair.minimum === 3 ? 'non-text marks' : 'text'} (${pair.where})`;

/** The build's and `cartable validate`'s check of a site's theme: a line per failing pair (errors) and per unreadable value (warnings). */
export function checkSiteTheme(theme: SiteTheme | undefined): { errors: string[]; warnings: string[] } {
  const { failures, warnings } = checkContrast(resolveTheme(theme));
  return { errors: failures.map(contrastFailureText), warnings: [...warnings] };
}
