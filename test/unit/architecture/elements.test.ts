/**
 * Custom elements are registered through src/ui/define.ts only (a name already taken never throws),
 * and its list of Cartable's tag names (checked against the host page's own elements before a
 * <cartable-map> starts) names every element src/ defines. Inline styles go through the CSSOM: the
 * site's Content-Security-Policy refuses style attributes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CARTABLE_TAGS } from '../../../src/ui/define.js';
import { STUDIO_TAGS } from '../../../src/studio/tags.js';

const SRC = resolve(import.meta.dirname, '../../../src');
function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ name: relative(SRC, path), text: readFileSync(path, 'utf8') }));

describe('custom elements', () => {
  it('are defined through the guarded helper, never with Lit’s @customElement or customElements.define', () => {
    const offenders = files
      .filter((f) => f.name !== 'ui/define.ts')
      .filter((f) => /\bcustomElement\b[^s]|customElements\.define\(/.test(f.text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))
      .map((f) => f.name);
    expect(offenders).toEqual([]);
  });

  it('set inline styles through the CSSOM (src/ui/style-props.ts), never a style attribute, which style-src \'self\' refuses', () => {
    const code = (text: string): string => text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    const offenders = files.filter((f) => /lit\/directives\/style-map|setAttribute\(\s*'style'/.test(code(f.text))).map((f) => f.name);
    expect(offenders).toEqual([]);
  });

  it('are all in CARTABLE_TAGS or STUDIO_TAGS, and the lists name no element that src/ does not define', () => {
    const defined = new Set<string>();
    for (const { text } of files) {
      for (const m of text.matchAll(/@(?:element|customElement)\('([a-z0-9-]+)'\)|defineElement\('([a-z0-9-]+)'/g)) defined.add((m[1] ?? m[2])!);
    }
    expect([...defined].sort()).toEqual([...CARTABLE_TAGS, ...STUDIO_TAGS].sort());
  });
});
