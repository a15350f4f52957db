/**
 * A map made of added layers only, on the site's root: what a catalogue's « ouvrir dans la carte »
 * opens (service_url, service_type, layer_name), and what its link (`add=`) reopens. The layers lie
 * over the platform's default basemap (`defaultBasemap` of the site configuration; else Plan IGN when
 * the site may read the Géoplateforme; else none).
 */
import { msg, str } from '@lit/localize';
import type { BasemapDef, MapContext, SiteConfig } from '../context/types.js';
import type { Requester } from '../net/requester.js';
import { readHandoff, HANDOFF_PARAMS, type HandoffProblem } from './handoff.js';
import { checkLayers, rawGeoJsonOf, rawLayerOf, type ResolvedLayer } from './layer-defs.js';
import { describeServiceError, refusedOrigin } from './messages.js';
import { mayReach, servicePolicy } from './policy.js';
import { ADDED_PARAM, refOf, writeRef } from './refs.js';
import { findService } from './service.js';
import { loadChunk } from '../offline/load-chunk.js';

export type ServiceMapLoad =
  | { readonly kind: 'ready'; readonly context: MapContext; readonly documentUrl: string; readonly layers?: readonly ResolvedLayer[] }
  | { readonly kind: 'handoff-failed'; readonly text: string };

/** France, when nothing says where to look. */
const FRANCE: readonly [number, number, number, number] = [-5.2, 41.3, 9.6, 51.1];

const PLAN_IGN = {
  type: 'wmts',
  id: 'plan-ign',
  title: { fr: 'Plan IGN', en: 'IGN map' },
  url: 'https://data.geopf.fr/wmts',
  layer: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2',
  attributions: ['IGN'],
};

export function defaultBasemap(site: SiteConfig | undefined): Record<string, unknown> {
  if (site?.defaultBasemap) return { ...(site.defaultBasemap as BasemapDef), active: true };
  const geopf = site?.allowedOrigins.some((o) => o.origin === 'https://data.geopf.fr' && o.use.includes('data'));
  return geopf ? { ...PLAN_IGN, active: true } : { type: 'empty', id: 'aucun', title: { fr: 'Sans fond de carte', en: 'No basemap' }, active: true };
}

function problemText(problem: HandoffProblem): string {
  switch (problem) {
    case 'missing-url':
      return msg("Le lien ne donne pas l'adresse du service (paramètre service_url).", { id: 'handoff.missingUrl' });
    case 'bad-url':
      return msg("L'adresse du service (service_url) n'est pas une adresse web http(s).", { id: 'handoff.badUrl' });
    case 'bad-type':
      return msg('Le type de service (service_type) doit être WMS, WMTS, WFS ou GEOJSON.', { id: 'handoff.badType' });
    case 'missing-layer':
      return msg('Le lien ne nomme pas la couche à afficher (paramètre layer_name).', { id: 'handoff.missingLayer' });
  }
}

/**
 * Opens the map of a hand-off or of a link with added layers (the page's own address). A hand-off's
 * address becomes the map's link (`add=`), so reloading or sharing it reopens the same layer.
 */
export async function openServiceMap(app: { readonly site?: SiteConfig; readonly requester: Requester; readonly root: string }): Promise<ServiceMapLoad> {
  const options = {
    url: new URL(location.href),
    site: app.site,
    requester: app.requester,
    root: app.root,
    replaceUrl: (next: URL) => history.replaceState(history.state, '', next),
  };
  const { url, site } = options;
  const policy = servicePolicy(site, new URL(options.root).origin);
  let layers: ResolvedLayer[] | undefined;
  if (HANDOFF_PARAMS.some((key) => url.searchParams.has(key))) {
    const read = readHandoff(url);
    if (!read.ok) return { kind: 'handoff-failed', text: problemText(read.problem) };
    const { handoff } = read;
    if (site?.addLayers?.enabled === false) return { kind: 'handoff-failed', text: msg("Ce site n'ouvre pas de couches venues d'autres services.", { id: 'handoff.disabled' }) };
    if (!mayReach(handoff.url, policy)) return { kind: 'handoff-failed', text: refusedOrigin(new URL(handoff.url).origin) };
    try {
      if (handoff.type === 'geojson') {
        const [def] = await checkLayers([rawGeoJsonOf({ id: 'add-1', name: handoff.name, url: handoff.url })]);
        layers = [{ def: def! }];
      } else {
        const found = await findService(handoff.url, handoff.type, options.requester);
        const offered = found.capabilities.layers;
        const layer =
          offered.find((l) => l.name === handoff.name) ??
          offered.find((l) => l.name.toLowerCase() === handoff.name.toLowerCase()) ??
          // Namespaced names ("ns:name") given without their prefix, or the other way round.
          offered.find((l) => l.name.split(':').pop() === handoff.name.split(':').pop());
        if (!layer) {
          return {
            kind: 'handoff-failed',
            text: msg(str`Le service ne propose pas de couche « ${handoff.name} ».`, { id: 'handoff.noLayer' }),
          };
        }
        const raw = rawLayerOf({ id: 'add-1', type: found.capabilities.type, endpoint: found.endpoint, layer, service: found.capabilities, mayLoad: (u) => mayReach(u, policy) });
        const [def] = await checkLayers([raw]);
        layers = [{ def: def!, extent: layer.extent }];
      }
    } catch (error) {
      return { kind: 'handoff-failed', text: describeServiceError(error) };
    }
    // The page's address becomes the map's link: reloading or sharing it reopens the same layer.
    const next = new URL(url);
    for (const key of HANDOFF_PARAMS) next.searchParams.delete(key);
    next.searchParams.delete(ADDED_PARAM);
    const ref = refOf(layers[0]!.def);
    if (ref) next.searchParams.append(ADDED_PARAM, writeRef(ref));
    options.replaceUrl(next);
  }
  const { validateContext } = await loadChunk(import('../context/validate.js'));
  const title = layers?.[0] ? layers[0].def.title : msg('Couches ajoutées', { id: 'addLayer.group' });
  const result = validateContext({
    version: 1,
    id: 'services',
    title,
    view: { extent: FRANCE },
    basemaps: [defaultBasemap(site)],
    layers: [],
  });
  if (!result.ok) return { kind: 'handoff-failed', text: result.problems.map((p) => `${p.path}: ${p.message}`).join('; ') };
  return { kind: 'ready', context: result.value, documentUrl: options.root, layers };
}
