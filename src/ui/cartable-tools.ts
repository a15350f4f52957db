import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg, str } from '@lit/localize';
import type { MapAdapter } from '../map/adapter.js';
import { formatLength } from '../tools/format.js';
import { locateDevice } from '../tools/locate.js';
import { createMarks, type Marks } from '../tools/marks.js';
import { showPosition } from '../tools/show-position.js';
import { base } from './theme.js';
import './cartable-tools-measure.js';
import './cartable-tools-coordinates.js';
import './cartable-tools-print.js';
import type { CartableToolsMeasure } from './cartable-tools-measure.js';
import { emit } from './events.js';
import { NARROW, NarrowScreen } from './narrow-screen.js';
import { SessionState } from './session-state.js';
import { TOOL_ICONS, crosshair, type ToolIcon, type ToolName } from './tools/icons.js';
import { toolsStyles } from './tools/tools-styles.js';

type Tool = ToolName;

/** Which tools show (an embed's switches; all outside embeds). */
export interface ToolSwitches {
  readonly report: boolean;
  readonly tools: boolean;
  readonly print: boolean;
}

/**
 * @summary The map's toolbar: measure, coordinates and « go to », locate me, print and PNG export, and
 * (when the map offers it) the « Qu'y a-t-il ici ? » report. Loaded after the first map is drawn.
 * It covers the map stage without catching the pointer; only its buttons and panel do. On a phone
 * the buttons fold into one « Outils » button and the panel becomes a sheet at the bottom.
 * @fires cartable-report-open - the person asks for the « Qu'y a-t-il ici ? » report
 * @fires cartable-tool-change - a tool's panel opened or closed
 */
@localized()
@element('cartable-tools')
export class CartableTools extends LitElement {
  static override styles = [base, toolsStyles];

  @property() language = 'fr';
  @property({ attribute: false }) switches: ToolSwitches = { report: true, tools: true, print: true };
  /** The map session: its adapter is the map the tools work on. */
  readonly #session = new SessionState(this);

  @state() private active?: Tool;
  @state() private unfolded = false;
  @state() private message = '';
  @state() private locating = false;
  @state() private narrow = matchMedia(NARROW).matches;
  #marks?: Marks;
  /** The map the tools last worked on. */
  #adapterSeen?: MapAdapter;
  /** Keeps `narrow` up to date while connected. */
  protected readonly narrowScreen = new NarrowScreen(this, (narrow) => (this.narrow = narrow));

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('cartable-tool-displaced', this.#onDisplaced);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('cartable-tool-displaced', this.#onDisplaced);
    this.#marks?.dispose();
    this.#marks = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.#adapterSeen !== this.adapter) {
      // Another map: what was marked on the old one goes with it (a tool's panel gives its pointer back as it closes).
      this.#adapterSeen = this.adapter;
      this.#marks?.dispose();
      this.#marks = undefined;
      this.active = undefined;
    }
    if (changed.has('switches')) {
      if ((this.active === 'measure' || this.active === 'coordinates') && !this.switches.tools) this.active = undefined;
      if (this.active === 'print' && !this.switches.print) this.active = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('active' as keyof CartableTools) && (changed.get('active' as keyof CartableTools) !== undefined || this.active)) emit(this, 'cartable-tool-change', { tool: this.active });
  }

  /** Closes the open tool's panel without moving focus (the screen layout gave its place to another panel). */
  closeTool(): void {
    this.active = undefined;
  }

  /** Another tool took the map's pointer from the open one: its panel closes. */
  readonly #onDisplaced = (event: HTMLElementEventMap['cartable-tool-displaced']): void => {
    event.stopPropagation();
    if (this.active === event.detail.tool) this.active = undefined;
  };

  get adapter(): MapAdapter | undefined {
    return this.#session.session?.adapter;
  }

  get #marksLayer(): Marks | undefined {
    if (!this.adapter) return undefined;
    this.#marks ??= createMarks(this.adapter.map);
    return this.#marks;
  }

  /** Opens a tool's panel (or closes it when it is open). */
  toggle(tool: Tool): void {
    this.active = this.active === tool ? undefined : tool;
    this.message = '';
    if (this.active) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.panel h2, .panel')?.focus());
  }

  #close(): void {
    const was = this.active;
    this.active = undefined;
    if (was) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-tool="${was}"]`)?.focus());
  }

  #onPanelKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    const measure = this.renderRoot.querySelector<CartableToolsMeasure>('cartable-tools-measure');
    event.stopPropagation();
    if (measure?.cancel()) return; // The first Escape cancels the measure, the next closes the panel.
    this.#close();
  }

  async #locate(): Promise<void> {
    const adapter = this.adapter;
    if (!adapter || this.locating) return;
    this.locating = true;
    this.message = msg('Recherche de votre position…', { id: 'tools.locate.busy' });
    const result = await locateDevice();
    this.locating = false;
    if (adapter !== this.adapter) return;
    if (!result.ok) {
      this.message = {
        unsupported: msg('La localisation n’est pas disponible dans ce navigateur ou sur cette page (elle demande une adresse https).', { id: 'tools.locate.unsupported' }),
        denied: msg('Localisation refusée : pour l’autoriser, changez la permission « Position » de ce site dans le navigateur.', { id: 'tools.locate.denied' }),
        unavailable: msg('Votre position est introuvable pour le moment (pas de signal ?). Réessayez plus tard.', { id: 'tools.locate.unavailable' }),
        timeout: msg('Votre position n’est pas arrivée à temps. Réessayez.', { id: 'tools.locate.timeout' }),
      }[result.problem];
      return;
    }
    showPosition(adapter.map, this.#marksLayer, result);
    this.message = msg(str`Vous êtes ici, à ${formatLength(result.accuracy, this.language)} près.`, { id: 'tools.locate.found' });
  }

  /** A toolbar button: its icon and its name, both shown (touch screens have no tooltips). */
  #item(icon: ToolIcon, label: string, attributes: { pressed?: boolean; busy?: boolean }, onClick: () => void): TemplateResult {
    return html`<button
      class="tool"
      data-tool=${icon}
      aria-pressed=${attributes.pressed === undefined ? nothing : attributes.pressed ? 'true' : 'false'}
      aria-busy=${attributes.busy === undefined ? nothing : attributes.busy ? 'true' : 'false'}
      @click=${onClick}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">${TOOL_ICONS[icon]}</svg><span class="label">${label}</span>
    </button>`;
  }

  #button(tool: Tool, label: string): TemplateResult {
    return this.#item(tool, label, { pressed: this.active === tool }, () => this.toggle(tool));
  }

  #panel(): TemplateResult | typeof nothing {
    if (!this.active || !this.adapter) return nothing;
    const names = { measure: msg('Mesurer', { id: 'tools.measure' }), coordinates: msg('Coordonnées', { id: 'tools.coords' }), print: msg('Imprimer ou exporter', { id: 'tools.print' }) };
    const content =
      this.active === 'measure'
        ? html`<cartable-tools-measure .language=${this.language}></cartable-tools-measure>`
        : this.active === 'coordinates'
          ? html`<cartable-tools-coordinates .marks=${this.#marksLayer} .language=${this.language}></cartable-tools-coordinates>`
          : html`<cartable-tools-print .language=${this.language}></cartable-tools-print>`;
    return html`<section class="panel" role="region" aria-label=${names[this.active]} tabindex="-1" @keydown=${(e: KeyboardEvent) => this.#onPanelKey(e)}>
      <button class="icon-button close" aria-label=${msg('Fermer l’outil', { id: 'tools.close' })} title=${msg('Fermer l’outil', { id: 'tools.close' })} @click=${() => this.#close()}>✕</button>
      ${content}
    </section>`;
  }

  override render(): TemplateResult | typeof nothing {
    const { report, tools, print } = this.switches;
    if (!report && !tools && !print) return nothing;
    // On a phone the list folds while a tool is open: its sheet and the map share the screen.
    const folded = this.narrow && (!this.unfolded || !!this.active);
    const aiming = this.active === 'measure' || this.active === 'coordinates';
    return html`
      ${aiming ? crosshair() : nothing}
      <div class="dock">
        <button
          class="tool menu"
          aria-expanded=${folded ? 'false' : 'true'}
          aria-controls="tool-bar"
          @click=${() => {
            this.unfolded = !this.unfolded || !!this.active;
            this.active = undefined;
          }}
        >
          <svg viewBox="0 0 24 24" aria-hidden="true">${TOOL_ICONS.menu}</svg><span class="label">${msg('Outils', { id: 'tools.menu' })}</span>
        </button>
        <div class="bar ${folded ? 'folded' : ''}" id="tool-bar" role="group" aria-label=${msg('Outils de la carte', { id: 'tools.bar' })}>
          ${report ? this.#item('report', msg('Qu’y a-t-il ici ?', { id: 'tools.report' }), {}, () => emit(this, 'cartable-report-open', {})) : nothing}
          ${tools ? this.#button('measure', msg('Mesurer', { id: 'tools.measure' })) : nothing}
          ${tools ? this.#button('coordinates', msg('Coordonnées', { id: 'tools.coords' })) : nothing}
          ${tools ? this.#item('locate', msg('Me localiser', { id: 'tools.locate' }), { busy: this.locating }, () => void this.#locate()) : nothing}
          ${print ? this.#button('print', msg('Imprimer ou exporter', { id: 'tools.print' })) : nothing}
        </div>
        ${this.#panel()}
      </div>
      <div class="message" role="status" aria-live="polite">${this.message}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-tools': CartableTools;
  }
}
