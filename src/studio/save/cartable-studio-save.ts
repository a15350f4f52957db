import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base, dialogStyles } from '../../ui/theme.js';
import { problemText } from '../../context/problem-text.js';
import type { Problem } from '../../context/problems.js';
import type { StudioState } from '../model/store.js';
import { serializeDocument } from '../model/serialize.js';
import type { PackagedFile } from '../model/edits.js';
import { emitStudio } from '../events.js';
import { studioForm } from '../shell/studio-styles.js';
import { devMaps, devSave, type SaveOutcome } from './dev-server.js';

/** What the status line says after the last action. */
interface Announcement {
  readonly ok: boolean;
  readonly text: string;
  readonly problems?: readonly string[];
}

/**
 * @summary The studio's « Enregistrer »: under the development server (npm start), writes the
 * document and its packaged files into the maps folder; on a static site, « Télécharger » and
 * « Copier » give the document to put in maps/ by hand. Ctrl/⌘+S saves (or downloads).
 * @fires cartable-studio-saved - the document was written or downloaded
 */
@localized()
@element('cartable-studio-save')
export class CartableStudioSave extends LitElement {
  static override styles = [
    base,
    studioForm,
    dialogStyles,
    css`
      dialog {
        color: var(--cartable-text);
        --cartable-dialog-width: 30rem;
      }
      dialog .body {
        padding: 0 var(--cartable-space-4) var(--cartable-space-4);
      }
      dialog .actions {
        display: flex;
        justify-content: end;
        gap: var(--cartable-space-2);
      }
      :host {
        display: flex;
        align-items: center;
        gap: var(--cartable-space-2);
        position: relative;
      }
      button {
        color: var(--cartable-text);
      }
      .status .close {
        float: inline-end;
        margin-inline-start: var(--cartable-space-2);
        min-height: 0;
        padding: 0 var(--cartable-space-2);
        border: 0;
      }
      .status {
        position: absolute;
        z-index: 10;
        inset-inline-end: 0;
        top: calc(100% + var(--cartable-space-1));
        width: max-content;
        max-width: min(32rem, 90vw);
        max-height: 60vh;
        overflow: auto;
        padding: var(--cartable-space-2) var(--cartable-space-3);
        background: var(--cartable-surface);
        color: var(--cartable-text);
        border: 1px solid var(--cartable-border);
        border-inline-start: 4px solid var(--cartable-success);
        border-radius: var(--cartable-radius);
        box-shadow: var(--cartable-shadow);
      }
      .status.failed {
        border-inline-start-color: var(--cartable-danger);
      }
      .status p {
        margin: 0;
      }
      .status ul {
        margin: var(--cartable-space-1) 0 0;
        padding-inline-start: var(--cartable-space-4);
      }
      .status .files {
        display: flex;
        flex-wrap: wrap;
        gap: var(--cartable-space-1);
        margin-top: var(--cartable-space-2);
      }
    `,
  ];

  @property({ attribute: false }) state?: StudioState;
  @property() language = 'fr';
  @property() root = new URL('./', location.href).href;

  /** Whether the development server's endpoint answers (undefined: not known yet). */
  @state() private writable?: boolean;
  @state() private saving = false;
  @state() private announcement?: Announcement;
  @query('#replace') private replaceDialog!: HTMLDialogElement;
  #replaceAnswer?: (answer: boolean) => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // Asked once: `npm start` can write into the maps folder; a static site cannot.
    void devMaps(this.root).then((maps) => (this.writable = maps !== undefined));
    document.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onKey);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The next change to the document makes the last announcement stale.
    const before = changed.get('state') as StudioState | undefined;
    if (before && this.state && before.document !== this.state.document) this.announcement = undefined;
  }

  readonly #onKey = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.key.toLowerCase() !== 's') return;
    // The browser's « save the page » is never what the person means here.
    event.preventDefault();
    if (this.writable) void this.save();
    else if (this.writable === false) this.#download();
  };

  get #id(): string {
    const id = this.state?.document.id;
    return typeof id === 'string' && id ? id : 'carte';
  }

  get #text(): string {
    return this.state ? serializeDocument(this.state.document, this.state.format) : '';
  }

  /** Why the document cannot be saved yet ('' when it can). */
  #blocked(): string {
    const count = this.state?.problems.length ?? 0;
    if (!this.state) return msg('Aucun document ouvert.', { id: 'studio.save.noDocument' });
    return count ? msg(str`Enregistrement impossible : ${count} problème(s) à corriger dans le document.`, { id: 'studio.save.blocked' }) : '';
  }

  #problemLines(problems: readonly Problem[]): string[] {
    return problems.map((p) => `${p.path || '/'} : ${p.detail ? problemText(p.detail, this.language) : p.message}`);
  }

  #failure(outcome: Extract<SaveOutcome, { ok: false }>): Announcement {
    if (outcome.status === 0) return { ok: false, text: msg('Échec de l’enregistrement : le serveur de développement ne répond plus (npm start est-il arrêté ?).', { id: 'studio.save.unreachable' }) };
    if (outcome.status === 422) {
      return { ok: false, text: msg('Échec de l’enregistrement : le serveur a trouvé des problèmes dans le document.', { id: 'studio.save.invalid' }), problems: this.#problemLines(outcome.problems) };
    }
    const id = this.#id;
    switch (outcome.code) {
      case 'file-outside':
        return { ok: false, text: msg(str`Échec de l’enregistrement : le fichier « ${outcome.file ?? ''} » n’est pas sous data/${id}/, le dossier des fichiers de cette carte.`, { id: 'studio.save.fileOutside' }) };
      case 'too-large':
        return { ok: false, text: msg('Échec de l’enregistrement : le document et ses fichiers dépassent la taille que le serveur accepte (64 Mo).', { id: 'studio.save.tooLarge' }) };
      case 'write':
        return { ok: false, text: msg(str`Échec de l’enregistrement : le serveur n’a pas pu écrire dans le dossier maps/ (${outcome.message}). Le document reste ouvert ici.`, { id: 'studio.save.writeFailed' }) };
    }
    return { ok: false, text: msg(str`Échec de l’enregistrement (HTTP ${outcome.status}) : ${outcome.message}`, { id: 'studio.save.refused' }) };
  }

  /** Writes the document and its packaged files into the maps folder (development server). */
  async save(): Promise<void> {
    const state = this.state;
    if (!state || this.#blocked() || this.saving) {
      if (state?.problems.length) this.announcement = { ok: false, text: this.#blocked() };
      return;
    }
    const id = this.#id;
    const text = this.#text;
    if (!(await this.#mayWrite(id))) return;
    this.saving = true;
    this.announcement = undefined;
    const outcome = await devSave(this.root, id, text, state.files);
    this.saving = false;
    if (!outcome.ok) {
      this.announcement = this.#failure(outcome);
      return;
    }
    const files = outcome.files.length ? msg(str` et ${outcome.files.length} fichier(s) de données`, { id: 'studio.save.withFiles' }) : '';
    this.announcement = { ok: true, text: msg(str`Enregistré : ${outcome.saved}${files}.`, { id: 'studio.save.done' }) };
    emitStudio(this, 'cartable-studio-saved', { origin: { kind: 'map', id, text } });
  }

  /**
   * True unless the save would replace another map's file: a new or imported document, or one whose
   * id changed, given an id the maps folder already has (then the person is asked).
   */
  async #mayWrite(id: string): Promise<boolean> {
    const origin = this.state?.origin;
    if (origin?.kind === 'map' && origin.id === id) return true;
    const maps = await devMaps(this.root, true);
    if (!maps?.some((m) => m.id === id)) return true;
    this.replaceDialog.showModal();
    return new Promise((resolve) => (this.#replaceAnswer = resolve));
  }

  #answer(answer: boolean): void {
    this.replaceDialog.close();
    this.#replaceAnswer?.(answer);
    this.#replaceAnswer = undefined;
  }

  #offer(name: string, bytes: BlobPart, type: string): void {
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    // Kept a while: the browser reads the object URL after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  #download(): void {
    if (!this.state || this.#blocked()) {
      if (this.state?.problems.length) this.announcement = { ok: false, text: this.#blocked() };
      return;
    }
    const name = `${this.#id}.json`;
    this.#offer(name, this.#text, 'application/json');
    const files = [...this.state.files.keys()];
    this.announcement = {
      ok: true,
      text: files.length
        ? msg(str`« ${name} » est téléchargé : placez-le dans maps/, et ces fichiers de données sous maps/ au chemin indiqué :`, { id: 'studio.save.downloadedWithFiles' })
        : msg(str`« ${name} » est téléchargé : placez-le dans le dossier maps/ du projet, puis reconstruisez le site.`, { id: 'studio.save.downloaded' }),
      problems: files.map((path) => `maps/${path}`),
    };
    emitStudio(this, 'cartable-studio-saved', {});
  }

  async #copy(): Promise<void> {
    if (!this.state || this.#blocked()) return;
    try {
      await navigator.clipboard.writeText(this.#text);
      this.announcement = { ok: true, text: msg('Document copié dans le presse-papiers.', { id: 'studio.save.copied' }) };
    } catch {
      this.announcement = { ok: false, text: msg('Le navigateur a refusé la copie : utilisez « Télécharger ».', { id: 'studio.save.copyRefused' }) };
    }
  }

  #fileButtons(files: ReadonlyMap<string, PackagedFile>): TemplateResult | typeof nothing {
    if (this.writable !== false || !files.size || !this.announcement?.ok) return nothing;
    return html`<div class="files">
      ${[...files].map(
        ([path, file]) =>
          html`<button type="button" @click=${() => this.#offer(path.split('/').pop()!, file.bytes.slice().buffer, file.type || 'application/octet-stream')}>
            ${msg(str`Télécharger ${path.split('/').pop()!}`, { id: 'studio.save.downloadFile' })}
          </button>`,
      )}
    </div>`;
  }

  override render(): TemplateResult {
    const blocked = this.#blocked();
    const said = this.announcement;
    const buttons =
      this.writable === undefined
        ? nothing
        : this.writable
          ? html`<button type="button" class="primary" ?disabled=${!!blocked || this.saving} aria-describedby=${blocked ? 'save-why' : nothing} aria-keyshortcuts="Control+S" @click=${() => this.save()}>
              ${this.saving ? msg('Enregistrement…', { id: 'studio.save.saving' }) : msg('Enregistrer', { id: 'studio.save.save' })}
            </button>`
          : html`<button type="button" class="primary" ?disabled=${!!blocked} aria-describedby=${blocked ? 'save-why' : nothing} aria-keyshortcuts="Control+S" @click=${() => this.#download()}>
                ${msg('Télécharger', { id: 'studio.save.download' })}
              </button>
              <button type="button" ?disabled=${!!blocked} aria-describedby=${blocked ? 'save-why' : nothing} @click=${() => this.#copy()}>${msg('Copier', { id: 'studio.save.copy' })}</button>`;
    const replace = html`<dialog id="replace" aria-labelledby="replace-title" @cancel=${() => this.#answer(false)}>
      <div class="head"><h2 id="replace-title">${msg('Remplacer une carte du site ?', { id: 'studio.save.replaceTitle' })}</h2></div>
      <div class="body">
        <p>${msg(str`Le dossier maps/ a déjà une carte « ${this.#id} ». L’enregistrer remplace son fichier maps/${this.#id}.json.`, { id: 'studio.save.replaceText' })}</p>
        <div class="actions">
          <button type="button" @click=${() => this.#answer(false)}>${msg('Annuler', { id: 'studio.save.cancel' })}</button>
          <button type="button" class="primary" @click=${() => this.#answer(true)}>${msg('Remplacer', { id: 'studio.save.replace' })}</button>
        </div>
      </div>
    </dialog>`;
    return html`${buttons}${replace}
      <span id="save-why" class="visually-hidden">${blocked}</span>
      <div class="status ${said ? (said.ok ? '' : 'failed') : 'visually-hidden'}" role="status" aria-live="polite">${said
          ? html`<button type="button" class="close" aria-label=${msg('Fermer le message', { id: 'studio.save.dismiss' })} @click=${() => (this.announcement = undefined)}>
                <span aria-hidden="true">✕</span>
              </button>
              <p>${said.text}</p>
              ${said.problems?.length ? html`<ul>${said.problems.map((line) => html`<li>${line}</li>`)}</ul>` : nothing}${this.#fileButtons(this.state?.files ?? new Map())}`
          : nothing}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-save': CartableStudioSave;
  }
}
