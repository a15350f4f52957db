/**
 * A site's `theme` in its configuration: a preset and tokens, names checked against tokens.ts; a theme
 * below WCAG AA fails the build and `cartable validate`, naming the pair.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSiteContent } from '../../../plugin/plugin.js';
import { formatProblem } from '../../../src/context/problems.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import { runCartable } from '../../support/cartable-cli.js';
import { minimalDocument } from '../context/fixtures.js';
import { writeProject } from '../plugin/site-build.js';

const work = mkdtempSync(join(tmpdir(), 'cartable-theme-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const problemsOf = (theme: unknown): string[] => {
  const result = validateSiteConfig({ version: 1, name: 'Essai', theme });
  return result.ok ? [] : result.problems.map((p) => formatProblem('site.config.json', p));
};

describe('the site configuration’s theme', () => {
  it('takes no theme, tokens of its own, and a preset', () => {
    expect(problemsOf({})).toEqual([]);
    expect(problemsOf({ '--cartable-accent': '#000091' })).toEqual([]);
    expect(problemsOf({ preset: 'dsfr', '--cartable-header-bg': '#000091', '--cartable-font': "Marianne, 'Segoe UI', sans-serif" })).toEqual([]);
    expect(problemsOf({ preset: 'default' })).toEqual([]);
  });

  it('refuses a name that is not a token, an unknown preset and a value that could end the rule', () => {
    expect(problemsOf({ '--cartable-acent': '#000091' })).toEqual([
      'site.config.json: /theme/--cartable-acent: expected a design token of Cartable: "preset" or one of the --cartable-* names of src/theme/tokens.ts (README, « Thème »), got "--cartable-acent"',
    ]);
    expect(problemsOf({ color: 'red' })).toHaveLength(1);
    expect(problemsOf({ preset: 'material' })).toEqual(['site.config.json: /theme/preset: must be one of "default", "dsfr", got "material"']);
    expect(problemsOf({ '--cartable-accent': 'red; } body { display: none' })).toEqual([
      'site.config.json: /theme/--cartable-accent: expected a CSS value, without ; { } < >, got "red; } body { display: none"',
    ]);
  });
});

describe('a theme below WCAG AA', () => {
  const site = (theme: Record<string, string>) => ({ version: 1, name: 'Essai', theme });

  it('fails the build, naming the pair, both colours and the ratio', () => {
    const root = join(work, 'project');
    writeProject(root, { 'maps/essai.json': minimalDocument(), 'site.config.json': site({ '--cartable-accent': '#7fb2ff' }) });
    expect(() => buildSiteContent(root)).toThrow(
      'site.config.json: theme: --cartable-accent (#7fb2ff) on --cartable-surface (#ffffff) has a contrast of 2.16:1, below the 4.5:1 WCAG AA asks for text (outlined buttons)',
    );
    writeFileSync(join(root, 'site.config.json'), JSON.stringify(site({ '--cartable-accent': '#00695c' })));
    expect(buildSiteContent(root).site.theme).toEqual({ '--cartable-accent': '#00695c' });
  });

  it('makes `cartable validate` fail with the same message; an unreadable colour is a warning', async () => {
    const bad = join(work, 'site.config.json');
    writeFileSync(bad, JSON.stringify(site({ '--cartable-accent': '#7fb2ff' })));
    const failed = await runCartable('validate', bad);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`${bad}: theme: --cartable-accent (#7fb2ff) on --cartable-surface (#ffffff) has a contrast of 2.16:1`);
    writeFileSync(bad, JSON.stringify(site({ '--cartable-header-bg': 'linear-gradient(#000091, #1212ff)' })));
    const warned = await runCartable('validate', bad);
    expect(warned.status).toBe(0);
    expect(warned.stderr).toContain(`${bad}: warning: theme: --cartable-header-bg is "linear-gradient(#000091, #1212ff)", a colour the contrast check cannot read`);
    expect(warned.stdout).toContain('valid site configuration');
  }, 60_000);
});
