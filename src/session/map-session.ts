import type { MapContext } from '../context/types.js';
import type { MapAdapter } from '../map/adapter.js';
import type { Requester } from '../net/requester.js';
import { loadChunk } from '../offline/load-chunk.js';
import { MapStore, initialState, type LayerStatus, type MapState } from '../state/store.js';
import type { SessionNotice } from './notices.js';
import { SessionLayers } from './session-layers.js';
import { UrlWriter } from './url-writer.js';
import type { ViewTarget } from './view-moves.js';
import type { TableQuery } from '../table/query.js';

/** What the map's interface does when asked from outside (the embed API): the map view provides it. */
export interface MapActions {
  /** Opens a feature's record (false when the layer or the feature is unknown). */
  showFeature(ref: { layerId: string; featureId: string | number }, options?: { openedBy?: 'person' | 'link'; move?: boolean }): Promise<boolean>;
  closeRecord(): void;
  openTable(layerId: string, query?: TableQuery): Promise<void>;
  closeTable(): void;
}

export interface MapSessionOptions {
  readonly context: MapContext;
  /** URL of the document: relative URLs in it are resolved against it. */
  readonly documentUrl: string;
  /** The requester every load of this map goes through (default: one made when first needed). */
  readonly requester?: Requester;
  /** The URL the map's state is read from at start (a permalink); default: the page's. */
  readonly startUrl?: string;
  /** Keeps the state in the page's URL as it changes (off where the page is not the map's own). */
  readonly urlState: boolean;
  /** Says a notice to the person (the UI puts the code in words). */
  readonly onNotice?: (notice: SessionNotice) => void;
}

/**
 * One opened map: its document, its store, its layers, its OpenLayers adapter (once built), the one
 * writer of its URL, and a signal that aborts when another map takes its place (`dispose()`), so
 * late work asks `session.signal.aborted` instead of "is this still the current map".
 */
export class MapSession {
  /** The document shown: replaced only by restyleSession (./restyle.ts), with one that differs in styles alone. */
  context: MapContext;
  readonly store: MapStore;
  /** Its layers, and those added while it is open (made anew with the document). */
  layers: SessionLayers;
  readonly urls: UrlWriter;
  readonly documentUrl: string;
  readonly startUrl: URL;
  readonly urlState: boolean;
  readonly #controller = new AbortController();
  readonly #options: MapSessionOptions;
  #adapter?: MapAdapter;
  #adapterWaiters: ((adapter: MapAdapter) => void)[] = [];
  #requester?: Promise<Requester>;
  /** The state the map opened in (set when its adapter is attached). */
  #start?: MapState;
  /** What the interface does on request; set by the map view. */
  actions?: MapActions;

  constructor(options: MapSessionOptions) {
    this.#options = options;
    this.context = options.context;
    this.documentUrl = options.documentUrl;
    this.startUrl = new URL(options.startUrl ?? location.href);
    this.urlState = options.urlState;
    this.store = new MapStore(initialState(options.context));
    this.layers = new SessionLayers(options.context);
    const stopLayers = this.store.subscribe((next) => this.layers.follow(next));
    this.signal.addEventListener('abort', stopLayers, { once: true });
    this.urls = new UrlWriter({
      store: this.store,
      signal: this.signal,
      base: () => new URL(this.urlState ? location.href : this.startUrl.href),
      write: (url) => {
        if (this.urlState && url.href !== location.href) history.replaceState(history.state, '', url);
      },
    });
  }

  /** Aborts when this map is closed or replaced. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get adapter(): MapAdapter | undefined {
    return this.#adapter;
  }

  /** The requester given, else the default one (its code loads on first use). */
  requester(): Promise<Requester> {
    if (this.#options.requester) return Promise.resolve(this.#options.requester);
    return (this.#requester ??= loadChunk(import('../net/requester.js')).then((net) => net.createRequester()));
  }

  /** Resolves a URL of the document (relative ones against the document's URL). */
  resolveUrl(url: string): string {
    return new URL(url, this.documentUrl).href;
  }

  /** The map is built: the session owns the adapter from now on (a closed session disposes it at once). */
  attach(adapter: MapAdapter): void {
    if (this.signal.aborted) {
      adapter.dispose();
      return;
    }
    this.#adapter = adapter;
    this.#start = this.store.state;
    for (const resolve of this.#adapterWaiters.splice(0)) resolve(adapter);
  }

  /** Resolves with the adapter once the map is built; never resolves for a closed session. */
  whenBuilt(): Promise<MapAdapter> {
    if (this.#adapter) return Promise.resolve(this.#adapter);
    return new Promise((resolve) => this.#adapterWaiters.push(resolve));
  }

  /** Resolves once the map is first drawn (every visible layer loaded or failed, or a deadline). */
  async rendered(): Promise<void> {
    await (await this.whenBuilt()).rendered;
  }

  /** Centres the map on a place in the document's CRS (false: outside the map's projection, or no map yet). */
  async showCenter(target: ViewTarget): Promise<boolean> {
    const moves = await loadChunk(import('./view-moves.js')); // Only the embed API needs it: not in the first map's code.
    return !!this.#adapter && moves.showCenter(this.context, this.#adapter, target);
  }

  /** Frames a box in the document's CRS (false: outside the map's projection, or no map yet). */
  async showExtent(extent: readonly [number, number, number, number]): Promise<boolean> {
    const moves = await loadChunk(import('./view-moves.js'));
    return !!this.#adapter && moves.showExtent(this.context, this.#adapter, extent);
  }

  /** The box the map shows now, in the document's CRS. */
  async viewExtent(): Promise<number[] | undefined> {
    const extent = this.store.state.view?.extent;
    const moves = await loadChunk(import('./view-moves.js'));
    return extent && this.#adapter ? moves.extentInDocument(this.context, this.#adapter, extent) : undefined;
  }

  /** Resolves when a layer has loaded or failed (and the map is built); undefined if the session closes first. */
  async whenLayerSettled(layerId: string): Promise<LayerStatus | undefined> {
    const settled = (): LayerStatus | undefined => {
      const status = this.store.state.layers[layerId]?.status;
      return status === 'ready' || status === 'error' ? status : undefined;
    };
    await this.whenBuilt();
    return new Promise((resolve) => {
      const now = settled();
      if (now || this.signal.aborted) return resolve(now);
      const stop = this.store.subscribe(() => {
        const status = settled();
        if (status) done(status);
      });
      const done = (status: LayerStatus | undefined): void => {
        stop();
        this.signal.removeEventListener('abort', onAbort);
        resolve(status);
      };
      const onAbort = (): void => done(undefined);
      this.signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Loads the permalink part of the URL writer (after the first frame, or when a link is wanted). */
  async loadPermalink(): Promise<void> {
    const adapter = await this.whenBuilt();
    const { permalinkWriter } = await loadChunk(import('../map/permalink-sync.js'));
    if (!this.signal.aborted) this.urls.attachPermalink(permalinkWriter(this.context, adapter), this.#start ?? this.store.state);
  }

  notify(notice: SessionNotice): void {
    if (!this.signal.aborted) this.#options.onNotice?.(notice);
  }

  /** Closes this map: its work aborts, its listeners go, its OpenLayers map is disposed. */
  dispose(): void {
    if (this.signal.aborted) return;
    this.#controller.abort();
    this.#adapterWaiters = [];
    this.#adapter?.dispose();
    this.#adapter = undefined;
  }
}
