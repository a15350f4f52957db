/**
 * The design tokens are defined once (src/theme/tokens.ts): no `var(--cartable-x, fallback)` anywhere,
 * no hard-coded colour in src/ outside tokens.ts (but where colour is data, listed below with why),
 * no --cartable-* name that tokens.ts does not define, and README's « Thème » lists every token.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TOKENS, TOKEN_NAMES } from '../../../src/theme/tokens.js';

const ROOT = resolve(import.meta.dirname, '../../..');

function filesUnder(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|css|mjs|html)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith('src/generated/'));
}

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');
/** The code without its comments (a `//` after a colon is a URL's). */
const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:\\])\/\/.*$/gm, '$1');

const SOURCES = [...filesUnder('src'), ...filesUnder('plugin'), 'index.html'];

/** Where a colour is data, not the viewer's look: the file, the line when only one is, and why. */
const COLOUR_EXCEPTIONS: ReadonlyArray<{ readonly file: string; readonly line?: string; readonly why: string }> = [
  { file: 'src/theme/tokens.ts', why: 'the one definition of the tokens' },
  { file: 'src/theme/presets/dsfr.ts', why: 'the dsfr preset: the State design system’s colours for the tokens, checked against @gouvfr/dsfr' },
  { file: 'src/interop/common.ts', why: 'the style given to imported layers, written into their document' },
  { file: 'src/interop/sld/read.ts', why: 'SLD’s own defaults, read into a document’s style' },
  { file: 'src/context/schema/style.ts', why: 'defaults of a document’s label style (data)' },
  { file: 'src/add-layer/layer-defs.ts', why: 'the style of a layer a person adds (a document style)' },
  { file: 'src/styles/swatch.ts', why: 'a legend swatch of a document style without a colour' },
  { file: 'src/layers/points/display.ts', why: 'OpenLayers style defaults for features' },
  { file: 'src/layers/pmtiles/create.ts', why: 'OpenLayers style defaults for features' },
  { file: 'src/map/highlight.ts', why: 'OpenLayers style of the selected feature' },
  { file: 'src/report/map-glue.ts', why: 'OpenLayers style of the place « Qu’y a-t-il ici ? » describes' },
  { file: 'src/tools/marks.ts', why: 'OpenLayers styles of the marks tools draw on the map' },
  { file: 'src/tools/measure-session.ts', why: 'OpenLayers styles of a measure on the map' },
  { file: 'src/tools/map-image.ts', why: 'the PNG export’s canvas (no CSS)' },
  { file: 'src/studio/style/palettes.ts', why: 'the colour-blind-safe palettes the style editor writes into documents (data)' },
  { file: 'src/studio/style/controls.ts', line: "value ?? '#000000'", why: 'a colour input of a document style with no colour yet (an <input type=color> needs one)' },
  { file: 'src/studio/style/controls.ts', line: 'par exemple #1f78b4', why: 'the example of a document colour said to screen readers' },
  { file: 'src/i18n/locales/en-studio-style.ts', line: 'for example #1f78b4', why: 'the example of a document colour said to screen readers' },
  { file: 'src/stats/svg.ts', why: 'the usage report’s chart palette (a standalone file)' },
  { file: 'src/ui/placeholder.ts', why: 'a map’s placeholder thumbnail, its hue drawn from the map’s id' },
  { file: 'src/ui/print-marks.ts', why: 'scale bar and north arrow on paper: black on white' },
  { file: 'src/ui/cartable-print-layout.ts', why: 'the printed page: black on white paper whatever the theme' },
  { file: 'src/ui/cartable-report-print.ts', why: 'the printed report: black on white paper whatever the theme' },
  { file: 'src/ui/cartable-tools-print.ts', line: '@media print', why: 'the page behind the printed layout: white paper' },
  { file: 'src/ui/cartable-share.ts', line: '<rect width=${size} height=${size}', why: 'the QR code: black on white, for scanners' },
];

const HEX = /(?<![\w&.#-])#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})(?![\w(-])/i;
const FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch)\(\s*[\d.]/;
const NAMED = /\b(?:color|background(?:-color)?|fill|stroke|border(?:-[a-z]+)*|outline|box-shadow)\s*[:=]\s*["'`]?[^;"'`\n]*\b(?:white|black|red|green|blue|gray|grey|orange|yellow|purple|navy|silver|maroon|teal|pink)\b/i;
const isColour = (line: string): boolean => HEX.test(line) || FUNCTION.test(line) || NAMED.test(line);

describe('design tokens', () => {
  it('are used without fallback values: var(--cartable-x), never var(--cartable-x, …)', () => {
    const offenders = SOURCES.flatMap((file) => [...read(file).matchAll(/var\(--cartable-[a-z0-9-]+\s*,[^)]*\)?/g)].map((m) => `${file}: ${m[0]}`));
    expect(offenders).toEqual([]);
  });

  it('hold every colour of src/: no hex, rgb(), hsl() or colour name outside tokens.ts and its presets but the listed data colours', () => {
    const offenders = filesUnder('src').flatMap((file) => {
      const rules = COLOUR_EXCEPTIONS.filter((e) => e.file === file);
      if (rules.some((e) => !e.line)) return [];
      return code(read(file))
        .split('\n')
        .filter((line) => isColour(line) && !rules.some((e) => line.includes(e.line!)))
        .map((line) => `${file}: ${line.trim()}`);
    });
    expect(offenders).toEqual([]);
  });

  it('lists only exceptions that still hold a colour (the list stays short and true)', () => {
    for (const { file, line } of COLOUR_EXCEPTIONS) {
      const lines = code(read(file)).split('\n').filter((l) => !line || l.includes(line));
      expect(lines.some(isColour), `${file}${line ? ` (${line})` : ''}`).toBe(true);
    }
  });

  it('name only tokens that tokens.ts defines', () => {
    const known = new Set<string>(TOKEN_NAMES);
    const unknown = SOURCES.flatMap((file) => [...read(file).matchAll(/--cartable-[a-z0-9][a-z0-9-]*/g)].map((m) => m[0]).filter((name) => !known.has(name)).map((name) => `${file}: ${name}`));
    expect(unknown).toEqual([]);
  });

  it('the scan finds what it looks for', () => {
    for (const line of ['color: #fff;', 'background: rgb(0 0 0 / 0.3);', "fill: 'white'", 'border: 1px solid black;', 'stroke="#0b3d91"', 'hsl(210 50% 40%)']) expect(isColour(line), line).toBe(true);
    for (const line of ['this.#add();', 'async #add(): Promise<void> {', 'white-space: nowrap;', 'color: var(--cartable-text);', '&#123;', "'#rgb, #rrggbb'"]) expect(isColour(line), line).toBe(false);
  });

  it('are documented: README’s « Thème » lists every token with its default', () => {
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf('## Thème'), readme.indexOf('\n## ', readme.indexOf('## Thème') + 1));
    expect(section.length).toBeGreaterThan(100);
    const rows = new Map([...section.matchAll(/^\| `(--cartable-[a-z0-9-]+)` \| `([^`]*)` \|/gm)].map((m) => [m[1]!, m[2]!]));
    expect(Object.fromEntries(rows)).toEqual(DEFAULT_TOKENS);
  });
});
