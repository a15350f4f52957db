import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from './define.js';
import { consume } from '@lit/context';
import { localized, msg, str } from '@lit/localize';
import type { MapContext, SiteConfig } from '../context/types.js';
import type { MapAdapter } from '../map/adapter.js';
import { ensureProjections } from '../proj/register.js';
import { reportLayers } from '../report/gather.js';
import { communePlace } from '../report/commune-place.js';
import { areaFeature, coordinateAtMiddle, createPlaceOverlay, extentOf, lonLatOf, mapSizeOf, placeExtent, placeGeometry, projectionOf, typedShape } from '../report/map-glue.js';
import { parseTypedPoints, TypedPointsProblem } from '../report/place.js';
import type { LayerReport, Place, Report, ReportItem } from '../report/types.js';
import { sessionContext } from '../session/context.js';
import type { MapSession } from '../session/map-session.js';
import { emit } from './events.js';
import { NARROW, NarrowScreen } from './narrow-screen.js';
import { CommuneSourceLoader, startMode } from './report/commune-source.js';
import { downloadReportCsv } from './report/export.js';
import { frameInFreeArea } from './report/frame.js';
import { pickerTemplate, type PickerView, type PlaceMode } from './report/picker.js';
import { PlacePicking } from './report/place-picking.js';
import { circlePlace, featurePlace, pickedPlace, shapePlace, type PlaceDistances, type PlacePoint } from './report/places.js';
import { progressTemplate, resultsTemplate } from './report/results.js';
import { printPlaceReport, runReport } from './report/run.js';
import { reportStyles } from './report/styles.js';
import { typedProblemText } from './report/texts.js';
import { styleProps } from './style-props.js';

/** What the report reads of its map view beside the session: the language it speaks, the site's settings. */
export interface ReportMap {
  readonly language: string;
  readonly site?: SiteConfig;
}

/**
 * @summary The « Qu'y a-t-il ici ? » panel: the person picks a place (a feature of the map such as a
 * commune, a drawn or typed polygon or line, a point with a radius), and reads, layer by layer, what
 * lies there — each line zooms to its feature — then exports it as CSV or prints it. The chosen place
 * is framed in the part of the map the panel leaves free. A side panel over the map; `narrow`: a sheet
 * over the whole map that folds to show the map. The map comes from the map view's session (context).
 * @fires cartable-report-close - the person closed the panel
 */
@localized()
@element('cartable-report')
export class CartableReport extends LitElement {
  static override styles = reportStyles;

  /** The opened map, provided by the map view (`sessionContext`); a new map brings a new session. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: MapSession;
  /** The map view, read for its language when needed. */
  @property({ attribute: false }) view?: ReportMap;
  /** A phone: the panel covers the map, and folds to show it (follows the screen's width). */
  @property({ type: Boolean, reflect: true }) narrow = matchMedia(NARROW).matches;
  @property({ type: Boolean, reflect: true }) folded = false;

  get adapter(): MapAdapter | undefined {
    return this.session?.adapter;
  }
  get language(): string {
    return this.view?.language ?? 'fr';
  }

  @state() private mode: PlaceMode = 'feature';
  /** Kilometres around a point, or either side of a line. */
  @state() private radiusKm = 5;
  @state() private lineKm = 0.5;
  @state() private typed = '';
  @state() private place?: Place;
  @state() private problem = '';
  @state() private progress?: { done: number; total: number };
  @state() private report?: Report;
  @state() private expanded = new Set<string>();
  @state() private current?: string;
  @state() private announcement = '';
  @state() private selectionIsArea = false;

  @query('h2') private heading!: HTMLHeadingElement;

  readonly #picking = new PlacePicking(this, {
    adapter: () => this.adapter,
    onPicked: (picked) => this.#setPlace(pickedPlace(picked, this.#distances(), reportLayers(this.#reportContext()!), this.language)),
    onMissed: () => (this.problem = msg("Aucun objet surfacique à cet endroit : cliquez à l'intérieur d'une commune ou d'une zone.", { id: 'report.pick.none' })),
    onCancelled: () => (this.announcement = msg('Choix du lieu annulé.', { id: 'report.pick.cancelled' })),
  });
  readonly #communes = new CommuneSourceLoader(this);
  #overlay?: ReturnType<typeof createPlaceOverlay>;
  #overlayMap?: unknown;
  #shown = false;
  #opener?: HTMLElement;
  #asking?: AbortController;
  #stopStore?: () => void;

  /** Keeps `narrow` up to date while connected. */
  protected readonly narrowScreen = new NarrowScreen(this, (narrow) => (this.narrow = narrow));

  /** Shows the panel and puts focus on its heading (in `mode` 'commune': on the commune box). */
  async show(options?: { mode?: 'commune' } | null): Promise<void> {
    const { context } = this.session ?? {}, mode = options?.mode;
    if (context) this.mode = startMode(context, mode, this.#shown ? this.mode : undefined);
    this.#shown = true;
    // Focus goes back where it was (the toolbar's button) when the panel closes.
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active instanceof HTMLElement && !this.contains(active) && !this.renderRoot.contains(active)) this.#opener = active;
    this.hidden = false;
    this.folded = false;
    await this.updateComplete;
    const picker = mode === 'commune' ? this.renderRoot.querySelector('cartable-commune-picker') : null;
    (picker ?? this.heading).focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKey);
  }

  /** Escape closes the panel (while picking, the picking's own listener cancels it first). */
  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !event.defaultPrevented && !this.#picking.picking) {
      event.preventDefault();
      this.close();
    }
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKey);
    this.#stopStore?.();
    this.#overlay?.dispose();
    this.#overlay = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.mode === 'commune') this.#communes.load(this.session, this.view?.site); // Its code loads on first use.
    if (changed.has('session')) {
      this.#stopStore?.();
      const check = (): void => {
        this.selectionIsArea = this.#selectedFeature() !== undefined;
      };
      this.#stopStore = this.session?.store.subscribe(check);
      check();
    }
  }

  // ------------------------------------------------------------ the place

  #distances(): PlaceDistances {
    return { radiusKm: this.radiusKm, lineKm: this.lineKm };
  }

  #projection(): string {
    return projectionOf(this.adapter!.map);
  }

  /** Map pixels left uncovered by the panel, on its left (none on a phone, where it covers the map). */
  #uncovered(): number {
    const size = this.adapter ? mapSizeOf(this.adapter.map) : undefined;
    return size && !this.narrow ? Math.max(0, size[0]! - this.getBoundingClientRect().width) : (size?.[0] ?? 0);
  }

  /** The centre of the part of the map the person sees beside the panel (marked by a cross). */
  #centre(): PlacePoint | undefined {
    const map = this.adapter?.map;
    return map ? coordinateAtMiddle(map, this.#uncovered()) : undefined;
  }

  /** The feature whose record is open (a search result, a click), when it is an area. */
  #selectedFeature() {
    const selection = this.session?.store.state.selection;
    if (!selection || !this.adapter) return undefined;
    const area = areaFeature(this.adapter.findFeature(selection.layerId, selection.featureId));
    const layer = reportLayers(this.#reportContext()!).find((l) => l.id === selection.layerId);
    return area && layer ? { ...area, layer } : undefined;
  }

  #useSelected(): void {
    const selected = this.#selectedFeature();
    if (selected) this.#setPlace(featurePlace(selected.layer, selected.geometry, selected.properties, this.language));
  }

  #pick(what: 'feature' | 'point'): void {
    this.problem = '';
    this.#picking.pickOnMap(what);
    if (this.narrow) this.folded = true;
  }

  #draw(): void {
    this.problem = '';
    this.#picking.draw(this.mode === 'line' ? 'line' : 'area');
    if (this.narrow) this.folded = true;
  }

  /** Adds the map's centre to the typed points (lon lat, 5 decimals: about 1 m). */
  #addCentre(): void {
    const centre = this.#centre();
    if (!centre) return;
    const [lon, lat] = lonLatOf(centre, this.#projection()).map((n) => n.toFixed(5));
    this.typed = `${this.typed.trim() ? `${this.typed.trimEnd()}\n` : ''}${lon} ${lat}`;
    this.announcement = msg(str`Sommet ajouté : ${lon} ${lat}`, { id: 'report.typed.added' });
  }

  async #useTyped(): Promise<void> {
    const kind = this.mode === 'line' ? 'line' : 'area';
    try {
      const typed = parseTypedPoints(this.typed);
      if (typed.points.length < (kind === 'line' ? 2 : 3)) {
        this.problem =
          kind === 'line'
            ? msg('Une ligne a besoin d’au moins 2 points.', { id: 'report.typed.fewLine' })
            : msg('Une zone a besoin d’au moins 3 points.', { id: 'report.typed.fewArea' });
        return;
      }
      await ensureProjections([typed.crs]);
      const shape = typedShape(kind, typed, this.#projection());
      this.#setPlace(shapePlace(kind, shape, this.#distances(), msg('Coordonnées saisies', { id: 'report.place.typed' })));
    } catch (error) {
      this.problem = error instanceof TypedPointsProblem ? typedProblemText(error) : String(error);
    }
  }

  #setPlace(place: Place): void {
    this.place = place;
    this.problem = '';
    // On a phone the sheet folds so the place shows above it; the person unfolds it to read.
    this.folded = this.narrow;
    if (this.#overlayMap !== this.adapter?.map) {
      // The view built another map (another document) since: the old overlay went with the old map.
      this.#overlay?.dispose();
      this.#overlay = undefined;
    }
    this.#overlayMap = this.adapter?.map;
    this.#overlay ??= this.adapter ? createPlaceOverlay(this.adapter.map) : undefined;
    this.#overlay?.show([placeGeometry(place, this.#projection())]);
    void this.#frame(placeExtent(place, this.#projection()));
    void this.#makeReport(place);
  }

  /** Shows a box of the map in the part the panel leaves free (after the panel has folded or unfolded). */
  async #frame(extent: readonly number[]): Promise<void> {
    await this.updateComplete;
    if (this.adapter) await frameInFreeArea(this.adapter, extent, [this]);
  }

  // ------------------------------------------------------------ the report

  async #makeReport(place: Place): Promise<void> {
    const { session } = this;
    const context = this.#reportContext();
    if (!session?.adapter || !context) return;
    this.#asking?.abort(); // The questions of the last place are no longer wanted.
    const asking = (this.#asking = new AbortController());
    this.report = undefined;
    this.expanded = new Set();
    this.current = undefined;
    this.progress = { done: 0, total: reportLayers(context).length };
    this.announcement = msg('Vérification des couches…', { id: 'report.running' });
    const report = await runReport({ session, adapter: session.adapter, context, place, language: this.language, signal: asking.signal }, () => {
      if (!asking.signal.aborted && this.progress) this.progress = { ...this.progress, done: this.progress.done + 1 };
    });
    if (asking.signal.aborted || !report) return; // Another place was picked meanwhile, or the panel closed.
    this.report = report;
    this.progress = undefined;
    const found = report.layers.reduce((n, l) => n + l.items.length, 0);
    const layers = report.layers.filter((l) => l.items.length).length;
    this.announcement = msg(str`Rapport prêt : ${found} objet(s) dans ${layers} couche(s).`, { id: 'report.ready' });
    await this.updateComplete;
    if (this.report === report) emit(this, 'cartable-report-ready', { found });
  }

  /** The document, with the layers the person added from services (they are on the map too). */
  #reportContext(): MapContext | undefined {
    const context = this.session?.context;
    const added = this.session?.store.state.added;
    return context && added?.length ? { ...context, layers: [...added, ...context.layers] } : context;
  }

  async #zoomTo(layer: LayerReport, item: ReportItem, key: string): Promise<void> {
    if (!item.geometry || !this.adapter) return;
    this.current = key;
    if (this.narrow) this.folded = true;
    this.adapter.highlight(item.geometry);
    await this.#frame(extentOf(item.geometry));
    this.announcement = msg(str`Carte centrée sur « ${item.label} » (${layer.title})`, { id: 'report.zoomed' });
  }

  /** Closes the panel and clears its place from the map (focus goes back to the opener unless told not to). */
  close({ returnFocus = true } = {}): void {
    this.#picking.cancel();
    this.#asking?.abort();
    this.progress = undefined;
    this.#overlay?.dispose();
    this.#overlay = undefined;
    this.adapter?.highlight(undefined);
    this.place = undefined;
    this.report = undefined;
    this.hidden = true;
    if (returnFocus && this.#opener?.isConnected) this.#opener.focus();
    emit(this, 'cartable-report-close', {});
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    const aiming = !this.#picking.picking && this.mode !== 'feature' && !this.narrow && this.adapter;
    return html`
      ${aiming
        ? html`<div class="aim" aria-hidden="true" style=${styleProps({ width: `${this.#uncovered()}px` })}>
            <svg viewBox="0 0 24 24" width="28" height="28"><path d="M12 2v8M12 14v8M2 12h8M14 12h8" class="halo" stroke-width="4" /><path d="M12 2v8M12 14v8M2 12h8M14 12h8" class="line" stroke-width="2" /></svg>
          </div>`
        : nothing}
      <div class="head">
        <h2 tabindex="-1">${msg("Qu'y a-t-il ici ?", { id: 'report.title' })}</h2>
        ${this.narrow && this.place
          ? html`<button class="button" aria-expanded=${this.folded ? 'false' : 'true'} @click=${() => (this.folded = !this.folded)}>
              ${this.folded ? msg('Déplier le rapport', { id: 'report.unfold' }) : msg('Voir la carte', { id: 'report.fold' })}
            </button>`
          : nothing}
        <button class="icon-button" aria-label=${msg('Fermer le rapport', { id: 'report.close' })} @click=${() => this.close()}>✕</button>
      </div>
      <div class="scroll" @cartable-commune-pick=${(e: HTMLElementEventMap['cartable-commune-pick']) => this.#setPlace(communePlace(e.detail.outline, this.#projection()))}>
        ${pickerTemplate(this.#pickerView())}
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
        ${this.progress ? progressTemplate(this.progress) : nothing}
        ${this.report
          ? resultsTemplate({
              report: this.report,
              language: this.language,
              expanded: this.expanded,
              current: this.current,
              onZoom: (layer, item, key) => void this.#zoomTo(layer, item, key),
              onShowAll: (layerId) => (this.expanded = new Set([...this.expanded, layerId])),
              onCsv: () => this.report && downloadReportCsv(this.report, this.renderRoot),
              onPrint: () => this.adapter && this.session && this.report && void printPlaceReport(this.session, this.adapter, this.report, this.language),
            })
          : nothing}
      </div>
    `;
  }

  #pickerView(): PickerView {
    const picking = this.#picking;
    return {
      mode: this.mode,
      picking: picking.picking,
      vertices: picking.vertices,
      place: this.place,
      projection: this.adapter && this.#projection(),
      language: this.language,
      selectionIsArea: this.selectionIsArea,
      radiusKm: this.radiusKm,
      lineKm: this.lineKm,
      typed: this.typed,
      commune: this.#communes.view(this.session, this.mode === 'commune'),
      onMode: (mode) => {
        picking.cancel();
        this.mode = mode;
        this.problem = '';
      },
      onPick: (what) => this.#pick(what),
      onDraw: () => this.#draw(),
      onFinish: () => picking.finishDrawing(),
      onUndo: () => picking.undoVertex(),
      onCancel: () => picking.cancel(),
      onUseSelected: () => this.#useSelected(),
      onUseCentre: () => {
        const centre = this.#centre();
        if (centre) this.#setPlace(circlePlace(centre, this.#distances(), msg('Centre de la carte', { id: 'report.place.centre' })));
      },
      onKm: (key, value) => (this[key] = value),
      onTyped: (text) => (this.typed = text),
      onAddCentre: () => this.#addCentre(),
      onUseTyped: () => void this.#useTyped(),
    };
  }
}

/**
 * Shows the report panel over a map view's stage (made on first use, then reused). The map view calls
 * it on « Qu'y a-t-il ici ? »; the panel receives the view's map session through its context.
 */
export async function openReport(view: ReportMap, stage: Element, options?: { mode?: 'commune' }): Promise<CartableReport> {
  const panel = stage.querySelector('cartable-report') ?? stage.appendChild(document.createElement('cartable-report'));
  panel.view = view;
  await panel.show(options);
  return panel;
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-report': CartableReport;
  }
}
