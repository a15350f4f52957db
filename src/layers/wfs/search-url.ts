/**
 * Searching a WFS layer through its service, since it is read by view extent: a GetFeature with a
 * case-insensitive PropertyIsLike filter on the searched fields (an ECQL ILIKE when the layer has a
 * CQL filter of its own), in lon/lat, at most `limit` features. The layer kind gives this URL to
 * search (LayerKind.searchSource), which ranks the answers like local results.
 */
import type { WfsLayerDef } from '../../context/types.js';
import { withParams } from '../wms/params.js';
import { getFeatureUrl } from './request.js';

const xml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** The words of a query as a LIKE pattern: "*word*word*" (wildcard "*", escape "!"). */
export function likePattern(query: string): string {
  const words = query.split(/[\s\-‐‑'’ʼ_.,;:!?()/]+/).filter(Boolean);
  return `*${words.map((w) => w.replace(/[*.!]/g, '!$&')).join('*')}*`;
}

/** The OGC filter (FES 2.0 for WFS 2.0.0, Filter Encoding 1.1 for 1.1.0) matching the query on any field. */
export function likeFilter(fields: readonly string[], query: string, version: WfsLayerDef['version']): string {
  const pattern = xml(likePattern(query));
  const [ns, uri, property] =
    version === '2.0.0' ? ['fes', 'http://www.opengis.net/fes/2.0', 'ValueReference'] : ['ogc', 'http://www.opengis.net/ogc', 'PropertyName'];
  const likes = fields.map(
    (field) =>
      `<${ns}:PropertyIsLike wildCard="*" singleChar="." escapeChar="!" matchCase="false"><${ns}:${property}>${xml(field)}</${ns}:${property}><${ns}:Literal>${pattern}</${ns}:Literal></${ns}:PropertyIsLike>`,
  );
  const body = likes.length > 1 ? `<${ns}:Or>${likes.join('')}</${ns}:Or>` : likes[0]!;
  return `<${ns}:Filter xmlns:${ns}="${uri}">${body}</${ns}:Filter>`;
}

/** The GetFeature URL that searches a WFS layer for a query. */
export function wfsSearchUrl(def: WfsLayerDef, query: string, { limit, resolveUrl }: { limit: number; resolveUrl?: (url: string) => string }): string {
  const fields = def.search?.fields ?? [];
  if (def.cqlFilter) {
    const words = query.split(/[\s\-‐‑'’ʼ_.,;:!?()/]+/).filter(Boolean).map((w) => w.replace(/'/g, "''"));
    const like = fields.map((f) => `${f} ILIKE '%${words.join('%')}%'`).join(' OR ');
    return getFeatureUrl({ ...def, maxFeatures: limit, cqlFilter: `(${def.cqlFilter}) AND (${like})`, geometryName: undefined }, {
      srsName: 'EPSG:4326',
      outputFormat: 'application/json',
      resolveUrl,
    });
  }
  const url = getFeatureUrl({ ...def, maxFeatures: limit }, { srsName: 'EPSG:4326', outputFormat: 'application/json', resolveUrl });
  return withParams(url, { FILTER: likeFilter(fields, query, def.version) });
}
