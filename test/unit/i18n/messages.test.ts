import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templates as interfaceTemplates } from '../../../src/i18n/locales/en.js';
import { studio } from '../../../src/i18n/locales/en-studio.js';
import { textFor } from '../../../src/i18n/text.js';

const SRC = join(import.meta.dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Every msg(…, { id }) of the code, with the French text's count of ${} placeholders. */
function messages(): Map<string, number> {
  const found = new Map<string, number>();
  for (const file of sources(SRC)) {
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/msg\(\s*(str)?(`[^`]*`|'[^']*'|"[^"]*")\s*,\s*\{\s*id:\s*'([^']+)'/g)) {
      found.set(match[3]!, (match[2]!.match(/\$\{/g) ?? []).length);
    }
  }
  return found;
}

// The studio's texts join the interface's when it opens (src/studio/i18n.ts): none may shadow another.
const templates = { ...interfaceTemplates, ...studio };

describe('interface texts', () => {
  const used = messages();

  it("keeps the studio's texts apart from the map pages' ones", () => {
    expect(Object.keys(studio).filter((id) => id in interfaceTemplates)).toEqual([]);
  });

  it('finds the messages of the code', () => {
    expect(used.size).toBeGreaterThan(40);
  });

  it('has an English text for every message, with the same placeholders', () => {
    const english = templates as Record<string, unknown>;
    const missing = [...used.keys()].filter((id) => !(id in english));
    expect(missing).toEqual([]);
    for (const [id, placeholders] of used) {
      const text = english[id];
      const count = typeof text === 'string' ? 0 : ((text as { values?: unknown[] }).values?.length ?? 0);
      expect(count, id).toBe(placeholders);
    }
  });

  it('has no English text that the code no longer uses', () => {
    expect(Object.keys(templates).filter((id) => !used.has(id))).toEqual([]);
  });
});

describe('textFor', () => {
  it('picks the language, then French, then English, then any', () => {
    expect(textFor('Carte', 'en')).toBe('Carte');
    expect(textFor({ fr: 'Carte', en: 'Map' }, 'en')).toBe('Map');
    expect(textFor({ fr: 'Carte', en: 'Map' }, 'de')).toBe('Carte');
    expect(textFor({ en: 'Map', oc: 'Mapa' }, 'de')).toBe('Map');
    expect(textFor({ oc: 'Mapa' }, 'fr')).toBe('Mapa');
    expect(textFor(undefined, 'fr')).toBe('');
  });
});
