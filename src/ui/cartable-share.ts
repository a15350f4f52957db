import { LitElement, css, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg } from '@lit/localize';
import { DEFAULT_EMBED_CONTROLS, EMBED_CONTROLS, type EmbedControl, type EmbedControls } from '../embed/params.js';
import { embedUrl, iframeCode } from '../embed/code.js';
import { qrPath, type QrPath } from '../embed/qr.js';
import { base, dialogStyles } from './theme.js';
import { DESKTOP_WIDTH, PHONE_WIDTH, type PreviewDevice } from './share/cartable-embed-preview.js';
import './share/cartable-embed-preview.js';

/**
 * @summary The « Partager » dialog: the map's link (copy, QR code made in the browser) and an embed
 * builder (size, controls, current view or not, layer list open or not, language, a live preview at a
 * phone's or a computer's size, and the `<iframe>` code to paste). The code holds only these choices:
 * the state of the author's own screen (open panel, record, table) never goes into it.
 * Opened with show(); a native modal <dialog>: Escape closes it and focus returns to the opener.
 * @csspart dialog - the dialog box
 */
@localized()
@element('cartable-share')
export class CartableShare extends LitElement {
  static override styles = [
    base,
    dialogStyles,
    css`
      :host {
        --cartable-dialog-width: 40rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0.75rem 0 0.4rem;
      }
      .body {
        padding: 0 1rem 1rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        flex-wrap: wrap;
      }
      input[type='text'],
      input[type='number'],
      textarea {
        font: inherit;
        padding: 0.3rem 0.5rem;
        border: 1px solid var(--cartable-border-strong);
        border-radius: var(--cartable-radius);
        color: inherit;
        background: var(--cartable-surface);
      }
      .link {
        flex: 1 1 16rem;
        min-width: 0;
      }
      input[type='number'] {
        width: 6rem;
      }
      textarea {
        box-sizing: border-box;
        width: 100%;
        min-height: 5rem;
        font-family: ui-monospace, monospace;
        font-size: 0.85rem;
      }
      .button {
        border: 1px solid var(--cartable-accent);
        background: var(--cartable-accent);
        color: var(--cartable-accent-contrast);
        border-radius: var(--cartable-radius);
        padding: 0.3rem 0.8rem;
        min-height: 2.2rem;
      }
      .icon-button {
        border: 0;
        background: transparent;
        min-width: 2.2rem;
        min-height: 2.2rem;
      }
      .qr {
        width: 10rem;
        height: 10rem;
        display: block;
        margin-top: 0.5rem;
      }
      fieldset {
        border: 1px solid var(--cartable-border);
        border-radius: var(--cartable-radius);
        margin: 0.5rem 0;
        padding: 0.4rem 0.75rem 0.6rem;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .controls {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 0.2rem 0.75rem;
      }
      label {
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
      }
      .devices {
        display: inline-flex;
        gap: 0.25rem;
      }
      .device {
        min-height: 2.2rem;
        padding: 0.2rem 0.7rem;
        border: 1px solid var(--cartable-border-strong);
        border-radius: var(--cartable-radius);
        background: var(--cartable-surface);
        color: inherit;
        font: inherit;
      }
      .device[aria-pressed='true'] {
        border-color: var(--cartable-accent);
        background: var(--cartable-accent);
        color: var(--cartable-accent-contrast);
      }
      cartable-embed-preview {
        margin-top: 0.5rem;
      }
      .status {
        min-height: 1.3em;
        font-size: 0.9rem;
        color: var(--cartable-muted);
      }
      summary {
        cursor: pointer;
        font-weight: 600;
        margin-top: 1rem;
      }
    `,
  ];

  /** The map's link (a permalink). */
  @property() url = '';
  /** The map's title (the iframe's title). */
  @property() mapTitle = '';
  @property() language = 'fr';

  @state() private copied: '' | 'link' | 'code' = '';
  @state() private responsive = true;
  @state() private width = 800;
  @state() private height = 450;
  @state() private currentView = true;
  @state() private openPanel = false;
  /** The embed's language (the page's until the author picks another). */
  @state() private embedLanguage?: string;
  @state() private controls: EmbedControls = DEFAULT_EMBED_CONTROLS;
  @state() private device: PreviewDevice = 'phone';
  /** The embed section was opened: its live preview loads from then on. */
  @state() private building = false;

  @query('dialog') private dialog!: HTMLDialogElement;
  #qr?: { text: string; path: QrPath };
  #opener?: HTMLElement;

  /** Opens the dialog; focus goes back to what had it when the dialog closes. */
  async show(): Promise<void> {
    this.#opener = deepActiveElement();
    this.copied = '';
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  close(): void {
    this.dialog?.close();
  }

  /** The URL an embed opens: the map of the permalink in embed mode, with the author's choices only. */
  get embedUrl(): string {
    const choice = { controls: this.controls, keepView: this.currentView, openPanel: this.openPanel, language: this.embedLanguage ?? this.language };
    return embedUrl(new URL(this.url || location.href), choice).href;
  }

  /** The `<iframe>` code for the chosen settings. */
  get embedCode(): string {
    return iframeCode({
      src: this.embedUrl,
      title: this.mapTitle,
      width: this.responsive ? undefined : this.width,
      height: this.height,
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('url')) this.copied = '';
  }

  override render(): TemplateResult {
    return html`<dialog part="dialog" aria-labelledby="share-title" @click=${this.#onBackdrop} @close=${this.#onClose}>
      <div class="head">
        <h2 id="share-title">${msg('Partager la carte', { id: 'share.title' })}</h2>
        <button class="icon-button" aria-label=${msg('Fermer', { id: 'dialog.close' })} @click=${() => this.close()}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      <div class="body">
        <h3><label for="share-link">${msg('Lien vers cette vue', { id: 'share.link' })}</label></h3>
        <div class="row">
          <input id="share-link" class="link" type="text" readonly .value=${this.url} @focus=${(e: FocusEvent) => (e.target as HTMLInputElement).select()} />
          <button class="button copy-link" @click=${() => void this.#copy(this.url, 'link')}>${msg('Copier le lien', { id: 'share.copy' })}</button>
        </div>
        <div class="status" role="status">${this.copied === 'link' ? msg('Lien copié.', { id: 'share.copied' }) : ''}</div>
        ${this.#qrCode()}
        <details @toggle=${(e: Event) => (this.building ||= (e.target as HTMLDetailsElement).open)}>
          <summary>${msg('Intégrer la carte dans un site', { id: 'share.embed' })}</summary>
          ${this.building ? this.#builder() : nothing}
        </details>
      </div>
    </dialog>`;
  }

  #qrCode(): TemplateResult | typeof nothing {
    if (!this.url) return nothing;
    if (this.#qr?.text !== this.url) {
      try {
        this.#qr = { text: this.url, path: qrPath(this.url) };
      } catch {
        return nothing; // Too long for a QR code: the link alone.
      }
    }
    const { size, d } = this.#qr.path;
    return html`<svg class="qr" viewBox="0 0 ${size} ${size}" role="img" aria-label=${msg('QR code du lien vers cette vue', { id: 'share.qr' })} shape-rendering="crispEdges">
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${d} fill="#000"></path>`}
    </svg>`;
  }

  #builder(): TemplateResult {
    const names: Record<EmbedControl, string> = {
      layers: msg('Liste des couches', { id: 'share.ctl.layers' }),
      legend: msg('Légende', { id: 'panel.legend' }),
      search: msg('Recherche', { id: 'share.ctl.search' }),
      table: msg('Tableau', { id: 'table.toggle' }),
      popups: msg('Fiches au clic', { id: 'share.ctl.popups' }),
      zoom: msg('Boutons de zoom', { id: 'share.ctl.zoom' }),
      scale: msg('Échelle', { id: 'share.ctl.scale' }),
      fullscreen: msg('Plein écran', { id: 'share.ctl.fullscreen' }),
      fullmap: msg('Lien « Ouvrir la carte complète »', { id: 'share.ctl.fullmap' }),
      report: msg('Rapport « Qu’y a-t-il ici ? »', { id: 'tools.ctl.report' }),
      tools: msg('Outils : mesure, coordonnées, me localiser', { id: 'tools.ctl.tools' }),
      print: msg('Impression et export en image (PNG)', { id: 'tools.ctl.print' }),
    };
    const code = this.embedCode;
    return html`
      <fieldset>
        <legend>${msg('Taille', { id: 'share.size' })}</legend>
        <div class="row">
          <label><input type="radio" name="size" .checked=${this.responsive} @change=${() => (this.responsive = true)} />${msg('Toute la largeur', { id: 'share.size.responsive' })}</label>
          <label><input type="radio" name="size" .checked=${!this.responsive} @change=${() => (this.responsive = false)} />${msg('Taille fixe', { id: 'share.size.fixed' })}</label>
        </div>
        <div class="row">
          ${this.responsive
            ? nothing
            : html`<label>${msg('Largeur (px)', { id: 'share.width' })}
                <input type="number" min="200" max="4000" .value=${String(this.width)} @input=${(e: Event) => (this.width = numberIn(e, this.width))} /></label>`}
          <label>${msg('Hauteur (px)', { id: 'share.height' })}
            <input type="number" min="200" max="4000" .value=${String(this.height)} @input=${(e: Event) => (this.height = numberIn(e, this.height))} /></label>
        </div>
      </fieldset>
      <fieldset>
        <legend>${msg('Éléments affichés', { id: 'share.controls' })}</legend>
        <div class="controls">
          ${EMBED_CONTROLS.map(
            (name) => html`<label><input type="checkbox" data-control=${name} .checked=${this.controls[name]}
              @change=${(e: Event) => (this.controls = { ...this.controls, [name]: (e.target as HTMLInputElement).checked })} />${names[name]}</label>`,
          )}
        </div>
        <p class="status">${msg('Les sources (attributions) restent toujours affichées.', { id: 'share.attributions' })}</p>
      </fieldset>
      <div class="row">
        <label><input type="checkbox" class="current-view" .checked=${this.currentView} @change=${(e: Event) => (this.currentView = (e.target as HTMLInputElement).checked)} />${msg('Garder la vue actuelle (centre et zoom)', { id: 'share.currentView' })}</label>
        ${this.controls.layers
          ? html`<label><input type="checkbox" class="open-panel" .checked=${this.openPanel} @change=${(e: Event) => (this.openPanel = (e.target as HTMLInputElement).checked)} />${msg('Ouvrir la liste des couches à l’arrivée', { id: 'share.openPanel' })}</label>`
          : nothing}
      </div>
      <fieldset>
        <legend>${msg('Langue de la carte intégrée', { id: 'share.language' })}</legend>
        <div class="row">
          ${(['fr', 'en'] as const).map(
            (language) => html`<label lang=${language}><input type="radio" name="embed-language" value=${language} .checked=${(this.embedLanguage ?? this.language) === language}
              @change=${() => (this.embedLanguage = language)} />${language === 'fr' ? 'Français' : 'English'}</label>`,
          )}
        </div>
      </fieldset>
      <p class="status">${msg('Seuls ces choix passent dans le code : ni la fiche, ni le tableau, ni les panneaux ouverts sur votre écran.', { id: 'share.onlyChoices' })}</p>
      ${this.#preview()}
      <h3><label for="share-code">${msg('Code à coller dans la page', { id: 'share.code' })}</label></h3>
      <textarea id="share-code" readonly .value=${code} @focus=${(e: FocusEvent) => (e.target as HTMLTextAreaElement).select()}></textarea>
      <div class="row">
        <button class="button copy-code" @click=${() => void this.#copy(code, 'code')}>${msg('Copier le code', { id: 'share.copyCode' })}</button>
        <span class="status" role="status">${this.copied === 'code' ? msg('Code copié.', { id: 'share.codeCopied' }) : ''}</span>
      </div>
    `;
  }

  #preview(): TemplateResult {
    const width = this.device === 'phone' ? PHONE_WIDTH : this.responsive ? DESKTOP_WIDTH : this.width;
    const devices: Record<PreviewDevice, string> = {
      phone: msg('Téléphone', { id: 'share.preview.phone' }),
      desktop: msg('Ordinateur', { id: 'share.preview.desktop' }),
    };
    return html`<div class="row">
        <h3>${msg('Aperçu', { id: 'share.preview' })}</h3>
        <div class="devices" role="group" aria-label=${msg('Taille de l’aperçu', { id: 'share.preview.size' })}>
          ${(['phone', 'desktop'] as const).map(
            (device) => html`<button class="device" data-device=${device} aria-pressed=${this.device === device ? 'true' : 'false'} @click=${() => (this.device = device)}>${devices[device]}</button>`,
          )}
        </div>
        <span class="status">${width} × ${this.height} px</span>
      </div>
      <cartable-embed-preview .src=${this.embedUrl} .frameTitle=${msg('Aperçu de la carte intégrée', { id: 'share.preview.title' })} .width=${width} .height=${this.height}></cartable-embed-preview>`;
  }

  async #copy(text: string, what: 'link' | 'code'): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.copied = what;
    } catch {
      // No clipboard (insecure context, refused permission): select the text to copy by hand.
      const field = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(what === 'link' ? '#share-link' : '#share-code');
      field?.focus();
      field?.select();
    }
  }

  #onBackdrop(event: MouseEvent): void {
    if (event.target === this.dialog) this.close();
  }

  #onClose(): void {
    const opener = this.#opener;
    this.#opener = undefined;
    if (opener?.isConnected) opener.focus({ preventScroll: true });
  }
}

/** The focused element, through open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

function numberIn(event: Event, fallback: number): number {
  const value = Number((event.target as HTMLInputElement).value);
  return Number.isFinite(value) && value >= 100 && value <= 4000 ? value : fallback;
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-share': CartableShare;
  }
}
