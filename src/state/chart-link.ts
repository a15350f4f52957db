/**
 * The open chart in the URL (`chart=<layer>:<chart>`), so a shared link reopens the table with its
 * chart; the table and its filter have their own parameters (table/url.ts).
 */
const PARAM = 'chart';

/** The chart a URL names for a layer's table, if it names one for that layer. */
export function readChartUrl(url: URL, layerId: string | undefined): string | undefined {
  const value = url.searchParams.get(PARAM);
  if (!value || !layerId || !value.startsWith(`${layerId}:`)) return undefined;
  return value.slice(layerId.length + 1) || undefined;
}

/** The same URL naming the open chart (or none). */
export function writeChartUrl(url: URL, table: { readonly layerId: string; readonly chart?: string } | undefined): URL {
  const next = new URL(url);
  next.searchParams.delete(PARAM);
  if (table?.chart) next.searchParams.set(PARAM, `${table.layerId}:${table.chart}`);
  return next;
}
