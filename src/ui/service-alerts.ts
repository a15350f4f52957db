import { msg, str } from '@lit/localize';
import { walkLayers } from '../context/checks.js';
import type { BasemapDef, LayerDef, LayerNode } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import type { MapState } from '../state/store.js';
import type { FailedLayer } from './problem-lines.js';

/** The shown layers that failed on one service (one host), or one layer that reads no service. */
export interface ServiceAlert {
  /** The service's host, or `layer:<id>` for a layer without an address of its own. */
  readonly key: string;
  readonly host?: string;
  /** In the order a person meets them: the basemap first, then the document's order. */
  readonly layers: readonly FailedLayer[];
  /** The basemap's title, when it is among them (it leaves a blank field under everything). */
  readonly basemapTitle?: string;
}

/** The address a layer reads from, when it has one. */
function addressOf(def: LayerDef | BasemapDef): string | undefined {
  if ('url' in def && typeof def.url === 'string') return def.url;
  if ('styleUrl' in def) return def.styleUrl;
  return undefined;
}

function hostOf(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The failures to show on the map: every visible layer (and the active basemap) in error, grouped by
 * the host of its service, so that six layers of one unreachable service make one alert.
 */
export function serviceAlerts(options: {
  readonly layers: readonly LayerNode[];
  readonly basemaps: readonly BasemapDef[];
  readonly state: MapState | undefined;
  readonly language: string;
  /** Relative addresses are read against it (the document's URL). */
  readonly baseUrl: string;
}): ServiceAlert[] {
  const { state, language, baseUrl } = options;
  const alerts = new Map<string, { host?: string; layers: FailedLayer[]; basemapTitle?: string }>();
  const add = (def: LayerDef | BasemapDef, basemap: boolean): void => {
    const layer = state?.layers[def.id];
    if (!layer?.visible || layer.status !== 'error' || !layer.problem) return;
    const host = hostOf(addressOf(def), baseUrl);
    const key = host ?? `layer:${def.id}`;
    const alert = alerts.get(key) ?? { host, layers: [] };
    const title = textFor(def.title, language);
    alert.layers.push({ id: def.id, title: basemap ? msg(str`fond « ${title} »`, { id: 'alerts.basemapName' }) : title, problem: layer.problem });
    if (basemap) alert.basemapTitle = title;
    alerts.set(key, alert);
  };
  for (const basemap of options.basemaps) if (basemap.type !== 'empty') add(basemap, true);
  walkLayers(options.layers, (node) => {
    if (node.type !== 'group') add(node, false);
  });
  return [...alerts].map(([key, alert]) => ({ key, ...alert }));
}
