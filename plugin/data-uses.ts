/**
 * Which layers of which maps package each data file, and the uses that would ship records another
 * use withholds. A public layer's `confidential` rule filters only what that layer packages: the
 * same file packaged elsewhere without the same rule, or a restricted layer's file packaged whole
 * by a public layer, would put the withheld records in the public site. The build refuses both.
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { walkLayers } from '../src/context/checks.js';
import { formatProblem, type Problem } from '../src/context/problems.js';
import type { ConfidentialRecords, LayerNode, MapContext } from '../src/context/types.js';
import { confidentialKey, effectiveAccess } from './restricted.js';
import { sourceFileName, type SourceResolver } from './sources.js';

/** Where a layer's packaged data is read: `file` (absolute), the name its outputs take, the JSON path and the words that name it. */
export interface DataFile {
  readonly file: string;
  readonly name: string;
  readonly at: string;
  readonly label: string;
}

/** True for a URL with a scheme, or rooted: not a file under maps/. */
export const isAbsoluteUrl = (url: string): boolean => /^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('/');

/**
 * The data file of a `geojson` or `points` layer: its `file` under maps/, or its `source` as
 * resolved (plugin/sources.ts); its problem when it cannot be read; undefined for other data.
 */
export function dataFileOf(node: LayerNode, at: string, mapsDir: string, sources: SourceResolver): DataFile | Problem | undefined {
  if (node.type !== 'geojson' && node.type !== 'points') return undefined;
  if (node.file) {
    const file = resolve(mapsDir, node.file);
    if (!file.startsWith(mapsDir + '/')) return { path: `${at}/file`, message: `"${node.file}" is outside maps/` };
    if (!existsSync(file)) return { path: `${at}/file`, message: `no such file "${node.file}" under maps/` };
    return { file, name: node.file, at: `${at}/file`, label: `"${node.file}"` };
  }
  if (!node.source) return undefined;
  const found = sources(node.source);
  if ('problem' in found) return { path: `${at}/source`, message: found.problem };
  return { file: found.path, name: sourceFileName(node.source.url), at: `${at}/source`, label: `"${node.source.url}" (read from ${found.path})` };
}

/** One use of a data file by a map document. */
export interface DataUse {
  /** The document, e.g. maps/x.json. */
  readonly file: string;
  /** JSON path of the use, e.g. /layers/0/file. */
  readonly at: string;
  /** The data file read (absolute). */
  readonly path: string;
  /** True when the use ships to the public site (a public layer of a public map). */
  readonly isPublic: boolean;
  /** Public uses: the rule the public site's copy is filtered by, if any. */
  readonly rule?: ConfidentialRecords;
}

const identity = (path: string): string => (existsSync(path) ? realpathSync(path) : path);
const ruleKey = (rule?: ConfidentialRecords): string => (rule ? `${rule.field}\u0000${[...new Set(rule.values.map(confidentialKey))].sort().join('\u0000')}` : '');
const describe = (rule?: ConfidentialRecords): string =>
  rule ? `with "confidential" (${rule.field}: ${rule.values.map((v) => JSON.stringify(v)).join(', ')})` : 'without "confidential"';

/** The data uses of one validated document (mapsDir: its folder). */
export function dataUsesOf(context: MapContext, file: string, mapsDir: string, sources: SourceResolver): DataUse[] {
  const uses: DataUse[] = [];
  const downloads: Array<{ at: string; path: string; isPublic: boolean }> = [];
  // Public layers of the same map that filter a file: its downloads there get the filtered copy.
  const filters = new Map<string, ConfidentialRecords>();
  walkLayers(context.layers, (node, at) => {
    if (node.type === 'group') return;
    const isPublic = context.access.level === 'public' && effectiveAccess(node, context.access).level === 'public';
    const found = dataFileOf(node, at, mapsDir, sources);
    const data = found && 'file' in found ? found : undefined;
    const rule = isPublic && 'confidential' in node ? node.confidential : undefined;
    if (data) {
      uses.push({ file, at: data.at, path: identity(data.file), isPublic, rule });
      if (rule) filters.set(identity(data.file), rule);
    }
    node.info?.downloads?.forEach((download, i) => {
      const source = node.type === 'geojson' || node.type === 'points' ? node.source : undefined;
      const path = download.url === source?.url ? data?.file : isAbsoluteUrl(download.url) ? undefined : resolve(mapsDir, download.url);
      if (path) downloads.push({ at: `${at}/info/downloads/${i}/url`, path: identity(path), isPublic });
    });
  });
  for (const d of downloads) uses.push({ file, ...d, rule: d.isPublic ? filters.get(d.path) : undefined });
  return uses;
}

/** The problems of every file whose uses disagree, each naming both uses (document and JSON path). */
export function conflictingUses(uses: readonly DataUse[]): string[] {
  const byPath = new Map<string, DataUse[]>();
  for (const use of uses) byPath.set(use.path, [...(byPath.get(use.path) ?? []), use]);
  const problems: string[] = [];
  for (const all of byPath.values()) {
    const publicUses = all.filter((u) => u.isPublic);
    const restricted = all.find((u) => !u.isPublic);
    const whole = publicUses.find((u) => !u.rule);
    if (restricted && whole) {
      problems.push(
        formatProblem(whole.file, {
          path: whole.at,
          message:
            `packages whole, for the public site, the data that ${restricted.file} ${restricted.at} reads for a restricted layer: ` +
            'every record of it would be public. Give this layer a "confidential" rule, or a file of its own',
        }),
      );
    }
    const first = publicUses[0];
    const other = publicUses.find((u) => ruleKey(u.rule) !== ruleKey(first?.rule));
    if (first && other) {
      const [filtered, leaking] = first.rule ? [first, other] : [other, first];
      problems.push(
        formatProblem(leaking.file, {
          path: leaking.at,
          message:
            `packages the data that ${filtered.file} ${filtered.at} packages ${describe(filtered.rule)}, here ${describe(leaking.rule)}: ` +
            'this use would ship records the other withholds. Declare the same "confidential" on both, or give each its own file',
        }),
      );
    }
  }
  return problems.sort();
}
