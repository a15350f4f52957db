import type { WmsLayerDef } from '../../context/types.js';

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

/**
 * The GetMap parameters of a layer that do not depend on the view (OpenLayers adds REQUEST, SERVICE,
 * WIDTH, HEIGHT, BBOX and CRS/SRS). The document's `params` come last and win.
 */
export function getMapParams(def: WmsLayerDef): QueryParams {
  return {
    SERVICE: 'WMS',
    VERSION: def.version,
    LAYERS: def.layers,
    STYLES: def.styles,
    FORMAT: def.format,
    TRANSPARENT: def.transparent ? 'TRUE' : 'FALSE',
    ...extraParams(def.params),
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
 * its vendor parameters (e.g. a TIME or a filter changes some servers' legends).
 */
export function legendGraphicUrls(def: WmsLayerDef, resolveUrl: (url: string) => string = (u) => u): string[] {
  const styles = def.styles.split(',').map((s) => s.trim());
  const extra = extraParams(def.params);
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
