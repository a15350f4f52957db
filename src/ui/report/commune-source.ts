/**
 * « Une commune » on the opened map: whether the map offers communes (its document names a commune
 * source), and that source, whose code loads only when the report first needs it.
 */
import type { ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import { isVectorLayer, type MapContext, type SiteConfig } from '../../context/types.js';
import type { CommuneSource } from '../../communes/types.js';
import { loadChunk } from '../../offline/load-chunk.js';
import { mapTerritory } from '../../report/commune-place.js';
import { reportLayers } from '../../report/gather.js';
import type { MapSession } from '../../session/map-session.js';
import type { CommunePickerView, PlaceMode } from './picker.js';

/** True when the map's document offers communes as a place (its `communes` setting). */
export function offersCommunes(context: MapContext | undefined): boolean {
  return !!context?.communes;
}

/**
 * The kind of place the report shows when it opens: `asked` (the header's commune entry) when the map
 * offers it, else the one the person had (`current`, none at the first opening), else « Une commune » on
 * a map that offers communes, « a point and a radius » on a map without area features (e.g. only
 * points), else « a feature of the map ».
 */
export function startMode(context: MapContext, asked: 'commune' | undefined, current: PlaceMode | undefined): PlaceMode {
  const communes = offersCommunes(context);
  if (asked === 'commune' && communes) return 'commune';
  if (current && (current !== 'commune' || communes)) return current;
  if (communes) return 'commune';
  return reportLayers(context).some((l) => isVectorLayer(l) && l.geometry !== 'point' && l.geometry !== 'line') ? 'feature' : 'circle';
}

/** The commune source of a session, loaded once per session on first use; the host renders when it comes. */
export class CommuneSourceLoader {
  /** The source, once loaded. */
  source?: CommuneSource;
  /** The source could not be made (its code did not load, or the map names none it can read): the picker says so. */
  failed = false;
  readonly #host: ReactiveControllerHost;
  #session?: MapSession;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** What the picker shows on this map (none when the map offers no communes); `shown`: « Une commune » is the mode. */
  view(session: MapSession | undefined, shown: boolean): CommunePickerView | undefined {
    if (!offersCommunes(session?.context)) return undefined;
    const territory = shown && session?.adapter ? mapTerritory(session.adapter.map) : undefined;
    const unavailable = this.failed ? msg('La recherche des communes n’a pas pu être chargée. Rechargez la page pour réessayer.', { id: 'report.commune.unavailable' }) : '';
    return { source: this.source, unavailable, territory };
  }

  /** Loads the session's source (again when the session changed); `site`: the site's settings, if any. */
  load(session: MapSession | undefined, site: SiteConfig | undefined): void {
    if (!session || session === this.#session) return;
    this.#session = session;
    this.source = undefined;
    this.failed = false;
    void this.#make(session, site);
  }

  async #make(session: MapSession, site: SiteConfig | undefined): Promise<void> {
    try {
      const [{ communeSourceFor }, requester] = await Promise.all([loadChunk(import('../../communes/source.js')), session.requester()]);
      const source = communeSourceFor(site, session.context, requester, (url) => session.resolveUrl(url));
      if (session !== this.#session) return;
      this.source = source;
      this.failed = !source;
    } catch {
      if (session !== this.#session) return;
      this.failed = true;
    }
    this.#host.requestUpdate();
  }
}
