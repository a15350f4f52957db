/**
 * Restricted access at build time: what a public map may not carry (restricted layers, confidential
 * records), where the restricted output goes, and the checks of the `restricted` site setting.
 * A static site cannot keep secrets in what it ships publicly, so the split happens here, never in
 * the browser.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Access, ConfidentialRecords, LayerNode, SiteConfig } from '../src/context/types.js';
import { confidentialKey, confidentialTest } from '../src/context/confidential.js';

/** The folder of the restricted output: CARTABLE_RESTRICTED_OUT_DIR, else `<outDir>-restricted` beside outDir. */
export function restrictedOutDir(outDir: string, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const folder = env.CARTABLE_RESTRICTED_OUT_DIR ? resolve(cwd, env.CARTABLE_RESTRICTED_OUT_DIR) : join(dirname(outDir), `${basename(outDir)}-restricted`);
  const inside = relative(outDir, folder);
  if (!inside || (!inside.startsWith('..') && !inside.startsWith('/'))) {
    throw new Error(`Cartable: the restricted output (${folder}) may not lie inside the public output (${outDir}): set CARTABLE_RESTRICTED_OUT_DIR to a folder outside it`);
  }
  return folder;
}

/** Problems of the site configuration's `restricted` setting, in plain words. */
export function restrictedConfigProblems(site: SiteConfig, file = 'site.config.json'): string[] {
  if (!site.restricted) return [];
  const origin = new URL(site.restricted.url).origin;
  const listed = site.allowedOrigins.find((o) => o.origin === origin);
  if (listed?.use.includes('credentials')) return [];
  return [
    `${file}: /restricted/url: the restricted output's origin ${origin} must be listed in "allowedOrigins" with the use "credentials" ` +
      `(${listed ? `it is listed for ${listed.use.map((u) => `"${u}"`).join(', ')} only` : 'it is not listed'}): ` +
      'without it the viewer would not send the sign-in token there, nor may the page reach it',
  ];
}

/** The access that applies to a layer: its own, else the map's (groups have none of their own). */
export const effectiveAccess = (node: LayerNode, inherited: Access): Access => (node.type !== 'group' ? node.access : undefined) ?? inherited;

/**
 * Who may read a file of the restricted output, given one more use of it: the groups (empty: any
 * signed-in user). A file that a public map or an any-user restricted layer uses is for any signed-in user.
 */
export function mergeGroups(groups: readonly string[] | undefined, access: Access): readonly string[] {
  const needed = access.level === 'public' ? [] : access.groups;
  if (!needed.length || groups?.length === 0) return [];
  return [...new Set([...(groups ?? []), ...needed])].sort();
}

/**
 * The restricted output's access.json: for each file, the groups whose members may read it (empty:
 * any signed-in user). The protected server's token check reads it; it is not meant to be served.
 */
export function accessManifest(maps: ReadonlyArray<{ fileGroups: ReadonlyMap<string, readonly string[]> }>): { version: 1; files: Record<string, readonly string[]> } {
  const files = new Map<string, readonly string[]>();
  for (const map of maps) {
    for (const [path, groups] of map.fileGroups) {
      const known = files.get(path);
      files.set(path, known === undefined ? groups : mergeGroups(known, { level: 'restricted', groups }));
    }
  }
  files.set('catalog.json', []);
  return { version: 1, files: Object.fromEntries([...files].sort(([a], [b]) => a.localeCompare(b))) };
}

/**
 * The layer tree without its restricted nodes (a restricted group goes with everything in it), and
 * without the groups left empty by the removal. `removed` lists every node left out, groups' content included.
 */
export function withoutRestricted(layers: readonly LayerNode[], mapAccess: Access): { layers: LayerNode[]; removed: LayerNode[] } {
  const removed: LayerNode[] = [];
  const collect = (node: LayerNode): void => {
    removed.push(node);
    if (node.type === 'group') node.layers.forEach(collect);
  };
  const prune = (nodes: readonly LayerNode[], inherited: Access): LayerNode[] =>
    nodes.flatMap((node): LayerNode[] => {
      const access = effectiveAccess(node, inherited);
      if (access.level === 'restricted') {
        collect(node);
        return [];
      }
      if (node.type !== 'group') return [node];
      const kept = prune(node.layers, access);
      if (node.layers.length && !kept.length) {
        removed.push(node);
        return [];
      }
      return [{ ...node, layers: kept }];
    });
  return { layers: prune(layers, mapAccess), removed };
}

interface FeatureLike {
  readonly type?: unknown;
  readonly id?: unknown;
  readonly properties?: Record<string, unknown> | null;
}

export { confidentialKey };

/** The build's test of a feature: the shared predicate on its properties (src/context/confidential.ts). */
const confidentialFeatureTest = (rule: ConfidentialRecords): ((feature: FeatureLike | null | undefined) => boolean) => {
  const isConfidential = confidentialTest(rule);
  return (feature) => isConfidential(feature?.properties);
};

/**
 * A GeoJSON document without its confidential records (a FeatureCollection's features, or a bare
 * Feature, which becomes an empty collection). `withheld` counts what was left out.
 */
export function withoutConfidential(geojson: unknown, rule: ConfidentialRecords): { geojson: unknown; withheld: number } {
  const isConfidential = confidentialFeatureTest(rule);
  const doc = geojson as { type?: unknown; features?: unknown } | null;
  if (doc?.type === 'FeatureCollection' && Array.isArray(doc.features)) {
    const kept = (doc.features as FeatureLike[]).filter((f) => !isConfidential(f));
    const withheld = doc.features.length - kept.length;
    return { geojson: withheld ? { ...doc, features: kept } : geojson, withheld };
  }
  if (doc?.type === 'Feature' && isConfidential(doc as FeatureLike)) {
    return { geojson: { type: 'FeatureCollection', features: [] }, withheld: 1 };
  }
  return { geojson, withheld: 0 };
}

/** What one `confidential` rule of a public layer withheld: the build log's line, or its problem when nothing. */
export interface WithheldRecords {
  /** JSON path of the layer in its document. */
  readonly at: string;
  readonly layer: string;
  readonly rule: ConfidentialRecords;
  readonly withheld: number;
}

const quoted = (values: ReadonlyArray<unknown>): string => values.map((v) => JSON.stringify(v)).join(', ');

/** The build log's line for one rule: `maps/x.json /layers/0 "sites": 11 record(s) withheld (confidentialite: "Réservé")`. */
export const withheldLine = (file: string, outcome: WithheldRecords): string =>
  `${file} ${outcome.at} "${outcome.layer}": ${outcome.withheld} record(s) withheld from the public site (${outcome.rule.field}: ${quoted(outcome.rule.values)})`;

/**
 * Why a rule that withholds nothing is refused (a misspelt value or field would publish what it
 * meant to hide): the rule, and a few of the distinct values the field actually holds.
 */
export function nothingWithheldMessage(layer: string, rule: ConfidentialRecords, geojson: unknown, shown = 5): string {
  const records = recordsOf(geojson);
  const present = [...new Set(records.map((r) => r[rule.field]).filter((v) => v !== undefined && v !== null))];
  const found = !records.length
    ? 'the data holds no record'
    : !present.length
      ? `no record has the field "${rule.field}"`
      : `the values of "${rule.field}" are ${quoted(present.slice(0, shown))}${present.length > shown ? ` and ${present.length - shown} more` : ''}`;
  return (
    `the layer "${layer}" withholds no record: none has "${rule.field}" equal to ${quoted(rule.values)} ` +
    `(compared trimmed, without case, Unicode-normalised); ${found}. Correct "field" or "values", or remove "confidential"`
  );
}

/** The records (properties, with the feature's id as `id` when the properties have none) of a GeoJSON document. */
export function recordsOf(geojson: unknown): Array<Record<string, unknown>> {
  const doc = geojson as { type?: unknown; features?: unknown } | null;
  const features = doc?.type === 'FeatureCollection' && Array.isArray(doc.features) ? (doc.features as FeatureLike[]) : doc?.type === 'Feature' ? [doc as FeatureLike] : [];
  return features.map((f) => {
    const properties = f?.properties ?? {};
    return f?.id !== undefined && !('id' in properties) ? { ...properties, id: f.id } : properties;
  });
}

/**
 * Writes the restricted output: the folder is emptied first, but only when it is empty or holds a
 * previous restricted output (its catalog.json), so a mistyped CARTABLE_RESTRICTED_OUT_DIR never
 * wipes another folder.
 */
export function writeRestrictedOutput(folder: string, files: ReadonlyArray<{ path: string; source: string | Uint8Array }>): void {
  if (existsSync(folder)) {
    const content = readdirSync(folder);
    if (content.length && !content.includes('catalog.json')) {
      throw new Error(`Cartable: ${folder} is not empty and holds no catalog.json (not a restricted output): refusing to empty it`);
    }
    rmSync(folder, { recursive: true, force: true });
  }
  for (const file of files) {
    const target = join(folder, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.source);
  }
}
