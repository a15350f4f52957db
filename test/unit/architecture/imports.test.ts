/**
 * The shape of src/ read from its own imports (static, dynamic and type-only alike: a type import
 * still ties one concept to another). Fails on an import cycle between modules, on an import that
 * goes up the layers (context ← layers ← map ← session ← ui), on auth or offline reaching into the
 * UI, and on UI code driving OpenLayers itself (only the session, the map adapter and the code
 * under it import `ol/`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/** Rank of each top-level folder: a module may import folders of its own rank or lower only. */
const RANK: Record<string, number> = {
  context: 1,
  layers: 2, identify: 2, live: 2, styles: 2,
  map: 3, state: 3,
  session: 4,
  ui: 5,
  studio: 5,
};
/** Folders that must never import the UI. */
const NEVER_UI = ['auth', 'offline', 'context', 'layers', 'map', 'state', 'session', 'net', 'proj', 'i18n'];
/** Folders whose code never imports OpenLayers: they go through the session or the map adapter. */
const NO_OPENLAYERS = ['ui', 'embed', 'studio'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports, statically or dynamically (comments removed). */
export function specifiersOf(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  const found: string[] = [];
  for (const match of code.matchAll(/\b(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    found.push((match[1] ?? match[2] ?? match[3])!);
  }
  return found;
}

interface Graph {
  readonly edges: Map<string, string[]>;
  readonly packages: Map<string, string[]>;
}

function readGraph(): Graph {
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const name = relative(SRC, file);
    const specifiers = specifiersOf(readFileSync(file, 'utf8'));
    edges.set(name, specifiers.filter((s) => s.startsWith('.')).map((s) => relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts')));
    packages.set(name, specifiers.filter((s) => !s.startsWith('.')));
  }
  return { edges, packages };
}

/** Modules that import each other, directly or through others (Tarjan's strongly connected components). */
function cycles(edges: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (module: string): void => {
    index.set(module, next);
    low.set(module, next++);
    stack.push(module);
    onStack.add(module);
    for (const target of edges.get(module) ?? []) {
      if (!edges.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(module, Math.min(low.get(module)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(module, Math.min(low.get(module)!, index.get(target)!));
    }
    if (low.get(module) !== index.get(module)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== module);
    if (component.length > 1) found.push(component.sort());
  };
  for (const module of edges.keys()) if (!index.has(module)) visit(module);
  return found;
}

const folderOf = (module: string): string => (module.includes('/') ? module.slice(0, module.indexOf('/')) : module.replace(/\.ts$/, ''));

describe('the imports of src/', () => {
  const graph = readGraph();

  it('reads imports of every form', () => {
    expect(specifiersOf(`import a from './a.js';\nimport type { B } from "../b.js";\nexport { c } from './c.js';\nimport './d.js';\nconst e = import('./e.js');\n// import z from './z.js';`))
      .toEqual(['./a.js', '../b.js', './c.js', './d.js', './e.js']);
    expect(graph.edges.get('main.ts')?.length).toBeGreaterThan(0);
  });

  it('has no import cycle', () => {
    expect(cycles(graph.edges)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    expect(cycles(new Map([['a.ts', ['b.ts']], ['b.ts', ['c.ts']], ['c.ts', ['a.ts']], ['d.ts', ['a.ts']]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('imports only down the layers: context ← layers ← map ← session ← ui', () => {
    const upward: string[] = [];
    for (const [module, targets] of graph.edges) {
      const rank = RANK[folderOf(module)];
      if (rank === undefined) continue;
      for (const target of targets) {
        const targetRank = RANK[folderOf(target)];
        if (targetRank !== undefined && targetRank > rank) upward.push(`${module} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('keeps the UI out of auth, offline and the layers below the session', () => {
    const intoUi: string[] = [];
    for (const [module, targets] of graph.edges) {
      if (!NEVER_UI.includes(folderOf(module))) continue;
      for (const target of targets) if (folderOf(target) === 'ui') intoUi.push(`${module} → ${target}`);
    }
    expect(intoUi).toEqual([]);
  });

  it('leaves OpenLayers to the session and the map adapter: UI code never imports ol/', () => {
    const importing = new Set<string>();
    for (const [module, specifiers] of graph.packages) {
      if (!NO_OPENLAYERS.includes(folderOf(module))) continue;
      if (specifiers.some((specifier) => specifier === 'ol' || specifier.startsWith('ol/'))) importing.add(module);
    }
    expect([...importing].sort(), 'UI files that import ol/ (the session and the adapter drive OpenLayers)').toEqual([]);
  });
});
