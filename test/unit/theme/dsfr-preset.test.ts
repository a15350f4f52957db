/**
 * The dsfr preset's values are the State design system's own: each token's DSFR decision is resolved
 * in the installed package's core.css (light scheme), so an upgrade that changes one fails here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { dsfrDecisions, dsfrTokens } from '../../../src/theme/presets/dsfr.js';

const require = createRequire(import.meta.url);
const CORE_CSS = readFileSync(require.resolve('@gouvfr/dsfr/dist/core/core.css'), 'utf8');

/** The custom properties of core.css's first `:root { … }` block (the light scheme). */
function lightScheme(css: string): Map<string, string> {
  const block = /^:root \{([^}]*)\}/m.exec(css);
  if (!block) throw new Error('core.css: no :root block');
  return new Map([...block[1]!.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

/** A decision followed through its var() chain to a colour. */
function resolve(name: string, vars: Map<string, string>, depth = 0): string {
  const value = vars.get(name);
  if (value === undefined || depth > 10) throw new Error(`core.css: ${name} is not defined`);
  const reference = /^var\((--[a-z0-9-]+)\)$/.exec(value);
  return reference ? resolve(reference[1]!, vars, depth + 1) : value;
}

describe('the dsfr preset', () => {
  const vars = lightScheme(CORE_CSS);

  it.each(Object.entries(dsfrDecisions))('%s is the package’s %s', (token, decision) => {
    expect(dsfrTokens[token]).toBe(resolve(decision, vars));
  });

  it('takes blue France for actions and links', () => {
    expect(resolve('--blue-france-sun-113-625', vars)).toBe('#000091');
    expect(dsfrTokens['--cartable-accent']).toBe('#000091');
  });

  it('uses the package’s focus ring colour and font stack', () => {
    const focusRule = /a:focus,\s*button:focus[^{]*\{[^}]*outline-color:\s*(#[0-9a-f]+)/.exec(CORE_CSS);
    expect(focusRule?.[1]).toBe(dsfrTokens['--cartable-focus']);
    const fontStack = /font-family:\s*("Marianne", arial, sans-serif);/.exec(CORE_CSS);
    expect(fontStack?.[1]).toBe(dsfrTokens['--cartable-font']);
  });

  it('gives every token a value without a fallback', () => {
    for (const [token, value] of Object.entries(dsfrTokens)) {
      expect(token).toMatch(/^--cartable-[a-z0-9-]+$/);
      expect(value).not.toMatch(/var\(|[;{}<>]/);
    }
  });
});
