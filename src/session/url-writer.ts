import { writeChartUrl } from '../state/chart-link.js';
import { withFeatureRef } from '../state/feature-link.js';
import type { MapState, MapStore } from '../state/store.js';
import { writeTableUrl } from '../table/url.js';
import type { PermalinkWriter } from '../map/permalink-sync.js';

/** Where a permalink is written alone, to compare two states. */
const BLANK = 'https://permalink.invalid/';

export interface UrlWriterOptions {
  readonly store: MapStore;
  /** The URL whose other parameters are kept (the page's, or the start URL where the page is not the map's). */
  readonly base: () => URL;
  /** Puts a URL in the address bar (history.replaceState); none: the URL is only computed. */
  readonly write?: (url: URL) => void;
  /** Delay after a view move before writing (a pan fires many moves). */
  readonly viewDelay?: number;
  readonly signal: AbortSignal;
}

/**
 * The one writer of the map's URL, from the state alone: the open record (feature=), the table
 * (table=, tq=…, chart=) and, once its code has loaded, the permalink (view, layers, basemap, panel).
 * Never a new history entry. Record and table are written at once, view moves after a pause.
 * The permalink part is written only once its state first differs from the one the map opened in,
 * so the link a person opened stays as it was until they act.
 */
export class UrlWriter {
  #permalink?: { readonly write: PermalinkWriter; readonly start: string };
  #permalinkChanged = false;
  #written: string;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly options: UrlWriterOptions) {
    const { store, signal } = options;
    this.#written = this.#compose(store.state).href;
    const unsubscribe = store.subscribe((next, previous) => {
      if (next.view !== previous.view && next.layers === previous.layers && next.selection === previous.selection && next.table === previous.table) {
        this.#schedule(options.viewDelay ?? 400);
      } else this.flush();
    });
    signal.addEventListener('abort', () => {
      unsubscribe();
      clearTimeout(this.#timer);
    }, { once: true });
  }

  /** The permalink part has loaded: `start` is the state the map opened in (what changed since is written at once). */
  attachPermalink(write: PermalinkWriter, start: MapState): void {
    if (this.#permalink || this.options.signal.aborted) return;
    this.#permalink = { write, start: write(new URL(BLANK), start).search };
    this.flush();
  }

  /** True once the permalink part has loaded. */
  get hasPermalink(): boolean {
    return !!this.#permalink;
  }

  /** The URL of the state now, every part included. */
  url(): URL {
    return this.#compose(this.options.store.state, true);
  }

  /** Writes the URL now if the state asks for another one. */
  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.options.signal.aborted) return;
    const next = this.#compose(this.options.store.state);
    if (next.href === this.#written) return;
    this.#written = next.href;
    this.options.write?.(next);
  }

  #schedule(delay: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.flush(), delay);
  }

  #compose(state: MapState, whole = false): URL {
    const selection = state.selection;
    let url = withFeatureRef(this.options.base(), selection ? { layerId: selection.layerId, featureId: String(selection.featureId) } : undefined);
    url = writeChartUrl(writeTableUrl(url, state.table?.layerId, state.table?.query), state.table);
    const permalink = this.#permalink;
    if (!permalink) return url;
    if (!whole && !this.#permalinkChanged) {
      this.#permalinkChanged = permalink.write(new URL(BLANK), state).search !== permalink.start;
      if (!this.#permalinkChanged) return url;
    }
    return permalink.write(url, state);
  }
}
