import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Coordinate } from 'ol/coordinate.js';
import type Geometry from 'ol/geom/Geometry.js';
import type LineString from 'ol/geom/LineString.js';
import type MultiPolygon from 'ol/geom/MultiPolygon.js';
import type Polygon from 'ol/geom/Polygon.js';
import { fromLonLat, toLonLat, transform } from 'ol/proj.js';
import { isVectorLayer, type LayerDef, type MapContext } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import type { MapAdapter } from '../map/adapter.js';
import { createRequester, type Requester } from '../net/requester.js';
import { ensureProjections } from '../proj/register.js';
import type { MapStore } from '../state/store.js';
import { describerOf } from '../report/describe.js';
import { makeReport, reportLayers } from '../report/gather.js';
import { coordinateAtMiddle, createPlaceOverlay, drawShape, layerFeaturesIn, mapSizeOf, onMapClick, placeGeometry, polygonAt, shapeOf, viewOf } from '../report/map-glue.js';
import { parseTypedPoints, TypedPointsProblem } from '../report/place.js';
import type { LayerReport, Place, Report, ReportItem } from '../report/types.js';
import { styleProps } from './style-props.js';
import { downloadReportCsv } from './report/export.js';
import { reportStyles } from './report/styles.js';
import { distanceText, placeText, reasonText, typedProblemText } from './report/texts.js';
import { NARROW, NarrowScreen } from './narrow-screen.js';
import { loadChunk } from '../offline/load-chunk.js';

type Mode = 'feature' | 'area' | 'line' | 'circle';

/** What the report reads of its map view. */
export interface ReportMap {
  readonly adapter?: MapAdapter;
  readonly store?: MapStore;
  readonly context?: MapContext;
  readonly requester?: Requester;
  readonly language: string;
  readonly documentUrl: string;
}


/** Lines shown per layer before « show all » (a large layer must not freeze the panel). */
const SHOWN = 100;

/**
 * @summary The « Qu'y a-t-il ici ? » panel: the person picks a place (a feature of the map such as a
 * commune, a drawn or typed polygon or line, a point with a radius), and reads, layer by layer, what
 * lies there — each line zooms to its feature — then exports it as CSV or prints it.
 * A side panel over the map; `narrow`: a sheet over the whole map that folds to show the map.
 * @fires cartable-report-close - the person closed the panel
 */
@localized()
@customElement('cartable-report')
export class CartableReport extends LitElement {
  static override styles = reportStyles;

  /** The map this report is about (its map view): read when needed, as the map may be rebuilt. */
  @property({ attribute: false }) map?: ReportMap;
  /** A phone: the panel covers the map, and folds to show it (follows the screen's width). */
  @property({ type: Boolean, reflect: true }) narrow = matchMedia(NARROW).matches;
  @property({ type: Boolean, reflect: true }) folded = false;

  get adapter(): MapAdapter | undefined {
    return this.map?.adapter;
  }
  get store(): MapStore | undefined {
    return this.map?.store;
  }
  get context(): MapContext | undefined {
    return this.map?.context;
  }
  get language(): string {
    return this.map?.language ?? 'fr';
  }

  @state() private mode: Mode = 'feature';
  /** Kilometres around a point, or either side of a line. */
  @state() private radiusKm = 5;
  @state() private lineKm = 0.5;
  @state() private typed = '';
  @state() private place?: Place;
  /** Waiting for a click or a drawing on the map. */
  @state() private picking?: 'feature' | 'point' | 'draw';
  /** Vertices placed so far while drawing. */
  @state() private vertices = 0;
  #drawing?: ReturnType<typeof drawShape>;
  @state() private problem = '';
  @state() private progress?: { done: number; total: number };
  @state() private report?: Report;
  @state() private expanded = new Set<string>();
  @state() private current?: string;
  @state() private announcement = '';
  @state() private selectionIsArea = false;

  @query('h2') private heading!: HTMLHeadingElement;

  #overlay?: ReturnType<typeof createPlaceOverlay>;
  #overlayMap?: unknown;
  #release?: () => void;
  #stopPicking?: () => void;
  #run = 0;
  #shown = false;
  #opener?: HTMLElement;
  #asking?: AbortController;
  #stopStore?: () => void;

  /** Shows the panel and puts focus on its heading. */
  async show(): Promise<void> {
    // A map without area features (e.g. only points) starts on « a point and a radius ».
    if (!this.#shown && this.context && !reportLayers(this.context).some((l) => isVectorLayer(l) && l.geometry !== 'point' && l.geometry !== 'line')) {
      this.mode = 'circle';
    }
    this.#shown = true;
    // Focus goes back where it was (the toolbar's button) when the panel closes.
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active instanceof HTMLElement && !this.contains(active) && !this.renderRoot.contains(active)) this.#opener = active;
    this.hidden = false;
    this.folded = false;
    await this.updateComplete;
    this.heading.focus();
  }

  /** Keeps `narrow` up to date while connected. */
  protected readonly narrowScreen = new NarrowScreen(this, (narrow) => (this.narrow = narrow));

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKey);
  }

  /** Escape closes the panel (while picking, it cancels the picking first: see #holdPointer). */
  readonly #onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && !event.defaultPrevented && !this.picking) {
      event.preventDefault();
      this.#close();
    }
  };

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKey);
    this.#cancelPicking();
    this.#stopStore?.();
    this.#overlay?.dispose();
    this.#overlay = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('map')) {
      this.#stopStore?.();
      const check = (): void => {
        this.selectionIsArea = this.#selectedFeature() !== undefined;
      };
      this.#stopStore = this.store?.subscribe(check);
      check();
    }
  }

  // ------------------------------------------------------------ the place

  #projection(): string {
    return viewOf(this.adapter!.map).projection.getCode();
  }

  /** Room around what the map zooms to: beside the panel, not under it (on a phone, above the folded sheet). */
  #padding(): number[] {
    const { width, height } = this.getBoundingClientRect();
    return [40, 40 + (this.narrow ? 0 : width), 40 + (this.narrow && this.folded ? height : 0), 40];
  }

  /** Map pixels left uncovered by the panel, on its left (none on a phone, where it covers the map). */
  #uncovered(): number {
    const size = this.adapter ? mapSizeOf(this.adapter.map) : undefined;
    return size && !this.narrow ? Math.max(0, size[0]! - this.getBoundingClientRect().width) : (size?.[0] ?? 0);
  }

  /** The centre of the part of the map the person sees beside the panel (marked by a cross). */
  #centre(): Coordinate | undefined {
    const map = this.adapter?.map;
    return map ? coordinateAtMiddle(map, this.#uncovered()) : undefined;
  }

  /** The feature whose record is open (a search result, a click), when it is an area. */
  #selectedFeature(): { layer: LayerDef; geometry: Polygon | MultiPolygon; properties: Record<string, unknown> } | undefined {
    const selection = this.store?.state.selection;
    if (!selection || !this.adapter) return undefined;
    const feature = this.adapter.findFeature(selection.layerId, selection.featureId);
    const geometry = feature?.getGeometry();
    const type = geometry?.getType();
    const layer = reportLayers(this.#reportContext()!).find((l) => l.id === selection.layerId);
    if (!feature || !layer || (type !== 'Polygon' && type !== 'MultiPolygon')) return undefined;
    return { layer, geometry: geometry as Polygon | MultiPolygon, properties: feature.getProperties() };
  }

  #featureLabel(layer: LayerDef, properties: Record<string, unknown>): string {
    const name = isVectorLayer(layer) ? describerOf(layer, this.language)(properties).label : '';
    return name || textFor(layer.title, this.language);
  }

  #useSelected(): void {
    const selected = this.#selectedFeature();
    if (!selected) return;
    this.#setPlace({ kind: 'area', geometry: selected.geometry, label: this.#featureLabel(selected.layer, selected.properties) });
  }

  /** Takes the pointer until `stop`; Escape anywhere cancels. */
  #holdPointer(stop: () => void): void {
    this.#cancelPicking();
    this.#release = this.adapter?.holdPointer();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.preventDefault();
        this.#cancelPicking();
        this.announcement = msg('Choix du lieu annulé.', { id: 'report.pick.cancelled' });
      }
    };
    window.addEventListener('keydown', onKey, true);
    this.#stopPicking = () => {
      window.removeEventListener('keydown', onKey, true);
      stop();
    };
  }

  #cancelPicking(): void {
    const stop = this.#stopPicking;
    this.#stopPicking = undefined;
    stop?.();
    this.#release?.();
    this.#release = undefined;
    this.picking = undefined;
  }

  /** The next click on the map picks an area feature (a commune…) or a point. */
  #pickOnMap(what: 'feature' | 'point'): void {
    const map = this.adapter?.map;
    if (!map) return;
    this.problem = '';
    const stop = onMapClick(map, (event) => {
      if (what === 'point') {
        this.#cancelPicking();
        this.#setPlace(this.#circleAt(event.coordinate, msg('Point choisi sur la carte', { id: 'report.place.clicked' })));
        return;
      }
      const found = polygonAt(map, event.pixel);
      if (!found) {
        this.problem = msg("Aucun objet surfacique à cet endroit : cliquez à l'intérieur d'une commune ou d'une zone.", { id: 'report.pick.none' });
        return;
      }
      this.#cancelPicking();
      const layer = reportLayers(this.#reportContext()!).find((l) => l.id === found.layerId);
      this.#setPlace({
        kind: 'area',
        geometry: found.feature.getGeometry() as Polygon | MultiPolygon,
        label: layer ? this.#featureLabel(layer, found.feature.getProperties()) : msg('Objet choisi', { id: 'report.place.feature' }),
      });
    });
    this.#holdPointer(stop);
    this.picking = what;
    if (this.narrow) this.folded = true;
  }

  #draw(): void {
    const map = this.adapter?.map;
    if (!map) return;
    this.problem = '';
    const kind = this.mode === 'line' ? 'line' : 'area';
    this.vertices = 0;
    const drawing = drawShape(map, kind === 'line' ? 'LineString' : 'Polygon', (n) => (this.vertices = n));
    this.#holdPointer(() => {
      drawing.cancel();
      this.#drawing = undefined;
    });
    this.#drawing = drawing;
    this.picking = 'draw';
    if (this.narrow) this.folded = true;
    void drawing.done.then((geometry) => {
      if (!geometry) return;
      this.#cancelPicking();
      this.#setPlace(this.#shapePlace(kind, geometry, msg('Tracé sur la carte', { id: 'report.place.drawn' })));
    });
  }

  #shapePlace(kind: 'area' | 'line', geometry: Polygon | LineString, label: string): Place {
    return kind === 'line'
      ? { kind: 'line', geometry: geometry as LineString, distance: this.lineKm * 1000, label }
      : { kind: 'area', geometry: geometry as Polygon, label };
  }

  #circleAt(center: Coordinate, label: string): Place {
    return { kind: 'circle', center, distance: this.radiusKm * 1000, label };
  }

  /** Adds the map's centre to the typed points (lon lat, 5 decimals: about 1 m). */
  #addCentre(): void {
    const centre = this.#centre();
    if (!centre) return;
    const [lon, lat] = toLonLat(centre, this.#projection());
    this.typed = `${this.typed.trim() ? `${this.typed.trimEnd()}\n` : ''}${lon!.toFixed(5)} ${lat!.toFixed(5)}`;
    this.announcement = msg(str`Sommet ajouté : ${lon!.toFixed(5)} ${lat!.toFixed(5)}`, { id: 'report.typed.added' });
  }

  async #useTyped(): Promise<void> {
    const kind = this.mode === 'line' ? 'line' : 'area';
    try {
      const typed = parseTypedPoints(this.typed);
      const needed = kind === 'line' ? 2 : 3;
      if (typed.points.length < needed) {
        this.problem =
          kind === 'line'
            ? msg('Une ligne a besoin d’au moins 2 points.', { id: 'report.typed.fewLine' })
            : msg('Une zone a besoin d’au moins 3 points.', { id: 'report.typed.fewArea' });
        return;
      }
      await ensureProjections([typed.crs]);
      const projection = this.#projection();
      const points = typed.points.map((p) => (typed.crs === 'EPSG:4326' ? fromLonLat([...p], projection) : transform([...p], typed.crs, projection)));
      const shape = shapeOf(kind, points);
      this.#setPlace(this.#shapePlace(kind, shape, msg('Coordonnées saisies', { id: 'report.place.typed' })));
      // Typed places may lie anywhere: show them, beside the panel.
      void this.adapter?.zoomTo(shape, { padding: this.#padding() });
    } catch (error) {
      this.problem = error instanceof TypedPointsProblem ? typedProblemText(error) : String(error);
    }
  }

  #setPlace(place: Place): void {
    this.place = place;
    this.problem = '';
    this.folded = false;
    if (this.#overlayMap !== this.adapter?.map) {
      // The view built another map (another document) since: the old overlay went with the old map.
      this.#overlay?.dispose();
      this.#overlay = undefined;
    }
    this.#overlayMap = this.adapter?.map;
    this.#overlay ??= this.adapter ? createPlaceOverlay(this.adapter.map) : undefined;
    this.#overlay?.show([placeGeometry(place, this.#projection())]);
    void this.#makeReport(place);
  }

  // ------------------------------------------------------------ the report

  async #makeReport(place: Place): Promise<void> {
    const { adapter, store } = this;
    const context = this.#reportContext();
    if (!adapter || !store || !context) return;
    const run = ++this.#run;
    this.#asking?.abort(); // The questions of the last place are no longer wanted.
    const asking = (this.#asking = new AbortController());
    const total = reportLayers(context).length;
    this.report = undefined;
    this.expanded = new Set();
    this.current = undefined;
    this.progress = { done: 0, total };
    this.announcement = msg('Vérification des couches…', { id: 'report.running' });
    const view = viewOf(adapter.map);
    const documentUrl = this.map?.documentUrl ?? location.href;
    const report = await makeReport(
      place,
      {
        context,
        language: this.language,
        viewProjection: view.projection,
        resolution: view.resolution,
        requester: this.map?.requester ?? createRequester(),
        resolveUrl: (url) => new URL(url, documentUrl).href,
        visible: (id) => store.state.layers[id]?.visible ?? false,
        featuresIn: layerFeaturesIn(adapter.map),
        signal: asking.signal,
      },
      () => {
        if (run === this.#run && this.progress) this.progress = { ...this.progress, done: this.progress.done + 1 };
      },
    );
    if (run !== this.#run) return; // Another place was picked meanwhile.
    this.report = report;
    this.progress = undefined;
    const found = report.layers.reduce((n, l) => n + l.items.length, 0);
    const layers = report.layers.filter((l) => l.items.length).length;
    this.announcement = msg(str`Rapport prêt : ${found} objet(s) dans ${layers} couche(s).`, { id: 'report.ready' });
  }

  /** The document, with the layers the person added from services (they are on the map too). */
  #reportContext(): MapContext | undefined {
    const added = (this.store?.state as { added?: readonly LayerDef[] } | undefined)?.added;
    return this.context && added?.length ? { ...this.context, layers: [...added, ...this.context.layers] } : this.context;
  }

  async #zoomTo(layer: LayerReport, item: ReportItem, key: string): Promise<void> {
    if (!item.geometry || !this.adapter) return;
    this.current = key;
    if (this.narrow) this.folded = true;
    this.adapter.highlight(item.geometry);
    await this.updateComplete;
    await this.adapter.zoomTo(item.geometry, { padding: this.#padding() });
    this.announcement = msg(str`Carte centrée sur « ${item.label} » (${layer.title})`, { id: 'report.zoomed' });
  }

  #exportCsv(): void {
    if (this.report) downloadReportCsv(this.report, this.renderRoot);
  }

  async #print(): Promise<void> {
    const { report, adapter, context } = this;
    if (!report || !adapter || !context) return;
    const { printReport } = await loadChunk(import('./cartable-report-print.js'));
    await printReport({
      report,
      map: adapter.map,
      placeGeometry: placeGeometry(report.place, this.#projection()),
      zoomTo: (geometry: Geometry) => adapter.zoomTo(geometry, { duration: 0 }),
      context,
      state: this.store!.state,
      mapTitle: textFor(context.title, this.language),
      placeText: placeText(report.place, this.language),
      language: this.language,
      reason: (l) => (l.unchecked ? reasonText(l.unchecked.reason, l.unchecked.detail) : ''),
      distance: (m) => distanceText(m, this.language),
    });
  }

  #close(): void {
    this.#cancelPicking();
    this.#run++;
    this.#asking?.abort();
    this.progress = undefined;
    this.#overlay?.dispose();
    this.#overlay = undefined;
    this.adapter?.highlight(undefined);
    this.place = undefined;
    this.report = undefined;
    this.hidden = true;
    if (this.#opener?.isConnected) this.#opener.focus();
    this.dispatchEvent(new CustomEvent('cartable-report-close', { bubbles: true, composed: true }));
  }

  // ------------------------------------------------------------ rendering

  override render(): TemplateResult {
    const aiming = !this.picking && this.mode !== 'feature' && !this.narrow && this.adapter;
    return html`
      ${aiming
        ? html`<div class="aim" aria-hidden="true" style=${styleProps({ width: `${this.#uncovered()}px` })}>
            <svg viewBox="0 0 24 24" width="28" height="28"><path d="M12 2v8M12 14v8M2 12h8M14 12h8" stroke="#fff" stroke-width="4" /><path d="M12 2v8M12 14v8M2 12h8M14 12h8" stroke="#6a1b9a" stroke-width="2" /></svg>
          </div>`
        : nothing}
      <div class="head">
        <h2 tabindex="-1">${msg("Qu'y a-t-il ici ?", { id: 'report.title' })}</h2>
        ${this.narrow && this.report
          ? html`<button class="button" aria-expanded=${this.folded ? 'false' : 'true'} @click=${() => (this.folded = !this.folded)}>
              ${this.folded ? msg('Déplier le rapport', { id: 'report.unfold' }) : msg('Voir la carte', { id: 'report.fold' })}
            </button>`
          : nothing}
        <button class="icon-button" aria-label=${msg('Fermer le rapport', { id: 'report.close' })} @click=${() => this.#close()}>✕</button>
      </div>
      <div class="scroll">
        ${this.#picker()}
        <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
        ${this.problem ? html`<p class="problem" role="alert">${this.problem}</p>` : nothing}
        ${this.progress
          ? html`<div class="results">
              <label>
                ${msg(str`Vérification des couches : ${this.progress.done} sur ${this.progress.total}`, { id: 'report.progress' })}
                <progress max=${this.progress.total} value=${this.progress.done}></progress>
              </label>
            </div>`
          : nothing}
        ${this.report ? this.#results(this.report) : nothing}
      </div>
    `;
  }

  #picker(): TemplateResult {
    const modes: Array<[Mode, string]> = [
      ['feature', msg('Un objet de la carte', { id: 'report.mode.feature' })],
      ['circle', msg('Un point et un rayon', { id: 'report.mode.circle' })],
      ['area', msg('Une zone tracée', { id: 'report.mode.area' })],
      ['line', msg('Une ligne tracée', { id: 'report.mode.line' })],
    ];
    return html`<fieldset>
        <legend>${msg('Le lieu', { id: 'report.place' })}</legend>
        <div class="modes">
          ${modes.map(
            ([mode, label]) => html`<label
              ><input
                type="radio"
                name="mode"
                .checked=${this.mode === mode}
                @change=${() => {
                  this.#cancelPicking();
                  this.mode = mode;
                  this.problem = '';
                }}
              />${label}</label
            >`,
          )}
        </div>
      </fieldset>
      ${this.picking
        ? html`<p class="picking">
            ${this.picking === 'draw'
              ? msg('Cliquez sur la carte pour placer les sommets, double-cliquez pour finir. Échap annule.', { id: 'report.picking.draw' })
              : this.picking === 'point'
                ? msg('Cliquez le point sur la carte. Échap annule.', { id: 'report.picking.point' })
                : msg('Cliquez une commune ou une zone sur la carte. Échap annule.', { id: 'report.picking.feature' })}
            ${this.picking === 'draw'
              ? html`<span class="row">
                  <button class="button" ?disabled=${this.vertices < (this.mode === 'line' ? 2 : 3)} @click=${() => this.#drawing?.finish()}>
                    ${msg('Terminer le tracé', { id: 'report.draw.finish' })}
                  </button>
                  <button class="button" ?disabled=${this.vertices === 0} @click=${() => this.#drawing?.undo()}>
                    ${msg('Retirer le dernier sommet', { id: 'report.draw.undo' })}
                  </button>
                </span>`
              : nothing}
            <button class="button" @click=${() => this.#cancelPicking()}>${msg('Annuler', { id: 'report.cancel' })}</button>
          </p>`
        : this.#modeControls()}
      ${this.place ? html`<p><strong>${msg('Lieu :', { id: 'report.place.current' })}</strong> ${placeText(this.place, this.language)}</p>` : nothing}`;
  }

  #modeControls(): TemplateResult {
    switch (this.mode) {
      case 'feature':
        return html`<p class="help">
            ${msg('Une commune, une zone protégée… : tout objet surfacique d’une couche de la carte, cliqué ou trouvé par la recherche.', { id: 'report.help.feature' })}
          </p>
          <div class="row">
            <button class="button primary" @click=${() => this.#pickOnMap('feature')}>${msg('Cliquer un objet sur la carte', { id: 'report.pick.feature' })}</button>
            <button class="button" ?disabled=${!this.selectionIsArea} @click=${() => this.#useSelected()}>
              ${msg('Utiliser l’objet ouvert', { id: 'report.useSelected' })}
            </button>
          </div>
          ${this.selectionIsArea
            ? nothing
            : html`<p class="help">${msg('Pour choisir au clavier : trouvez l’objet avec la recherche, ouvrez sa fiche, puis « Utiliser l’objet ouvert ».', { id: 'report.help.keyboardFeature' })}</p>`}`;
      case 'circle':
        return html`<div class="row">
            <label>${msg('Rayon (km)', { id: 'report.radius' })}
              <input type="number" min="0.01" max="200" step="any" .value=${String(this.radiusKm)} @input=${(e: Event) => this.#readKm(e, 'radiusKm')} />
            </label>
          </div>
          <div class="row">
            <button class="button primary" @click=${() => this.#pickOnMap('point')}>${msg('Cliquer le point sur la carte', { id: 'report.pick.point' })}</button>
            <button class="button" @click=${() => {
              const centre = this.#centre();
              if (centre) this.#setPlace(this.#circleAt(centre, msg('Centre de la carte', { id: 'report.place.centre' })));
            }}>${msg('Centre de la carte', { id: 'report.useCentre' })}</button>
          </div>
          <p class="help">${msg('Au clavier : déplacez la carte avec les flèches pour mettre le point au centre, puis « Centre de la carte ».', { id: 'report.help.centre' })}</p>`;
      default: {
        const line = this.mode === 'line';
        return html`${line
            ? html`<div class="row">
                <label>${msg('Distance de part et d’autre (km)', { id: 'report.lineDistance' })}
                  <input type="number" min="0" max="50" step="any" .value=${String(this.lineKm)} @input=${(e: Event) => this.#readKm(e, 'lineKm')} />
                </label>
              </div>`
            : nothing}
          <div class="row">
            <button class="button primary" @click=${() => this.#draw()}>
              ${line ? msg('Tracer la ligne sur la carte', { id: 'report.draw.line' }) : msg('Tracer la zone sur la carte', { id: 'report.draw.area' })}
            </button>
          </div>
          <label for="typed">${msg('Ou tapez les sommets, un par ligne', { id: 'report.typed.label' })}</label>
          <p class="help" id="typed-help">
            ${msg('Longitude puis latitude en degrés (5.7245 45.1885), ou x puis y en mètres Lambert-93. Au clavier, « Ajouter le centre de la carte » ajoute le point au centre, après avoir déplacé la carte avec les flèches.', { id: 'report.typed.help' })}
          </p>
          <textarea id="typed" aria-describedby="typed-help" .value=${this.typed} @input=${(e: Event) => (this.typed = (e.target as HTMLTextAreaElement).value)}></textarea>
          <div class="row">
            <button class="button" @click=${() => this.#addCentre()}>${msg('Ajouter le centre de la carte', { id: 'report.typed.addCentre' })}</button>
            <button class="button primary" @click=${() => void this.#useTyped()}>${msg('Utiliser ces sommets', { id: 'report.typed.use' })}</button>
          </div>`;
      }
    }
  }

  #readKm(event: Event, key: 'radiusKm' | 'lineKm'): void {
    const value = (event.target as HTMLInputElement).valueAsNumber;
    if (Number.isFinite(value) && value >= 0) this[key] = value;
  }

  #results(report: Report): TemplateResult {
    const found = report.layers.filter((l) => l.items.length > 0);
    const empty = report.layers.filter((l) => !l.items.length && !l.unchecked);
    const unchecked = report.layers.filter((l) => l.unchecked);
    const total = found.reduce((n, l) => n + l.items.length, 0);
    const date = new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(report.made));
    return html`<section class="results" aria-labelledby="results-title">
      <h3 id="results-title">${msg(str`${total} objet(s) trouvé(s)`, { id: 'report.total' })}</h3>
      <p class="note">${placeText(report.place, this.language)} · ${date}</p>
      <div class="actions">
        <button class="button" @click=${() => this.#exportCsv()}>${msg('Exporter en CSV', { id: 'report.csv' })}</button>
        <button class="button" @click=${() => void this.#print()}>${msg('Imprimer', { id: 'report.print' })}</button>
      </div>
      ${found.map((layer) => this.#layer(layer))}
      ${empty.length
        ? html`<h4>${msg('Rien à cet endroit dans', { id: 'report.empty' })}</h4>
            <ul class="empty">
              ${empty.map((l) => html`<li>${l.title}${l.hidden ? html` <span class="note">${msg('(couche masquée)', { id: 'report.hidden' })}</span>` : nothing}</li>`)}
            </ul>`
        : nothing}
      ${unchecked.length
        ? html`<h4>${msg('Couches non vérifiées', { id: 'report.unchecked' })}</h4>
            <ul class="unchecked">
              ${unchecked.map((l) => html`<li><strong>${l.title}</strong> : ${reasonText(l.unchecked!.reason, l.unchecked!.detail)}</li>`)}
            </ul>`
        : nothing}
    </section>`;
  }

  #layer(layer: LayerReport): TemplateResult {
    const all = this.expanded.has(layer.layerId);
    const items = all ? layer.items : layer.items.slice(0, SHOWN);
    const headingId = `layer-${layer.layerId}`;
    return html`<section aria-labelledby=${headingId}>
      <h4 id=${headingId}>
        <span>${layer.title}</span>
        <span class="count">${layer.capped ? '≥ ' : ''}${layer.items.length}</span>
        ${layer.hidden ? html`<span class="note">${msg('(couche masquée)', { id: 'report.hidden' })}</span>` : nothing}
        ${layer.method === 'feature-info' ? html`<span class="note">${msg('(au point choisi)', { id: 'report.atPoint' })}</span>` : nothing}
      </h4>
      ${layer.capped ? html`<p class="note">${msg('Le service a limité sa réponse : la liste peut être incomplète.', { id: 'report.capped' })}</p>` : nothing}
      <ul>
        ${items.map((item, i) => {
          const key = `${layer.layerId}/${i}`;
          return html`<li>
            <button class="item" aria-current=${this.current === key ? 'true' : 'false'} ?disabled=${!item.geometry} @click=${() => void this.#zoomTo(layer, item, key)}>
              <span class="label">${item.label}</span>
              ${item.distance !== undefined ? html`<span class="distance">${distanceText(item.distance, this.language)}</span>` : html`<span></span>`}
              ${item.fields.length ? html`<span class="fields">${item.fields.map((f) => `${f.label} : ${f.value}`).join(' · ')}</span>` : nothing}
            </button>
          </li>`;
        })}
      </ul>
      ${layer.items.length > SHOWN && !all
        ? html`<button class="button" @click=${() => (this.expanded = new Set([...this.expanded, layer.layerId]))}>
            ${msg(str`Afficher les ${layer.items.length} objets`, { id: 'report.showAll' })}
          </button>`
        : nothing}
    </section>`;
  }
}

/**
 * Shows the report panel over a map view's stage (made on first use, then reused), about that map.
 * The map view calls it on « Qu'y a-t-il ici ? »; the panel reads the map from the view when needed.
 */
export async function openReport(map: ReportMap, stage: Element): Promise<CartableReport> {
  let panel = stage.querySelector('cartable-report');
  if (!panel) {
    panel = document.createElement('cartable-report');
    stage.append(panel);
  }
  panel.map = map;
  await panel.show();
  return panel;
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-report': CartableReport;
  }
}
