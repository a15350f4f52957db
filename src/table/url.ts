import type { TableQuery } from './query.js';

/**
 * The table in the URL, so a shared link reopens the same filtered table:
 * table=<layer>, tq=<text>, tv.<field>=<v1>|<v2>, tr.<field>=<min>..<max>, ts=<field> or -<field>, tin=1.
 */
export function readTableUrl(url: URL): { layerId?: string; query: TableQuery } {
  const params = url.searchParams;
  const values: Record<string, string[]> = {};
  const ranges: Record<string, { min?: number | string; max?: number | string }> = {};
  for (const [key, value] of params) {
    if (key.startsWith('tv.')) values[key.slice(3)] = value.split('|');
    if (key.startsWith('tr.')) {
      const [min, max] = value.split('..');
      const bound = (b: string | undefined): number | string | undefined => (b === undefined || b === '' ? undefined : /^-?\d+(\.\d+)?$/.test(b) ? Number(b) : b);
      ranges[key.slice(3)] = { min: bound(min), max: bound(max) };
    }
  }
  const sort = params.get('ts');
  return {
    layerId: params.get('table') ?? undefined,
    query: {
      text: params.get('tq') ?? '',
      values,
      ranges,
      sort: sort ? { field: sort.replace(/^-/, ''), direction: sort.startsWith('-') ? 'desc' : 'asc' } : undefined,
      inView: params.get('tin') === '1',
    },
  };
}

/** The same URL naming a table and its query (or none); type-only imports keep it out of the first map's code. */
export function writeTableUrl(url: URL, layerId: string | undefined, query?: TableQuery): URL {
  const next = new URL(url);
  for (const key of [...next.searchParams.keys()]) {
    if (['table', 'tq', 'ts', 'tin'].includes(key) || key.startsWith('tv.') || key.startsWith('tr.')) next.searchParams.delete(key);
  }
  if (!layerId) return next;
  next.searchParams.set('table', layerId);
  if (!query) return next;
  if (query.text) next.searchParams.set('tq', query.text);
  for (const [field, kept] of Object.entries(query.values)) if (kept) next.searchParams.set(`tv.${field}`, kept.join('|'));
  for (const [field, r] of Object.entries(query.ranges)) {
    if (r && (r.min !== undefined || r.max !== undefined)) next.searchParams.set(`tr.${field}`, `${r.min ?? ''}..${r.max ?? ''}`);
  }
  if (query.sort) next.searchParams.set('ts', `${query.sort.direction === 'desc' ? '-' : ''}${query.sort.field}`);
  if (query.inView) next.searchParams.set('tin', '1');
  return next;
}
