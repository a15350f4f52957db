import type { WmsLayerDef } from '../../context/types.js';
import type { LayerChoices } from '../../context/layers/wms-choices.js';

/** Query parameters of a request, in order. */
export type QueryParams = Record<string, string>;

/**
 * Appends parameters to a service URL that may already hold a query (e.g. "…/wms?map=nature") —
 * a parameter given twice keeps the later value, names are compared case-insensitively.
 */
export function withParams(url: string, params: QueryParams): string {
  const mark = url.indexOf('?');
  const base = mark < 0 ? url : url.slice(0, mark);
  const query = mark < 0 ? '' : url.slice(mark + 1);
  const given = Object.keys(params).map((k) => k.toUpperCase());
  const kept = query
    .split('&')
    .filter((pair) => pair && !given.includes(decodeURIComponent(pair.split('=')[0] ?? '').toUpperCase()));
  const added = Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
  return `${base}?${[...kept, ...added].join('&')}`;
}

/** The document's extra parameters, upper-cased and as strings (booleans as TRUE/FALSE). */
export function extraParams(params: WmsLayerDef['params']): QueryParams {
  const out: QueryParams = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    out[key.toUpperCase()] = typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  }
  return out;
}

const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** One OGC Filter Encoding document: every condition field = value (PropertyIsEqualTo, ANDed). */
function fesFilter(conditions: ReadonlyArray<readonly [string, string]>): string {
  const equal = conditions.map(([field, value]) => `<PropertyIsEqualTo><PropertyName>${xml(field)}</PropertyName><Literal>${xml(value)}</Literal></PropertyIsEqualTo>`);
  return `<Filter xmlns="http://www.opengis.net/ogc">${equal.length > 1 ? `<And>${equal.join('')}</And>` : equal.join('')}</Filter>`;
}

/**
 * The parameters a person's choices add (TIME, CQL_FILTER, FILTER) to the document's: a chosen
 * filter value becomes field = 'value' (quotes doubled), ANDed with the document's own CQL_FILTER;
 * `param: 'FILTER'` ones become one FES document (MapServer). Several WMS layers get one each.
 */
export function choiceParams(def: WmsLayerDef, choices: LayerChoices | undefined): QueryParams {
  const out: QueryParams = {};
  if (def.time && choices?.time) out['TIME'] = choices.time;
  const chosen = (def.filters ?? []).filter((f) => choices?.filters?.[f.id]);
  const value = (id: string): string => choices!.filters![id]!;
  const count = Math.max(1, layerNames(def).length);
  const perLayer = (text: string, separator: string): string => Array<string>(count).fill(text).join(separator);
  const cql = chosen.filter((f) => (f.param ?? 'CQL_FILTER') === 'CQL_FILTER').map((f) => `${f.field}='${value(f.id).replace(/'/g, "''")}'`);
  if (cql.length) {
    const own = extraParams(def.params)['CQL_FILTER'];
    const parts = own ? [own, ...cql] : cql;
    out['CQL_FILTER'] = perLayer(parts.length > 1 ? parts.map((p) => `(${p})`).join(' AND ') : parts[0]!, ';');
  }
  const fes = chosen.filter((f) => f.param === 'FILTER').map((f): [string, string] => [f.field, value(f.id)]);
  if (fes.length) out['FILTER'] = count > 1 ? perLayer(`(${fesFilter(fes)})`, '') : fesFilter(fes);
  return out;
}

/**
 * The GetMap parameters of a layer that do not depend on the view (OpenLayers adds REQUEST, SERVICE,
 * WIDTH, HEIGHT, BBOX and CRS/SRS). The document's `params` come next, then the person's choices.
 */
export function getMapParams(def: WmsLayerDef, choices?: LayerChoices): QueryParams {
  return {
    SERVICE: 'WMS',
    VERSION: def.version,
    LAYERS: def.layers,
    STYLES: def.styles,
    FORMAT: def.format,
    TRANSPARENT: def.transparent ? 'TRUE' : 'FALSE',
    ...extraParams(def.params),
    ...choiceParams(def, choices),
  };
}

/** The layer names of LAYERS. */
export const layerNames = (def: WmsLayerDef): string[] =>
  def.layers
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);

/**
 * One GetLegendGraphic URL per WMS layer of `def` (a PNG of its symbols), with the layer's style and
 * its vendor parameters (e.g. a TIME or a filter changes some servers' legends), the chosen time too.
 */
export function legendGraphicUrls(def: WmsLayerDef, resolveUrl: (url: string) => string = (u) => u, choices?: LayerChoices): string[] {
  const styles = def.styles.split(',').map((s) => s.trim());
  const extra: QueryParams = { ...extraParams(def.params), ...(def.time && choices?.time ? { TIME: choices.time } : {}) };
  delete extra['CQL_FILTER'];
  return layerNames(def).map((layer, i) =>
    withParams(resolveUrl(def.url), {
      SERVICE: 'WMS',
      VERSION: def.version,
      REQUEST: 'GetLegendGraphic',
      FORMAT: 'image/png',
      LAYER: layer,
      ...(styles[i] ? { STYLE: styles[i] } : {}),
      ...(def.version === '1.3.0' ? { SLD_VERSION: '1.1.0' } : {}),
      ...extra,
    }),
  );
}

/** The layer with its choices' parameters among its own `params` (what GetFeatureInfo sends then). */
export const withChoices = (def: WmsLayerDef, choices: LayerChoices | undefined): WmsLayerDef => {
  const chosen = choiceParams(def, choices);
  if (!Object.keys(chosen).length) return def;
  const own = Object.entries(def.params ?? {}).filter(([key]) => !(key.toUpperCase() in chosen));
  return { ...def, params: { ...Object.fromEntries(own), ...chosen } };
};
