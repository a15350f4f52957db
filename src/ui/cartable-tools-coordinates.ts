import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { MapAdapter } from '../map/adapter.js';
import { watchMapCoordinates, type CoordinatesWatch, type PointSource } from '../map/map-coordinates.js';
import { coordinateLines, loadLambert93, toView, type CoordinateLine } from '../tools/coordinates.js';
import { copyableDegrees, copyableMetres, formatDegrees, formatDms, formatMetres } from '../tools/format.js';
import type { Marks } from '../tools/marks.js';
import { parseCoordinates, type CoordinateProblem, type ParsedCoordinates } from '../tools/parse-coordinates.js';
import { base } from './theme.js';
import { panelStyles } from './cartable-tools-panel.js';
import { emit } from './events.js';
import { SessionState } from './session-state.js';

interface Row {
  readonly key: string;
  readonly name: string;
  readonly text: string;
  readonly copy: string;
}

/**
 * @summary The coordinates under the pointer (or of the point clicked, or of the map's centre) in
 * WGS 84, Lambert-93 and the map's projection, each copyable; and « Aller à des coordonnées ».
 * It takes the map's pointer while it is shown (a click picks a point).
 * @fires cartable-tool-displaced - another tool took the map's pointer: this one stopped (detail: { tool: 'coordinates' })
 */
@localized()
@element('cartable-tools-coordinates')
export class CartableToolsCoordinates extends LitElement {
  static override styles = [
    base,
    panelStyles,
    css`
      dl {
        margin: 0.3rem 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.15rem 0.5rem;
        align-items: center;
      }
      dt {
        grid-column: 1 / -1;
        font-size: 0.8rem;
        color: var(--cartable-muted);
        margin-top: 0.3rem;
      }
      dd {
        margin: 0;
        font-variant-numeric: tabular-nums;
        overflow-wrap: anywhere;
      }
      .copy {
        min-height: 2rem;
        padding: 0.1rem 0.5rem;
        font-size: 0.85rem;
      }
      form {
        margin-top: 0.75rem;
        padding-top: 0.6rem;
        border-top: 1px solid var(--cartable-border);
      }
      .go {
        display: flex;
        gap: 0.4rem;
      }
      .go input {
        flex: 1;
        min-width: 0;
      }
    `,
  ];

  /** Where a picked point is marked on the map (the toolbar's marks). */
  @property({ attribute: false }) marks?: Marks;
  @property() language = 'fr';

  /** The map session: its adapter is the map whose coordinates are read. */
  readonly #mapSession = new SessionState(this);
  /** The adapter the watch follows (it starts again on another map). */
  #watchedOn?: MapAdapter;
  @state() private point?: number[];
  @state() private source: PointSource = 'centre';
  @state() private ready = false;
  @state() private loadError = '';
  @state() private copied = '';
  @state() private goError = '';
  @state() private goRead = '';
  @query('input[name="goto"]') private input?: HTMLInputElement;
  #watch?: CoordinatesWatch;

  protected override willUpdate(): void {
    if (this.#mapSession.session?.adapter !== this.#watchedOn) this.#listen();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#listen();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unlisten();
  }

  #unlisten(): void {
    this.#watch?.dispose();
    this.#watch = undefined;
  }

  #listen(): void {
    this.#unlisten();
    const adapter = this.#mapSession.session?.adapter;
    this.#watchedOn = adapter;
    if (!adapter || !this.isConnected) return;
    // Lambert-93 needs proj4 (loaded now, once): the panel says so if it cannot come.
    loadLambert93().then(
      () => (this.ready = true),
      () => (this.loadError = msg('Le calcul en Lambert-93 n’a pas pu être chargé (connexion ?).', { id: 'tools.coords.loadError' })),
    );
    this.#watch = watchMapCoordinates(adapter, {
      onChange: (point, source) => {
        this.point = point;
        this.source = source;
        if (source === 'picked') this.marks?.place(point);
      },
      onTakenAway: () => {
        this.#unlisten();
        emit(this, 'cartable-tool-displaced', { tool: 'coordinates' });
      },
    });
  }

  #rows(): Row[] {
    const code = this.#watch?.projection;
    if (!this.point || !code || !this.ready) return [];
    // Far outside a projection's area (the other side of the world), its numbers mean nothing: left out.
    const finite = (line: CoordinateLine): boolean => Object.values(line).every((v) => typeof v !== 'number' || Number.isFinite(v));
    return coordinateLines(this.point, code).filter(finite).map((line: CoordinateLine): Row => {
      if ('lon' in line) {
        return {
          key: 'wgs84',
          name: msg('WGS 84 (GPS), degrés décimaux', { id: 'tools.coords.wgs84' }),
          text: `${formatDegrees(line.lat, 'lat', this.language)}, ${formatDegrees(line.lon, 'lon', this.language)}`,
          copy: copyableDegrees(line.lon, line.lat),
        };
      }
      const metres = `X ${formatMetres(line.x, this.language)} · Y ${formatMetres(line.y, this.language)}`;
      return line.system === 'EPSG:2154'
        ? { key: 'l93', name: msg('Lambert-93 (mètres)', { id: 'tools.coords.l93' }), text: metres, copy: copyableMetres(line.x, line.y) }
        : { key: 'map', name: msg(str`Projection de la carte (${line.system})`, { id: 'tools.coords.map' }), text: metres, copy: copyableMetres(line.x, line.y) };
    });
  }

  #dmsRow(): Row | undefined {
    const code = this.#watch?.projection;
    const wgs = this.point && code && this.ready ? coordinateLines(this.point, code)[0] : undefined;
    if (!wgs || !('lon' in wgs)) return undefined;
    const text = `${formatDms(wgs.lat, 'lat', this.language)}, ${formatDms(wgs.lon, 'lon', this.language)}`;
    return { key: 'dms', name: msg('WGS 84, degrés minutes secondes', { id: 'tools.coords.dms' }), text, copy: text };
  }

  async #copy(row: Row): Promise<void> {
    try {
      await navigator.clipboard.writeText(row.copy);
      this.copied = msg(str`Copié : ${row.copy}`, { id: 'tools.coords.copied' });
    } catch {
      // No clipboard here (refused, or an insecure page): select the text for Ctrl+C.
      const value = this.renderRoot.querySelector(`[data-row="${row.key}"]`);
      if (value) getSelection()?.selectAllChildren(value);
      this.copied = msg('Le navigateur refuse la copie : le texte est sélectionné, copiez-le avec Ctrl+C.', { id: 'tools.coords.copyRefused' });
    }
  }

  #go(event: Event): void {
    event.preventDefault();
    const watch = this.#watch;
    if (!watch) return;
    const parsed = parseCoordinates(this.input?.value ?? '');
    if (!parsed.ok) {
      this.goError = problemText(parsed.problem);
      this.goRead = '';
      this.input?.focus();
      return;
    }
    if (parsed.kind === 'lambert93' && !this.ready) {
      this.goError = this.loadError || msg('Le calcul en Lambert-93 se charge encore : réessayez dans un instant.', { id: 'tools.coords.notReady' });
      return;
    }
    const target = toView(parsed, watch.projection);
    if (!watch.goTo(target)) {
      this.goError = msg('Ce point est hors de la zone que cette carte peut montrer.', { id: 'tools.coords.outside' });
      return;
    }
    this.goError = '';
    this.goRead = readAs(parsed, this.language);
    watch.pick(target);
  }

  override render(): TemplateResult {
    const rows = this.#rows();
    const dms = this.#dmsRow();
    const all = dms ? [rows[0]!, dms, ...rows.slice(1)] : rows;
    const where = {
      pointer: msg('Sous le pointeur', { id: 'tools.coords.pointer' }),
      picked: msg('Point choisi (cliquez ailleurs pour en choisir un autre)', { id: 'tools.coords.picked' }),
      centre: msg('Centre de la carte (la croix)', { id: 'tools.coords.centre' }),
    }[this.source];
    return html`
      <h2>${msg('Coordonnées', { id: 'tools.coords' })}</h2>
      <p class="hint">${where}</p>
      ${this.loadError ? html`<p class="error" role="alert">${this.loadError}</p>` : nothing}
      <dl aria-live="off">
        ${all.map(
          (row) => html`<dt>${row.name}</dt>
            <dd data-row=${row.key}>${row.text}</dd>
            <dd>
              <button class="button copy" data-copy=${row.key} @click=${() => void this.#copy(row)}>
                ${msg('Copier', { id: 'tools.coords.copy' })}<span class="visually-hidden"> ${row.name}</span>
              </button>
            </dd>`,
        )}
      </dl>
      <p class="status" role="status">${this.copied}</p>
      <p class="hint">${msg('Un clic sur la carte fixe le point ; au clavier, la croix au centre sert de pointeur.', { id: 'tools.coords.help' })}</p>
      <form @submit=${(e: Event) => this.#go(e)} novalidate>
        <label class="block" for="goto">${msg('Aller à des coordonnées', { id: 'tools.goto' })}</label>
        <div class="go">
          <input
            id="goto"
            name="goto"
            type="text"
            autocomplete="off"
            spellcheck="false"
            placeholder="45.19, 5.72"
            aria-describedby="goto-help goto-error"
            aria-invalid=${this.goError ? 'true' : 'false'}
          />
          <button class="button primary" type="submit">${msg('Aller', { id: 'tools.goto.submit' })}</button>
        </div>
        <p class="error" id="goto-error" role="alert">${this.goError}</p>
        <p class="hint" id="goto-help">
          ${msg('Degrés décimaux « 45.19, 5.72 » (latitude puis longitude ; l’ordre inverse est reconnu pour la France métropolitaine), degrés minutes secondes avec N/S/E/O « 45°11′24″N 5°43′12″E », ou Lambert-93 en mètres « 914000 6458000 ».', { id: 'tools.goto.help' })}
        </p>
        ${this.goRead ? html`<p class="status">${this.goRead}</p>` : nothing}
      </form>
    `;
  }
}

function problemText(problem: CoordinateProblem): string {
  switch (problem) {
    case 'empty':
      return msg('Saisissez des coordonnées.', { id: 'tools.goto.empty' });
    case 'count':
      return msg('Deux valeurs sont attendues (latitude et longitude, ou X et Y).', { id: 'tools.goto.count' });
    case 'unreadable':
      return msg('Ces coordonnées ne se lisent pas : voyez les formats acceptés ci-dessous.', { id: 'tools.goto.unreadable' });
    case 'minutes':
      return msg('Les minutes et les secondes vont de 0 à 59.', { id: 'tools.goto.minutes' });
    case 'latitude-range':
      return msg('La latitude doit être comprise entre −90 et 90°.', { id: 'tools.goto.latitude' });
    case 'longitude-range':
      return msg('La longitude doit être comprise entre −180 et 180°.', { id: 'tools.goto.longitude' });
    case 'lambert-range':
      return msg('Ces mètres sont hors de la zone du Lambert-93 (X de −378 000 à 1 212 000, Y de 6 093 000 à 7 187 000).', { id: 'tools.goto.lambert' });
    case 'mixed':
      return msg('Une valeur est en degrés et l’autre en mètres : donnez deux valeurs de même sorte.', { id: 'tools.goto.mixed' });
    case 'hemispheres':
      return msg('Les deux valeurs désignent le même axe (deux N/S ou deux E/O).', { id: 'tools.goto.hemispheres' });
  }
}

function readAs(parsed: Extract<ParsedCoordinates, { ok: true }>, language: string): string {
  if (parsed.kind === 'lambert93') {
    const point = `X ${formatMetres(parsed.x, language)}, Y ${formatMetres(parsed.y, language)}`;
    return parsed.swapped
      ? msg(str`Lu en Lambert-93 : ${point} (Y donné en premier)`, { id: 'tools.goto.readL93Swapped' })
      : msg(str`Lu en Lambert-93 : ${point}`, { id: 'tools.goto.readL93' });
  }
  const point = `${formatDegrees(parsed.lat, 'lat', language)}, ${formatDegrees(parsed.lon, 'lon', language)}`;
  switch (parsed.reason) {
    case 'letters':
      return msg(str`Lu : ${point}`, { id: 'tools.goto.read' });
    case 'range':
      return msg(str`Lu : ${point} (la valeur au-delà de 90° ne peut être que la longitude)`, { id: 'tools.goto.readRange' });
    case 'france':
      return parsed.order === 'lon-lat'
        ? msg(str`Lu : ${point} (longitude donnée en premier, reconnue pour la France)`, { id: 'tools.goto.readFranceSwapped' })
        : msg(str`Lu : ${point}`, { id: 'tools.goto.read' });
    case 'assumed':
      return msg(str`Lu comme latitude puis longitude : ${point}. Si c’est l’inverse, ajoutez N/S et E/O.`, { id: 'tools.goto.readAssumed' });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-tools-coordinates': CartableToolsCoordinates;
  }
}
