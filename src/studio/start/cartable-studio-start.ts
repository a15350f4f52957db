import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base, dialogStyles } from '../../ui/theme.js';
import type { LocalizedText } from '../../context/types.js';
import type { Requester } from '../../net/requester.js';
import { textFor } from '../../i18n/text.js';
import type { ReportItem } from '../../interop/report.js';
import { emitStudio } from '../events.js';
import { emptyDocument } from '../model/store.js';
import { studioForm } from '../shell/studio-styles.js';
import { importFile, isFailure, openLocalFile, openSiteMap, siteMaps, type Opened, type OpenFailure, type SiteMaps } from './open-documents.js';

/** ID_PATTERN (src/context/schema/json-schema.ts) as an input's pattern: the `v` flag browsers use wants "-" escaped in a class. */
const ID_INPUT_PATTERN = '[A-Za-z0-9][A-Za-z0-9_.\\-]*';

/** What the message dialog says: a failure to open, or an import's report. */
interface Message {
  readonly title: string;
  readonly text: string;
  readonly items?: readonly ReportItem[];
}

/**
 * @summary The studio's « Document » menu: a new map, a map of the site, an import from another
 * format, a local file. A document with unsaved changes is only replaced once the person agrees.
 * @fires cartable-studio-load - the document to work on from now on
 */
@localized()
@element('cartable-studio-start')
export class CartableStudioStart extends LitElement {
  static override styles = [
    base,
    studioForm,
    dialogStyles,
    css`
      :host {
        display: block;
        position: relative;
        --cartable-dialog-width: 34rem;
      }
      button {
        color: var(--cartable-text);
      }
      .menu {
        position: absolute;
        /* Above the save part's message, which can reach under this menu. */
        z-index: 11;
        inset-inline-start: 0;
        top: calc(100% + var(--cartable-space-1));
        display: grid;
        min-width: 16rem;
        padding: var(--cartable-space-1);
        background: var(--cartable-surface);
        border: 1px solid var(--cartable-border);
        border-radius: var(--cartable-radius);
        box-shadow: var(--cartable-shadow);
      }
      .menu[hidden] {
        display: none;
      }
      .menu button {
        border: 0;
        text-align: start;
      }
      dialog {
        color: var(--cartable-text);
      }
      .body {
        padding: 0 var(--cartable-space-4) var(--cartable-space-4);
        overflow: auto;
      }
      .actions {
        display: flex;
        justify-content: end;
        gap: var(--cartable-space-2);
        margin-top: var(--cartable-space-4);
      }
      ul.maps {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: var(--cartable-space-1);
      }
      ul.maps button {
        width: 100%;
        text-align: start;
      }
      .report li {
        margin-bottom: var(--cartable-space-1);
      }
      .level-error {
        color: var(--cartable-danger);
      }
    `,
  ];

  @property() language = 'fr';
  @property({ attribute: false }) requester?: Requester;
  @property() root = new URL('./', location.href).href;
  /** A map of the site to open at start (?studio=<id>). */
  @property() openId?: string;
  /** Phones: opens `openId` for the read-only preview, without the menu. */
  @property({ type: Boolean }) readonly = false;
  /** The studio's document has unsaved changes. */
  @property({ type: Boolean }) dirty = false;

  @state() private menuOpen = false;
  @state() private maps?: SiteMaps;
  @state() private message?: Message;
  /** The new map's id as typed, and why it is not one yet. */
  @state() private newId = '';
  @state() private busy = false;
  #confirmed?: (answer: boolean) => void;

  @query('#new') private newDialog!: HTMLDialogElement;
  @query('#open') private openDialog!: HTMLDialogElement;
  @query('#message') private messageDialog!: HTMLDialogElement;
  @query('#confirm') private confirmDialog!: HTMLDialogElement;
  @query('#menu-button') private menuButton!: HTMLButtonElement;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('pointerdown', this.#onOutside);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('pointerdown', this.#onOutside);
  }

  /** A click elsewhere, or the focus going elsewhere, closes the menu. */
  readonly #onOutside = (event: Event): void => {
    if (this.menuOpen && !event.composedPath().includes(this)) this.menuOpen = false;
  };

  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (this.menuOpen && next && !this.renderRoot.contains(next)) this.menuOpen = false;
  }

  protected override firstUpdated(): void {
    if (this.openId) void this.#openMap(this.openId, false);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('message') && this.message && !this.messageDialog.open) this.messageDialog.showModal();
  }

  #load(opened: Opened): void {
    emitStudio(this, 'cartable-studio-load', { document: opened.document, origin: opened.origin, format: opened.format });
  }

  /** True when nothing unsaved would be lost, or the person agrees to lose it. */
  #mayReplace(): Promise<boolean> {
    if (!this.dirty) return Promise.resolve(true);
    this.confirmDialog.showModal();
    return new Promise((resolve) => (this.#confirmed = resolve));
  }

  #answer(answer: boolean): void {
    this.confirmDialog.close();
    this.#confirmed?.(answer);
    this.#confirmed = undefined;
  }

  #failureText(failure: OpenFailure): string {
    switch (failure.failure) {
      case 'not-found':
        return msg(str`Aucune carte « ${failure.id} » dans ce site.`, { id: 'studio.start.notFound' });
      case 'unreachable':
        return msg(str`Le site n’a pas répondu (${failure.detail}). Réessayez dans un instant.`, { id: 'studio.start.unreachable' });
      case 'not-json':
        return msg(str`Ce fichier n’est pas du JSON lisible : ${failure.detail}`, { id: 'studio.start.notJson' });
      case 'not-a-map':
        return msg('Ce fichier n’est pas un document de carte (un objet JSON est attendu).', { id: 'studio.start.notMap' });
      case 'not-imported':
        return failure.detail
          ? msg(str`Ce fichier ne peut pas être importé : ${failure.detail}`, { id: 'studio.start.notImported' })
          : msg('L’import n’a pas produit de document : le rapport ci-dessous dit pourquoi.', { id: 'studio.start.importRefused' });
    }
  }

  #fail(failure: OpenFailure, items?: readonly ReportItem[]): void {
    this.message = { title: msg('Impossible d’ouvrir ce document', { id: 'studio.start.failed' }), text: this.#failureText(failure), items };
  }

  async #openMap(id: string, ask = true): Promise<void> {
    // The choice is made: the list closes, whatever the answer about unsaved changes.
    this.openDialog?.close();
    if (ask && !(await this.#mayReplace())) return;
    this.busy = true;
    const opened = await openSiteMap(this.root, this.requester, id);
    this.busy = false;
    if (isFailure(opened)) this.#fail(opened);
    else this.#load(opened);
  }

  async #showMaps(): Promise<void> {
    this.menuOpen = false;
    this.maps = undefined;
    this.openDialog.showModal();
    const list = await siteMaps(this.root, this.requester);
    if (isFailure(list)) {
      this.openDialog.close();
      this.#fail(list);
    } else this.maps = list;
  }

  #showNew(): void {
    this.menuOpen = false;
    this.newId = '';
    this.newDialog.showModal();
    // The site's ids: the form says when the one typed is taken.
    void siteMaps(this.root, this.requester).then((list) => {
      if (!isFailure(list)) this.maps = list;
    });
  }

  async #create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (!form.reportValidity()) return;
    const data = new FormData(form);
    const id = String(data.get('id')).trim();
    this.newDialog.close();
    if (!(await this.#mayReplace())) return;
    const document = emptyDocument(id);
    const title = { fr: String(data.get('title-fr')).trim() || id, en: String(data.get('title-en')).trim() || String(data.get('title-fr')).trim() || id };
    this.#load({ document: { ...document, title }, origin: { kind: 'new' }, format: { indent: '  ', finalNewline: true } });
    form.reset();
  }

  #onIdInput(event: Event): void {
    const input = event.target as HTMLInputElement;
    this.newId = input.value.trim();
    // The browser's own « format » message would not say which characters an id takes.
    input.setCustomValidity(!this.newId || new RegExp(`^${ID_INPUT_PATTERN}$`, 'v').test(this.newId) ? '' : msg('Lettres sans accents, chiffres, « - », « _ » ou « . », sans espace.', { id: 'studio.start.idHint' }));
  }

  #pick(input: string): void {
    this.menuOpen = false;
    const field = this.renderRoot.querySelector<HTMLInputElement>(input)!;
    field.value = '';
    field.click();
  }

  async #onFile(event: Event, kind: 'local' | 'import'): Promise<void> {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file || !(await this.#mayReplace())) return;
    if (kind === 'local') {
      const opened = await openLocalFile(file);
      return isFailure(opened) ? this.#fail(opened) : this.#load(opened);
    }
    const { opened, report } = await importFile(file);
    if (isFailure(opened)) return this.#fail(opened, report);
    this.#load(opened);
    // What the conversion left out or changed: said at once, where the person looks.
    if (report.length) {
      this.message = {
        title: msg('Rapport d’import', { id: 'studio.start.reportTitle' }),
        text: msg(str`« ${file.name} » est importé. Ce que la conversion a laissé de côté ou changé :`, { id: 'studio.start.reportText' }),
        items: report,
      };
    }
  }

  #onMenuKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || !this.menuOpen) return;
    event.stopPropagation();
    this.menuOpen = false;
    this.menuButton.focus();
  }

  #titleOf(title: unknown): string {
    return typeof title === 'string' || (typeof title === 'object' && title !== null) ? textFor(title as LocalizedText, this.language) : '';
  }

  #levelName(item: ReportItem): string {
    return item.level === 'error'
      ? msg('Refusé', { id: 'studio.start.level.error' })
      : item.level === 'warning'
        ? msg('Attention', { id: 'studio.start.level.warning' })
        : msg('Note', { id: 'studio.start.level.info' });
  }

  #mapsDialog(): TemplateResult {
    const maps = this.maps;
    return html`<dialog id="open" aria-labelledby="open-title">
      <div class="head"><h2 id="open-title">${msg('Ouvrir une carte du site', { id: 'studio.start.openSite' })}</h2></div>
      <div class="body">
        ${!maps
          ? html`<p role="status">${msg('Chargement de la liste des cartes…', { id: 'studio.start.loadingMaps' })}</p>`
          : html`${maps.from === 'built'
                ? html`<p class="hint">
                    ${msg('Site publié : c’est la copie construite de la carte qui s’ouvre (valeurs par défaut écrites, fichiers de données déjà empaquetés). Pour modifier le fichier source, lancez le studio avec npm start.', { id: 'studio.start.builtCopy' })}
                  </p>`
                : nothing}
              <ul class="maps" aria-busy=${this.busy ? 'true' : 'false'}>
                ${maps.maps.map(
                  (map) => html`<li><button type="button" ?disabled=${this.busy} @click=${() => this.#openMap(map.id)}>${this.#titleOf(map.title) || map.id} <span class="hint">(${map.id})</span></button></li>`,
                )}
              </ul>`}
        <div class="actions"><button type="button" @click=${() => this.openDialog.close()}>${msg('Annuler', { id: 'studio.start.cancel' })}</button></div>
      </div>
    </dialog>`;
  }

  #newDialog(): TemplateResult {
    const taken = this.maps?.maps.some((m) => m.id === this.newId);
    return html`<dialog id="new" aria-labelledby="new-title">
      <div class="head"><h2 id="new-title">${msg('Nouvelle carte', { id: 'studio.start.new' })}</h2></div>
      <form class="body" @submit=${this.#create}>
        <label for="new-id">${msg('Identifiant (nom du fichier maps/<id>.json)', { id: 'studio.start.id' })}</label>
        <input id="new-id" name="id" required pattern=${ID_INPUT_PATTERN} autocomplete="off" aria-describedby="new-id-hint" .value=${this.newId} @input=${this.#onIdInput} />
        <p class="hint" id="new-id-hint">
          ${taken
            ? msg('Une carte du site porte déjà cet identifiant : l’enregistrer la remplacerait.', { id: 'studio.start.idTaken' })
            : msg('Lettres sans accents, chiffres, « - », « _ » ou « . », sans espace.', { id: 'studio.start.idHint' })}
        </p>
        <label for="new-title-fr">${msg('Titre (français)', { id: 'studio.start.titleFr' })}</label>
        <input id="new-title-fr" name="title-fr" required lang="fr" />
        <label for="new-title-en">${msg('Titre (anglais)', { id: 'studio.start.titleEn' })}</label>
        <input id="new-title-en" name="title-en" lang="en" />
        <div class="actions">
          <button type="button" @click=${() => this.newDialog.close()}>${msg('Annuler', { id: 'studio.start.cancel' })}</button>
          <button type="submit" class="primary">${msg('Créer', { id: 'studio.start.create' })}</button>
        </div>
      </form>
    </dialog>`;
  }

  #messageDialog(): TemplateResult {
    const message = this.message;
    return html`<dialog id="message" aria-labelledby="message-title" @close=${() => (this.message = undefined)}>
      <div class="head"><h2 id="message-title">${message?.title ?? ''}</h2></div>
      <div class="body">
        <p>${message?.text ?? ''}</p>
        ${message?.items?.length
          ? html`<ul class="report">
              ${message.items.map((item) => html`<li class=${`level-${item.level}`}><strong>${this.#levelName(item)}</strong> ${item.path ? html`<code>${item.path}</code>` : nothing} : ${item.message}</li>`)}
            </ul>`
          : nothing}
        <div class="actions"><button type="button" class="primary" @click=${() => this.messageDialog.close()}>${msg('Fermer', { id: 'studio.start.close' })}</button></div>
      </div>
    </dialog>`;
  }

  override render(): TemplateResult {
    const item = (label: string, action: () => void): TemplateResult => html`<button type="button" @click=${action}>${label}</button>`;
    return html`<div @keydown=${this.#onMenuKey} @focusout=${this.#onFocusOut} ?hidden=${this.readonly}>
        <button type="button" id="menu-button" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="start-menu" @click=${() => (this.menuOpen = !this.menuOpen)}>
          ${msg('Document', { id: 'studio.start.menu' })} <span aria-hidden="true">▾</span>
        </button>
        <div class="menu" id="start-menu" ?hidden=${!this.menuOpen}>
          ${item(msg('Nouvelle carte', { id: 'studio.start.new' }), () => this.#showNew())}
          ${item(msg('Ouvrir une carte du site', { id: 'studio.start.openSite' }), () => void this.#showMaps())}
          ${item(msg('Importer (mviewer, OWS Context, WMC)', { id: 'studio.start.import' }), () => this.#pick('#import-file'))}
          ${item(msg('Ouvrir un fichier (.json)', { id: 'studio.start.openFile' }), () => this.#pick('#local-file'))}
        </div>
      </div>
      <input type="file" id="import-file" hidden accept=".xml,.json,.geojson,.wmc,.cml,application/xml,text/xml,application/json" @change=${(e: Event) => this.#onFile(e, 'import')} />
      <input type="file" id="local-file" hidden accept=".json,application/json" @change=${(e: Event) => this.#onFile(e, 'local')} />
      ${this.#newDialog()} ${this.#mapsDialog()} ${this.#messageDialog()}
      <dialog id="confirm" aria-labelledby="confirm-title" @cancel=${() => this.#answer(false)}>
        <div class="head"><h2 id="confirm-title">${msg('Abandonner les modifications ?', { id: 'studio.start.confirmTitle' })}</h2></div>
        <div class="body">
          <p>${msg('Le document en cours a des modifications non enregistrées. Les abandonner pour ouvrir l’autre document ?', { id: 'studio.start.confirmText' })}</p>
          <div class="actions">
            <button type="button" @click=${() => this.#answer(false)}>${msg('Garder mon document', { id: 'studio.start.keep' })}</button>
            <button type="button" class="primary" @click=${() => this.#answer(true)}>${msg('Abandonner les modifications', { id: 'studio.start.discard' })}</button>
          </div>
        </div>
      </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-start': CartableStudioStart;
  }
}
