/**
 * The theme's WCAG 2 contrast check (src/theme/contrast.ts): the maths against known ratios, a theme
 * that breaks a pair fails naming it, the default and the dsfr preset's tokens pass, and a value the
 * check cannot read is a warning, never a crash.
 */
import { describe, expect, it } from 'vitest';
import { checkContrast, checkSiteTheme, contrastRatio, parseColour } from '../../../src/theme/contrast.js';
import { DEFAULT_TOKENS, resolveTheme } from '../../../src/theme/tokens.js';

const ratio = (fg: string, bg: string): number => contrastRatio(parseColour(fg)!, parseColour(bg)!);

describe('WCAG 2 contrast', () => {
  it('gives the known ratios', () => {
    expect(ratio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(ratio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(ratio('#fff', '#fff')).toBe(1);
    expect(ratio('#777777', 'white')).toBeCloseTo(4.48, 2); // Just below AA.
    expect(ratio('#0000ff', '#ffffff')).toBeCloseTo(8.59, 2);
    // Either order, any syntax of the same colours.
    expect(ratio('#ffffff', '#767676')).toBeCloseTo(ratio('rgb(118, 118, 118)', 'rgb(255 255 255)'), 10);
  });

  it('reads hex (3, 4, 6, 8 digits) and rgb()/rgba() in both syntaxes; not var(), gradients or unknown names', () => {
    expect(parseColour('#1d4ed8')).toEqual([29, 78, 216, 1]);
    expect(parseColour('#fff')).toEqual([255, 255, 255, 1]);
    expect(parseColour('#0008')).toEqual([0, 0, 0, 0x88 / 255]);
    expect(parseColour('rgba(0, 0, 0, 0.5)')).toEqual([0, 0, 0, 0.5]);
    expect(parseColour('rgb(0 0 0 / 35%)')).toEqual([0, 0, 0, 0.35]);
    for (const value of ['var(--x)', 'linear-gradient(red, blue)', 'rebeccapurple', 'hsl(0 0% 0%)', '#12345']) expect(parseColour(value), value).toBeUndefined();
  });

  it('takes a translucent text over its background', () => {
    // Black at half opacity on white shows as #808080 (≈ 3.95:1).
    expect(ratio('rgb(0 0 0 / 0.5)', '#fff')).toBeCloseTo(ratio('#7f7f7f', '#fff'), 1);
  });
});

describe('a theme’s contrast', () => {
  it('passes with the default tokens and with the dsfr preset', () => {
    expect(checkContrast(resolveTheme({}))).toEqual({ failures: [], warnings: [] });
    expect(checkContrast(resolveTheme({ preset: 'dsfr' }))).toEqual({ failures: [], warnings: [] });
    expect(checkSiteTheme({ '--cartable-accent': '#00695c', '--cartable-header-bg': '#004d40', '--cartable-link': '#00695c' })).toEqual({ errors: [], warnings: [] });
  });

  it('fails a too-light accent, naming the pair, both colours and the ratio', () => {
    const { errors } = checkSiteTheme({ '--cartable-accent': '#7fb2ff' });
    expect(errors).toEqual([
      'theme: --cartable-accent (#7fb2ff) on --cartable-surface (#ffffff) has a contrast of 2.16:1, below the 4.5:1 WCAG AA asks for text (outlined buttons)',
      'theme: --cartable-accent-contrast (#ffffff) on --cartable-accent (#7fb2ff) has a contrast of 2.16:1, below the 4.5:1 WCAG AA asks for text (filled buttons)',
    ]);
  });

  it('asks 3:1 of the focus ring (a non-text mark), 4.5:1 of text', () => {
    // #949494 on white: 3.03:1, enough for the ring, not for muted text.
    expect(checkSiteTheme({ '--cartable-focus': '#949494' }).errors).toEqual([expect.stringContaining('--cartable-focus (#949494) on --cartable-bg')]);
    const muted = checkSiteTheme({ '--cartable-muted': '#949494' }).errors;
    expect(muted).toHaveLength(2);
    expect(muted[0]).toContain('below the 4.5:1 WCAG AA asks for text (secondary text on cards)');
  });

  it('fails a ratio just below the minimum, printed rounded down (#777 on white: 4.478…:1)', () => {
    expect(checkSiteTheme({ '--cartable-muted': '#777777' }).errors[0]).toContain('has a contrast of 4.47:1, below the 4.5:1');
  });

  it('warns about a value it cannot read, and checks the other pairs', () => {
    const { errors, warnings } = checkSiteTheme({ '--cartable-header-bg': 'linear-gradient(#000091, #1212ff)', '--cartable-accent': 'var(--brand)', '--cartable-danger': '#ff8080' });
    expect(warnings).toEqual([
      'theme: --cartable-accent is "var(--brand)", a colour the contrast check cannot read (use #rrggbb or rgb()); its contrast is not checked',
      'theme: --cartable-header-bg is "linear-gradient(#000091, #1212ff)", a colour the contrast check cannot read (use #rrggbb or rgb()); its contrast is not checked',
    ]);
    expect(errors).toEqual([expect.stringContaining('--cartable-danger (#ff8080) on --cartable-surface (#ffffff)')]);
  });

  it('checks the resolved tokens: a site value over the defaults', () => {
    expect(resolveTheme({ '--cartable-accent': '#000091' })['--cartable-accent']).toBe('#000091');
    expect(resolveTheme({})['--cartable-accent']).toBe(DEFAULT_TOKENS['--cartable-accent']);
  });
});
