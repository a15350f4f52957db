/**
 * Layers named by a link (`add=`) or a catalogue's hand-off, made again from their services: each
 * service's capabilities are read once. A layer whose service cannot be read still joins the map, made
 * from the link alone (its title is its name), and says what fails in the layer list.
 */
import type { Requester } from '../net/requester.js';
import type { ServiceCapabilities, ServiceType } from '../ogc/capabilities.js';
import { checkLayers, rawGeoJsonOf, rawLayerOf, type ResolvedLayer } from './layer-defs.js';
import { mayReach, type ServicePolicy } from './policy.js';
import type { AddedRef } from './refs.js';
import { findService } from './service.js';

export interface RestoreResult {
  readonly layers: readonly ResolvedLayer[];
  /** Refs that could not be used at all (their service is not allowed by the site, or the layer is refused by the schema). */
  readonly refused: readonly AddedRef[];
  /** Refs whose service could not be read (made from the link alone). */
  readonly unread: readonly AddedRef[];
}

export async function restoreAdded(refs: readonly AddedRef[], options: { requester: Requester; policy: ServicePolicy }): Promise<RestoreResult> {
  const services = new Map<string, Promise<ServiceCapabilities | undefined>>();
  const capabilitiesOf = (type: ServiceType, url: string): Promise<ServiceCapabilities | undefined> => {
    const key = `${type} ${url}`;
    let found = services.get(key);
    if (!found) {
      found = findService(url, type, options.requester).then((s) => s.capabilities, () => undefined);
      services.set(key, found);
    }
    return found;
  };
  const refused: AddedRef[] = [];
  const unread: AddedRef[] = [];
  const made = await Promise.all(
    refs.map(async (ref) => {
      if (!mayReach(ref.url, options.policy)) {
        refused.push(ref);
        return undefined;
      }
      if (ref.type === 'geojson') return { raw: rawGeoJsonOf(ref), ref };
      const service = await capabilitiesOf(ref.type, ref.url);
      const offered = service?.layers.find((l) => l.name === ref.name);
      if (!offered) unread.push(ref);
      const layer = offered ?? { name: ref.name, title: ref.name };
      return {
        raw: rawLayerOf({ id: ref.id, type: ref.type, endpoint: ref.url, layer, service, mayLoad: (url) => mayReach(url, options.policy) }),
        ref,
        extent: offered?.extent,
      };
    }),
  );
  const layers: ResolvedLayer[] = [];
  // One at a time: a layer the schema refuses does not take the others with it.
  for (const item of made) {
    if (!item) continue;
    try {
      const [def] = await checkLayers([item.raw]);
      layers.push({ def: def!, extent: 'extent' in item ? item.extent : undefined });
    } catch {
      refused.push(item.ref);
    }
  }
  return { layers, refused, unread };
}
