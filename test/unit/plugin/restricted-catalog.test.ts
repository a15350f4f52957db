import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildMaps } from '../../../plugin/maps.js';
import { restrictedOutputFiles } from '../../../plugin/restricted-catalog.js';
import { groupCatalogPath } from '../../../src/auth/restricted-catalogs.js';
import type { Catalog } from '../../../src/context/types.js';
import { splitProject } from './restricted-fixtures.js';

describe('the restricted output’s catalogs: each person receives only what their groups may open', () => {
  it('writes the maps for anyone signed in to catalog.json, each group’s maps to its own catalog, and lets each to its readers only', () => {
    const root = splitProject();
    const { restricted } = buildMaps(join(root, 'maps'), root);
    const files = new Map(restrictedOutputFiles(restricted).map((f) => [f.path, String(f.source)]));
    const catalog = (path: string) => JSON.parse(files.get(path)!) as Catalog;
    const agents = groupCatalogPath('agents');
    // The public map's fuller copy for anyone signed in; the closed map for the group « agents » only.
    expect(catalog('catalog.json').maps.map((m) => m.id)).toEqual(['ouverte']);
    expect(catalog(agents).maps.map((m) => m.id)).toEqual(['fermee-secrete']);
    expect(catalog(agents).maps[0]!.access).toEqual({ level: 'restricted', groups: ['agents'] });
    expect([...files.keys()].filter((p) => p.startsWith('catalogs/'))).toEqual([agents]);
    expect(files.get('catalog.json')).not.toContain('Carte fermée secrète');
    const access = JSON.parse(files.get('access.json')!).files as Record<string, string[]>;
    expect(access['catalog.json']).toEqual([]);
    expect(access[agents]).toEqual(['agents']);
    expect(access['maps/fermee-secrete.json']).toEqual(['agents']);
    expect([...files.keys()][0]).toBe('catalog.json');
    expect([...files.keys()].at(-1)).toBe('access.json');
  });

  it('names a group’s catalog with a plain file name, one per group', () => {
    expect(groupCatalogPath('agents')).toBe('catalogs/YWdlbnRz.json');
    const names = ['/agents/terrain', 'Équipe été', 'a+b', 'a b', '..', 'agents?x', 'ab', 'ab\u0000'];
    const paths = names.map(groupCatalogPath);
    for (const path of paths) expect(path).toMatch(/^catalogs\/[A-Za-z0-9_-]+\.json$/);
    expect(new Set(paths).size).toBe(names.length);
  });
});
