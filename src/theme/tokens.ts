/**
 * Cartable's design tokens: every --cartable-* custom property the viewer's styles read, with its
 * default, defined here only. The styles use them without fallback values (`var(--cartable-accent)`);
 * the values are set on the page's :root (its CSS: virtual:cartable/tokens.css, plugin/plugin.ts)
 * and on the <cartable-map> element's :host (src/embed/cartable-map.ts). A site re-themes the viewer with its configuration's `theme`: a preset,
 * then tokens of its own (README, « Thème »).
 */
import { dsfrTokens } from './presets/dsfr.js';

export const DEFAULT_TOKENS = {
  // Colours: the page, cards and text.
  '--cartable-bg': '#f4f6f9',
  '--cartable-surface': '#ffffff',
  '--cartable-text': '#1e1e1e',
  '--cartable-muted': '#50565e',
  '--cartable-border': '#d9dee5',
  '--cartable-border-strong': '#767c85',
  '--cartable-hover': '#eef2f7',
  // Actions and states.
  '--cartable-accent': '#1d4ed8',
  '--cartable-accent-contrast': '#ffffff',
  '--cartable-link': '#1d4ed8',
  '--cartable-focus': '#0a76f6',
  '--cartable-danger': '#b3261e',
  '--cartable-success': '#1e6b34',
  '--cartable-warning': '#8a4b00',
  // The header, the map, and marks on it.
  '--cartable-header-bg': '#14213d',
  '--cartable-header-text': '#ffffff',
  '--cartable-map-bg': '#dfe9f3',
  '--cartable-crosshair': '#0b3d91',
  '--cartable-selection': '#e07b00',
  '--cartable-selection-bg': '#fff4e0',
  '--cartable-report-area': '#6a1b9a',
  '--cartable-report-area-bg': '#f3e8fa',
  '--cartable-tag-bg': '#e3ebf7',
  '--cartable-tag-text': '#1b3a6b',
  '--cartable-restricted': '#8a4b00',
  '--cartable-restricted-bg': '#fdf0e1',
  // Layers over the page: a dialog's backdrop, a hint over the map.
  '--cartable-backdrop': 'rgb(0 0 0 / 0.35)',
  '--cartable-scrim': 'rgb(0 0 0 / 0.45)',
  '--cartable-scrim-text': '#ffffff',
  // Type.
  '--cartable-font': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  '--cartable-mono': "ui-monospace, 'SFMono-Regular', Menlo, monospace",
  '--cartable-font-size': '1rem',
  '--cartable-font-size-small': '0.875rem',
  '--cartable-font-size-large': '1.15rem',
  '--cartable-font-size-title': '1.5rem',
  // Spacing scale.
  '--cartable-space-1': '0.25rem',
  '--cartable-space-2': '0.5rem',
  '--cartable-space-3': '0.75rem',
  '--cartable-space-4': '1rem',
  '--cartable-space-5': '1.5rem',
  '--cartable-space-6': '2rem',
  // Shapes, focus ring, elevation.
  '--cartable-radius': '6px',
  '--cartable-radius-large': '10px',
  '--cartable-focus-width': '3px',
  '--cartable-shadow-small': '0 1px 6px rgb(0 0 0 / 0.25)',
  '--cartable-shadow-medium': '0 6px 20px rgb(0 0 0 / 0.18)',
  '--cartable-shadow': '0 10px 40px rgb(0 0 0 / 0.25)',
  '--cartable-shadow-sheet': '0 -6px 24px rgb(0 0 0 / 0.25)',
  // Sizes of parts (a dialog sets its own width on its :host).
  '--cartable-dialog-width': '34rem',
  '--cartable-panel-width': '21rem',
  '--cartable-search-width': '100%',
  '--cartable-map-height': '450px',
} as const;

export type TokenName = keyof typeof DEFAULT_TOKENS;
export type Tokens = Readonly<Record<TokenName, string>>;

export const TOKEN_NAMES = Object.keys(DEFAULT_TOKENS) as TokenName[];

/** The names a site configuration's `theme` may hold: "preset" and the tokens. */
export const THEME_NAME_PATTERN = `^(preset|--cartable-(${TOKEN_NAMES.map((name) => name.slice('--cartable-'.length)).join('|')}))$`;

export const THEME_PRESETS = ['default', 'dsfr'] as const;
export type ThemePreset = (typeof THEME_PRESETS)[number];

/** A site configuration's `theme`: a preset, then tokens of its own. */
export type SiteTheme = { readonly preset?: ThemePreset } & { readonly [token: `--cartable-${string}`]: string };

const PRESETS: Readonly<Record<ThemePreset, Readonly<Record<string, string>>>> = { default: {}, dsfr: dsfrTokens };

export const isTokenName = (name: string): name is TokenName => Object.hasOwn(DEFAULT_TOKENS, name);

/** The final value of every token for a site: the defaults, then its preset's, then its own. */
export function resolveTheme(theme: SiteTheme = {}): Tokens {
  const resolved: Record<string, string> = { ...DEFAULT_TOKENS };
  const { preset = 'default', ...own } = theme;
  for (const layer of [PRESETS[preset], own as Record<string, string>]) {
    for (const [name, value] of Object.entries(layer)) if (isTokenName(name)) resolved[name] = value;
  }
  return resolved as Tokens;
}

/** The tokens as CSS declarations (`--cartable-bg: #f4f6f9;` …), for a :root or :host rule. */
export const tokenDeclarations = (tokens: Readonly<Record<string, string>>): string =>
  Object.entries(tokens)
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
