/**
 * The map view's side of added layers, loaded only when a link names some (`add=`) or a catalogue
 * handed one over: they are made again from their services and join the store, and a map made of
 * them alone opens on the box they cover.
 */
import { msg } from '@lit/localize';
import type { MapContext, SiteConfig, ViewSettings } from '../context/types.js';
import type { MapAdapter } from '../map/adapter.js';
import type { Requester } from '../net/requester.js';
import type { MapStore } from '../state/store.js';
import type { Permalink } from '../state/permalink-read.js';
import type { ResolvedLayer } from './layer-defs.js';
import { servicePolicy } from './policy.js';
import { restoreAdded } from './restore.js';

export interface OpenedLayers {
  /** The view to open on (a map of added layers only, with no view in its link). */
  readonly view?: ViewSettings;
  /** A quiet notice when some of the link's layers could not be used or read. */
  readonly notice?: string;
  /** To call once the map exists: fits layers whose box is known only once loaded (GeoJSON). */
  readonly afterBuild?: (adapter: MapAdapter) => void;
}

/** What this needs of the map view. */
export interface AddedLayersHost extends HTMLElement {
  readonly requester?: Requester;
  readonly site?: SiteConfig;
  /** Layers a catalogue handed over, already read. */
  readonly startLayers?: readonly ResolvedLayer[];
  readonly store?: MapStore;
  /** Closes the open record, if any. */
  closeRecord?(): void;
}

/**
 * Removing an added layer (its « retirer » button in the layer list) goes through the map view's
 * store; an open record closes and the focus moves to « Ajouter une couche ». Wired once per map view, by the first code that adds layers.
 */
export function followRemovals(host: AddedLayersHost): void {
  if (host.dataset['removals']) return;
  host.dataset['removals'] = '1';
  host.addEventListener('cartable-layer-remove', (event) => {
    // A record open on the map may show the layer's features: it closes with it.
    host.closeRecord?.();
    host.store?.dispatch({ type: 'remove-layer', id: event.detail.id });
    host.shadowRoot?.querySelector<HTMLElement>('.add-layer')?.focus();
  });
}

/**
 * Adds the layers a link names (`add=`) and those a catalogue handed over. A map made of added layers
 * alone whose link gives no view opens on the box they cover.
 */
export async function openAddedLayers(host: AddedLayersHost, store: MapStore, context: MapContext, link: Permalink): Promise<OpenedLayers> {
  const options = { refs: link.added ?? [], fit: !!host.startLayers || (context.layers.length === 0 && !link.view) };
  followRemovals(host);
  const start = new Map((host.startLayers ?? []).map((l) => [l.def.id, l]));
  const restored = await restoreAdded(
    options.refs.filter((ref) => !start.has(ref.id)),
    { requester: host.requester!, policy: servicePolicy(host.site, location.origin) },
  );
  const byId = new Map([...start, ...restored.layers.map((l) => [l.def.id, l] as const)]);
  // The link's order (newest first); start layers the link does not name come first.
  const ordered = [...[...start.values()].filter((l) => !options.refs.some((r) => r.id === l.def.id)), ...options.refs.map((r) => byId.get(r.id)).filter((l): l is ResolvedLayer => !!l)];
  // `add-layers` puts each batch on top: dispatch them together, in order.
  store.dispatch({ type: 'add-layers', layers: ordered.map((l) => l.def) });
  const notice =
    restored.refused.length || restored.unread.length
      ? msg('Certaines couches ajoutées du lien ne peuvent pas être lues : elles sont signalées dans la liste ou ont été ignorées.', { id: 'addLayer.linkProblem' })
      : undefined;
  // Maps of added layers alone are in lon/lat (their view.crs): the services' boxes need no transform.
  if (!options.fit || !/^(EPSG:4326|CRS:84|OGC:CRS84)$/.test(context.view.crs)) return { notice };
  const extent = union(ordered.map((l) => l.extent));
  if (extent) return { notice, view: { ...context.view, center: undefined, zoom: undefined, resolution: undefined, scale: undefined, extent } };
  const vectors = ordered.filter((l) => l.def.type === 'geojson').map((l) => l.def.id);
  if (!vectors.length) return { notice };
  return {
    notice,
    afterBuild: (adapter) => {
      // Once the data is read (the layer is built after the map): the box of its features.
      const fit = (): boolean => {
        if (!vectors.every((id) => store.state.layers[id]?.status === 'ready' || store.state.layers[id]?.status === 'error')) return false;
        const extent = union(vectors.flatMap((id) => adapter.featuresOf(id)).map((f) => f.getGeometry()?.getExtent()));
        if (extent) void adapter.fitExtent(extent, { duration: 0 });
        return true;
      };
      if (fit()) return;
      const stop = store.subscribe(() => {
        if (fit()) stop();
      });
    },
  };
}

type Box = readonly [number, number, number, number];

/** The box holding every given box (none: undefined). ol/extent would do, but would split the first map's chunks. */
function union(boxes: ReadonlyArray<readonly number[] | undefined>): Box | undefined {
  let out: [number, number, number, number] | undefined;
  for (const b of boxes) {
    if (!b || b.length < 4 || !b.every(Number.isFinite)) continue;
    out = out ? [Math.min(out[0], b[0]!), Math.min(out[1], b[1]!), Math.max(out[2], b[2]!), Math.max(out[3], b[3]!)] : [b[0]!, b[1]!, b[2]!, b[3]!];
  }
  return out;
}
