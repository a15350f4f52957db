import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { isVectorLayer } from '../../context/types.js';
import type { IdentifyGroup, IdentifiedItem } from '../../identify/types.js';
import type { Coordinate, Extent } from '../../map/places.js';
import type { IdentifyEvent } from '../../map/pointer.js';
import { loadChunk } from '../../offline/load-chunk.js';
import { Latest } from '../../session/latest.js';
import { withFeatureRef } from '../../state/feature-link.js';
import type { CartablePopup, PopupPlacement, PopupSelection } from '../cartable-popup.js';
import { emit } from '../events.js';
import type { MapViewHost } from './host.js';
import { framePlace, placePopup, revealAnchor } from './popup-placement.js';

/** The records open in the popup, where they were found, and who opened them. */
export interface OpenRecords {
  readonly groups: readonly IdentifyGroup[];
  readonly anchor: Coordinate;
  readonly selected?: PopupSelection;
  readonly openedBy: 'person' | 'link';
}

const countOf = (groups: readonly IdentifyGroup[]): number => groups.reduce((n, g) => n + g.items.length, 0);

/**
 * A map's records: what a click finds (identify), the popup that shows it, the halo on the chosen
 * feature, and records opened by name (a search result, a table row, a link, the embed API).
 * The open record goes to the store's selection, from which the URL is written.
 */
export class RecordsController implements ReactiveController {
  /** The records shown now, if any. */
  popup?: OpenRecords;
  /** Lookups of clicks: a newer click, a double click or a record opened by name takes over. */
  #clicks = new Latest();
  /** The halo of the chosen record, drawn on the next frame. */
  #halo = new Latest();
  /** Clicks since the popup opened: a double click made of its own clicks closes it (the person meant to zoom). */
  #clicksSinceOpen = 0;
  #stopAnchoring?: () => void;

  constructor(private readonly host: MapViewHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  /** A new map: nothing is open, nothing under way. */
  reset(): void {
    this.#clicks = new Latest(this.host.session?.signal);
    this.#halo = new Latest(this.host.session?.signal);
    this.popup = undefined;
    this.#stopAnchoring?.();
    this.#stopAnchoring = undefined;
  }

  get placement(): PopupPlacement {
    return this.host.narrow ? 'sheet' : (this.host.session?.context.popup.mode ?? 'popup');
  }

  get #element(): CartablePopup | null {
    return this.host.renderRoot.querySelector('cartable-popup');
  }

  get #holder(): HTMLElement | null {
    return this.host.renderRoot.querySelector('.popup-holder');
  }

  async identify(event: IdentifyEvent): Promise<void> {
    if (!this.host.embedSettings.controls.popups) return; // An embed without records: clicks only move the map.
    this.#clicksSinceOpen++;
    const signal = this.#clicks.next();
    if (countOf(event.groups) === 0 && !event.asksServices) {
      if (this.popup) this.close({ returnFocus: false });
      return;
    }
    await loadChunk(import('../cartable-popup.js'));
    if (signal.aborted) return; // A newer click, or a double click, took over.
    if (countOf(event.groups) > 0) this.#showFound(event.groups, event.coordinate);
    else this.host.say({ code: 'identify-asking' });
    if (!event.asksServices) return;
    const answers = (await event.services).filter((g) => g.items.length > 0 || g.problem);
    if (signal.aborted) return; // A newer click took over.
    if (this.host.notice?.code === 'identify-asking') this.host.say(undefined);
    const groups = [...event.groups, ...answers];
    if (groups.length === 0) {
      if (this.popup) this.close({ returnFocus: false });
      this.host.say({ code: 'identify-nothing' });
      return;
    }
    if (this.popup && countOf(event.groups) > 0) {
      // The services answered after the drawn features were shown: add them, keep what is shown.
      this.#set({ ...this.popup, groups });
      if (!this.popup.selected && countOf(groups) > 1) this.host.say({ code: 'identify-found', count: countOf(groups) });
      return;
    }
    this.#showFound(groups, event.coordinate);
  }

  /** The clicks of a double click open no record: the person meant to zoom. */
  doubleClicked(): void {
    this.#clicks.cancel();
    if (this.popup?.openedBy === 'person' && this.#clicksSinceOpen <= 1) this.close({ returnFocus: false });
  }

  #showFound(groups: readonly IdentifyGroup[], coordinate: Coordinate): void {
    const count = countOf(groups);
    const only = count === 1 ? { layerId: groups.find((g) => g.items.length)!.layerId, index: 0 } : undefined;
    void this.#open({ groups, anchor: coordinate, selected: only, openedBy: 'person' });
    this.host.say(count > 1 ? { code: 'identify-found', count } : undefined);
  }

  #set(popup: OpenRecords | undefined): void {
    this.popup = popup;
    this.host.requestUpdate();
  }

  /** Shows records; with `place`, then frames it in the map area the open panels (the record too) leave free. */
  async #open(popup: OpenRecords, place?: { extent: Extent; duration: number }): Promise<void> {
    this.#set(popup);
    this.host.layout.open('record');
    this.#clicksSinceOpen = 0;
    this.select(popup.selected);
    this.#stopAnchoring?.();
    this.#stopAnchoring = this.host.session?.adapter?.onRender(() => this.#place());
    await this.#whenDrawn();
    this.#place();
    const adapter = this.host.session?.adapter;
    // An anchored popup is placed above its feature: leave it that room.
    const roomAbove = this.placement === 'popup' ? (this.#holder?.offsetHeight ?? 200) + 16 : 0;
    if (place && adapter) await framePlace(adapter, place.extent, this.host.renderRoot, this.host.mapTarget, { duration: place.duration, roomAbove });
    // Focus last, once the map has stopped: a popup placed while the map still pans may cover its feature.
    await this.#reveal();
    if (popup.openedBy === 'person') void this.#element?.focusHeading();
  }

  /** Resolves once the popup has its content, so its size is known. */
  async #whenDrawn(): Promise<void> {
    await this.host.updateComplete;
    await this.#element?.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }

  #itemOf(selection: PopupSelection | undefined): IdentifiedItem | undefined {
    if (!selection || !this.popup) return undefined;
    return this.popup.groups.find((g) => g.layerId === selection.layerId)?.items[selection.index];
  }

  /** Shows a record: highlights its feature, names it in the store (and so in the URL). */
  select(selection: PopupSelection | undefined): void {
    const session = this.host.session;
    const item = this.#itemOf(selection);
    // The record first, the halo on the next frame: redrawing a large layer must not delay the text.
    const halo = this.#halo.next();
    requestAnimationFrame(() => {
      if (!halo.aborted) session?.adapter?.highlight(item?.geometry);
    });
    const layer = selection ? session?.layers.get(selection.layerId) : undefined;
    if (item && selection) emit(this.host, 'cartable-record-open', { layerId: selection.layerId });
    const id = item?.id;
    const linkable = layer && isVectorLayer(layer) && layer.idField && id !== undefined;
    session?.store.dispatch({ type: 'set-selection', selection: linkable ? { layerId: selection!.layerId, featureId: id } : undefined });
    const point = session?.adapter?.pointOf(item?.geometry);
    if (this.popup && point) {
      this.#set({ ...this.popup, anchor: point, selected: selection });
    } else if (this.popup) {
      this.#set({ ...this.popup, selected: selection });
    }
  }

  close({ returnFocus }: { returnFocus: boolean }): void {
    this.#set(undefined);
    this.#stopAnchoring?.();
    this.#stopAnchoring = undefined;
    this.#halo.cancel();
    const session = this.host.session;
    session?.adapter?.highlight(undefined);
    session?.store.dispatch({ type: 'set-selection', selection: undefined });
    this.host.layout.close('record');
    if (returnFocus) this.host.mapTarget.focus({ preventScroll: true });
  }

  #place(): void {
    const adapter = this.host.session?.adapter;
    if (this.popup && adapter) placePopup(this.#holder, this.placement, this.popup.anchor, adapter, this.host.mapTarget);
  }

  async #reveal(): Promise<void> {
    const adapter = this.host.session?.adapter;
    if (this.popup && adapter) await revealAnchor(this.#holder, this.placement, this.popup.anchor, adapter, this.host.mapTarget);
  }

  async #copyLink(detail: { layerId: string; id: string | number }): Promise<void> {
    const url = withFeatureRef(new URL(location.href), { layerId: detail.layerId, featureId: String(detail.id) }).href;
    try {
      await navigator.clipboard.writeText(url);
    } catch {
      // No clipboard (insecure context, refused permission): offer the link to copy by hand.
      prompt(msg('Copiez ce lien :', { id: 'popup.copyPrompt' }), url);
    }
    this.#element?.confirmCopied();
  }

  /**
   * Zooms to a feature and opens its record, once its layer has loaded (a search result, a table row,
   * a deep link). Resolves to false, with a quiet notice, when the layer or the feature is unknown.
   * A record opened by a person takes focus; one opened by a link never does.
   */
  async showFeature(
    ref: { layerId: string; featureId: string | number },
    { openedBy = 'person', move = true }: { openedBy?: 'person' | 'link'; move?: boolean } = {},
  ): Promise<boolean> {
    const session = this.host.session;
    if (!session) return false;
    const layer = session.layers.get(ref.layerId);
    if (!layer || !isVectorLayer(layer) || !layer.idField) {
      this.host.say({ code: 'record-layer-unknown' });
      return false;
    }
    const { store } = session;
    if (!store.state.layers[ref.layerId]?.visible) store.dispatch({ type: 'set-visible', id: ref.layerId, visible: true });
    const status = await session.whenLayerSettled(ref.layerId);
    const adapter = session.adapter;
    if (session.signal.aborted || status !== 'ready' || !adapter) return false;
    const record = adapter.recordOf(ref.layerId, ref.featureId);
    if (!record?.geometry || !record.anchor || !record.extent) {
      this.host.say({ code: 'record-missing', featureId: String(ref.featureId) });
      return false;
    }
    this.#clicks.cancel(); // Whatever a click was looking up is no longer wanted.
    await loadChunk(import('../cartable-popup.js'));
    // A link's record opens while the page is still being laid out (panels measured then are not where
    // they end up): its feature is centred first, as it always was. A person's is framed beside the panels.
    if (move && openedBy === 'link') await adapter.fitPlace(record.extent, [40, 40, 40, 40], { duration: 0 });
    if (session.signal.aborted) return false;
    await this.#open(
      {
        groups: [{ layerId: ref.layerId, items: [{ id: record.id, properties: record.properties, geometry: record.geometry }] }],
        anchor: record.anchor,
        selected: { layerId: ref.layerId, index: 0 },
        openedBy,
      },
      move && openedBy === 'person' ? { extent: record.extent, duration: 350 } : undefined,
    );
    return !session.signal.aborted;
  }

  render(): TemplateResult | typeof nothing {
    const session = this.host.session;
    if (!this.popup || !session) return nothing;
    const placement = this.placement;
    return html`<div class="popup-holder ${placement}">
      <cartable-popup
        .groups=${this.popup.groups}
        .layers=${session.layers.byId}
        .selected=${this.popup.selected}
        .language=${this.host.language}
        .placement=${placement}
        .baseUrl=${session.documentUrl}
        @cartable-popup-close=${() => this.close({ returnFocus: this.popup?.openedBy === 'person' })}
        @cartable-popup-select=${(e: CustomEvent<PopupSelection | null>) => {
          this.select(e.detail ?? undefined);
          void this.#whenDrawn().then(() => {
            this.#place();
            void this.#reveal();
          });
        }}
        @cartable-popup-copy-link=${(e: CustomEvent<{ layerId: string; id: string | number }>) => void this.#copyLink(e.detail)}
      ></cartable-popup>
    </div>`;
  }
}
