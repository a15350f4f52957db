import { LitElement, html, type PropertyValues, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import { NarrowScreen } from '../../ui/narrow-screen.js';
import type { SiteConfig } from '../../context/types.js';
import type { Requester } from '../../net/requester.js';
import { textFor } from '../../i18n/text.js';
import { StudioStore, type StudioState } from '../model/store.js';
import type { JsonPath } from '../model/json.js';
import type { StudioSection } from '../events.js';
import type { StudioData } from '../data.js';
import { addStudioTexts } from '../i18n.js';
import { studioForm } from './studio-styles.js';
import { shellStyles } from './shell-styles.js';
import { firstLayerPath, sectionOfProblem } from './sections.js';
import '../preview/cartable-studio-preview.js';
import type { CartableStudioPreview } from '../preview/cartable-studio-preview.js';
import '../start/cartable-studio-start.js';
import '../save/cartable-studio-save.js';
import '../settings/cartable-studio-settings.js';
import '../layers/cartable-studio-layers.js';
import '../style/cartable-studio-style.js';
import '../records/cartable-studio-records.js';

/**
 * @summary Cartable Studio: composes a map context document with the live map beside it.
 * Owns the one StudioStore; its editors take the state down and send edits up as events.
 */
@localized()
@element('cartable-studio')
export class CartableStudio extends LitElement {
  static override styles = [
    base,
    studioForm,
    shellStyles,
  ];

  @property({ attribute: false }) site?: SiteConfig;
  @property({ attribute: false }) requester?: Requester;
  @property() root = new URL('./', location.href).href;
  @property() language = 'fr';
  /** A map of the site to open at start (?studio=<id>). */
  @property() openId?: string;

  readonly store = new StudioStore();
  @state() private studio: StudioState = this.store.state;
  @state() private section: StudioSection = 'settings';
  /** The layer the style and records editors work on. */
  @state() private layerPath?: JsonPath;
  @state() private narrow = false;
  @state() private textsReady = false;
  protected readonly narrowScreen = new NarrowScreen(this, (narrow) => {
    this.narrow = narrow;
    this.toggleAttribute('narrow', narrow);
  });

  constructor() {
    super();
    this.store.subscribe((next) => {
      this.studio = next;
      if (!this.layerPath || !this.#layerExists(this.layerPath)) this.layerPath = firstLayerPath(next.document);
    });
    this.addEventListener('cartable-studio-edit', (event) => this.store.apply(event.detail.edit, event.detail.options));
    this.addEventListener('cartable-studio-select-layer', (event) => (this.layerPath = event.detail.path));
    this.addEventListener('cartable-studio-section', (event) => {
      this.#show(event.detail.section);
      if (event.detail.focus) this.#focusInEditor(`#${CSS.escape(event.detail.focus)}`);
    });
    this.addEventListener('cartable-studio-load', (event) => {
      const { document, origin, format, files } = event.detail;
      this.store.load(document, origin, format, files);
    });
    this.addEventListener('cartable-studio-saved', (event) => this.store.markSaved(event.detail.origin));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // On the document: the shortcut still works once the focus left a field (e.g. a button disabled by the last undo).
    document.addEventListener('keydown', this.#onKey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('language')) return;
    // Editors draw their texts in the language loaded: nothing until the studio's texts are in.
    this.textsReady = false;
    const language = this.language;
    // Texts that could not load leave the French ones: the studio shows either way.
    const ready = (): void => void (this.textsReady = this.language === language);
    void addStudioTexts(language).then(ready, ready);
  }

  protected override updated(): void {
    // The tab's name: the studio and the document being composed.
    const title = textFor(this.studio.document.title as never, this.language);
    document.title = `${msg('Studio', { id: 'studio.title' })} – ${title}`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKey);
  }

  #layerExists(path: JsonPath): boolean {
    let node: unknown = this.studio.document;
    for (const step of path) node = (node as Record<string | number, unknown> | undefined)?.[step];
    return typeof node === 'object' && node !== null;
  }

  /** Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z or Ctrl+Y redoes (typing in a field is one step: see EditOptions.merge). */
  readonly #onKey = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented || this.narrow) return;
    // The preview's own fields (its search box) keep the browser's undo.
    if (event.composedPath().some((target) => (target as Element).localName === 'cartable-studio-preview')) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) this.store.undo();
    else if ((key === 'z' && event.shiftKey) || key === 'y') this.store.redo();
    else return;
    event.preventDefault();
  };

  #show(section: StudioSection): void {
    this.section = section;
  }

  get #preview(): CartableStudioPreview | null {
    return this.renderRoot.querySelector('cartable-studio-preview');
  }

  /** The live map as editors see it: asked when they need it (the preview is drawn after the first editor). */
  readonly #data: StudioData = {
    records: (layerId) => this.#preview?.records(layerId) ?? Promise.resolve([]),
    currentView: () => this.#preview?.currentView() ?? Promise.resolve(undefined),
  };

  #sectionNames(): Record<StudioSection, string> {
    return {
      settings: msg('Carte', { id: 'studio.section.settings' }),
      layers: msg('Couches', { id: 'studio.section.layers' }),
      style: msg('Style', { id: 'studio.section.style' }),
      records: msg('Fiches', { id: 'studio.section.records' }),
    };
  }

  #onTabKey(event: KeyboardEvent, sections: StudioSection[]): void {
    const at = sections.indexOf(this.section);
    const next = event.key === 'ArrowRight' ? at + 1 : event.key === 'ArrowLeft' ? at - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? sections.length - 1 : -2;
    if (next === -2) return;
    event.preventDefault();
    this.section = sections[(next + sections.length) % sections.length]!;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus());
  }

  #editor(): TemplateResult {
    const common = { state: this.studio, language: this.language };
    switch (this.section) {
      case 'settings':
        return html`<cartable-studio-settings .state=${common.state} .language=${common.language} .site=${this.site} .data=${this.#data}></cartable-studio-settings>`;
      case 'layers':
        return html`<cartable-studio-layers
          .state=${common.state}
          .language=${common.language}
          .site=${this.site}
          .requester=${this.requester}
          .root=${this.root}
          .layerPath=${this.layerPath}
        ></cartable-studio-layers>`;
      case 'style':
        return html`<cartable-studio-style .state=${common.state} .language=${common.language} .layerPath=${this.layerPath} .data=${this.#data}></cartable-studio-style>`;
      case 'records':
        return html`<cartable-studio-records .state=${common.state} .language=${common.language} .layerPath=${this.layerPath} .data=${this.#data} .root=${this.root}></cartable-studio-records>`;
    }
  }

  #problemLine(): TemplateResult {
    const count = this.studio.problems.length;
    // Each section's count, and a button that opens it on its first wrong field: the fields say what is wrong.
    const names = this.#sectionNames();
    const bySection = new Map<StudioSection, number>();
    for (const problem of this.studio.problems) {
      const section = sectionOfProblem(problem.path);
      bySection.set(section, (bySection.get(section) ?? 0) + 1);
    }
    const where = [...bySection].map(([section, n]) => `${names[section]} (${n})`).join(', ');
    // One live region whose text changes (a region put in place is not read out).
    return html`<div class=${count ? 'problems' : 'problems none'}>
      <p role="status">
        ${count ? msg(str`${count} problème(s) à corriger avant d’enregistrer : ${where}.`, { id: 'studio.problems.count' }) : msg('Document valide', { id: 'studio.problems.none' })}
      </p>
      ${[...bySection.keys()].map(
        (section) => html`<button type="button" class="to-problem" @click=${() => this.#showProblem(section)}>
          ${msg(str`Voir : ${names[section]}`, { id: 'studio.problems.show' })}
        </button>`,
      )}
    </div>`;
  }

  /** Opens a section and puts the focus on its first field said wrong (the editors mark it aria-invalid). */
  #showProblem(section: StudioSection): void {
    this.#show(section);
    this.#focusInEditor('[aria-invalid="true"]');
  }

  /** Focuses what `selector` finds in the shown editor once drawn (else its panel). */
  #focusInEditor(selector: string): void {
    void this.updateComplete.then(async () => {
      const editor = this.renderRoot.querySelector<LitElement>('[role="tabpanel"] > *');
      await editor?.updateComplete;
      const field = editor?.renderRoot.querySelector<HTMLElement>(selector);
      (field ?? this.renderRoot.querySelector<HTMLElement>('[role="tabpanel"]'))?.focus();
    });
  }

  /** Undo or redo, naming the step it would take back or again (« Annuler : titre »). */
  #historyButton(which: 'undo' | 'redo'): TemplateResult {
    const steps = which === 'undo' ? this.studio.undo : this.studio.redo;
    const step = steps.at(-1);
    const text = which === 'undo' ? msg('Annuler', { id: 'studio.undo' }) : msg('Rétablir', { id: 'studio.redo' });
    const named = step ? (which === 'undo' ? msg(str`Annuler : ${step}`, { id: 'studio.undo.step' }) : msg(str`Rétablir : ${step}`, { id: 'studio.redo.step' })) : text;
    return html`<button
      type="button"
      class=${which}
      ?disabled=${!steps.length}
      title=${named}
      aria-label=${named}
      aria-keyshortcuts=${which === 'undo' ? 'Control+Z' : 'Control+Shift+Z'}
      @click=${() => (which === 'undo' ? this.store.undo() : this.store.redo())}
    >
      ${text}
    </button>`;
  }

  override render(): TemplateResult {
    if (!this.textsReady) return html``;
    const sections: StudioSection[] = ['settings', 'layers', 'style', 'records'];
    const names = this.#sectionNames();
    const title = textFor(this.studio.document.title as never, this.language);
    const bar = html`<section class="bar" aria-label=${msg('Studio', { id: 'studio.title' })}>
      <h1>${msg('Studio', { id: 'studio.title' })}</h1>
      <span class="title">${title}${this.studio.dirty ? html` <span>${msg('(modifié)', { id: 'studio.modified' })}</span>` : nothing}</span>
      <cartable-studio-start
        .requester=${this.requester}
        .root=${this.root}
        .language=${this.language}
        .openId=${this.openId}
        .dirty=${this.studio.dirty}
        ?readonly=${this.narrow}
      ></cartable-studio-start>
      ${this.narrow
        ? nothing
        : html`${this.#historyButton('undo')} ${this.#historyButton('redo')}
            <cartable-studio-save .state=${this.studio} .root=${this.root} .language=${this.language}></cartable-studio-save>`}
      ${this.narrow ? html`<p class="narrow-note">${msg('Aperçu en lecture seule : le studio se manie sur un écran plus large.', { id: 'studio.narrow' })}</p>` : nothing}
    </section>`;
    const preview = html`<cartable-studio-preview
      .context=${this.studio.lastValid}
      .files=${this.studio.files}
      .requester=${this.requester}
      .site=${this.site}
      .root=${this.root}
      .language=${this.language}
    ></cartable-studio-preview>`;
    // The preview is the viewer itself: its header is the page's banner and its map the main landmark,
    // so the studio's bar is a named region (a second banner would be one too many).
    // Phones: the map as it will look, read only (composing needs a wider screen).
    if (this.narrow) {
      return html`${bar}
        <div class="preview-area">${preview}</div>`;
    }
    return html`${bar}
      <div class="work">
        <section class="editor" aria-label=${msg('Édition du document', { id: 'studio.editor' })}>
          <div role="tablist" aria-label=${msg('Parties du document', { id: 'studio.sections' })} @keydown=${(e: KeyboardEvent) => this.#onTabKey(e, sections)}>
            ${sections.map(
              (section) => html`<button
                type="button"
                role="tab"
                id=${`tab-${section}`}
                aria-controls="panel"
                aria-selected=${section === this.section ? 'true' : 'false'}
                tabindex=${section === this.section ? 0 : -1}
                @click=${() => this.#show(section)}
              >
                ${names[section]}
              </button>`,
            )}
          </div>
          ${this.#problemLine()}
          <div role="tabpanel" id="panel" aria-labelledby=${`tab-${this.section}`} tabindex="0">${this.#editor()}</div>
        </section>
        <div class="preview-area">${preview}</div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio': CartableStudio;
  }
}
