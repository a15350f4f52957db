import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { element } from './define.js';
import { consume } from '@lit/context';
import { localized, msg } from '@lit/localize';
import type { GroupDef, LayerDef } from '../context/types.js';
import { textFor } from '../i18n/text.js';
import { sessionContext } from '../session/context.js';
import type { MapSession } from '../session/map-session.js';
import { emit } from './events.js';
import { safeUrl } from './safe-url.js';
import { base, dialogStyles } from './theme.js';

/**
 * @summary A dialog with a layer's description, source, last update, metadata record and downloads.
 * Opened with show(); focus returns to the opener when it closes (native <dialog>).
 * @fires cartable-link-followed - the metadata record or a download was opened (detail: { kind, url, layerId })
 */
@localized()
@element('cartable-layer-info')
export class CartableLayerInfo extends LitElement {
  static override styles = [
    base,
    dialogStyles,
    css`
      :host {
        --cartable-dialog-width: 34rem;
      }
      header {
        display: flex;
        align-items: start;
        justify-content: space-between;
        gap: 1rem;
        padding: 1rem 1rem 0.5rem;
      }
      .body {
        padding: 0 1rem 1rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.35rem 0.8rem;
        margin: 0.8rem 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      p.description {
        white-space: pre-line;
      }
      ul {
        padding-inline-start: 1.2rem;
        margin: 0.3rem 0;
      }
      .format {
        color: var(--cartable-muted);
        font-size: 0.88em;
      }
    `,
  ];

  @property({ attribute: false }) layer?: LayerDef | GroupDef;
  @property() language = 'fr';
  /** The map session: relative links of its document are resolved against the document's URL. */
  @consume({ context: sessionContext, subscribe: true })
  @state()
  private session?: MapSession;

  @query('dialog') private dialog!: HTMLDialogElement;

  async show(): Promise<void> {
    await this.updateComplete;
    if (!this.dialog.open) this.dialog.showModal();
  }

  close(): void {
    this.dialog?.close();
  }

  override render(): TemplateResult {
    const layer = this.layer;
    const title = layer ? textFor(layer.title, this.language) : '';
    return html`<dialog aria-labelledby="title" @click=${this.#onBackdrop}>
      ${layer
        ? html`<header>
              <h2 id="title">${title}</h2>
              <button class="icon-button" aria-label=${msg('Fermer', { id: 'dialog.close' })} @click=${() => this.close()}>
                <span aria-hidden="true">✕</span>
              </button>
            </header>
            <div class="body">${this.#details(layer)}</div>`
        : nothing}
    </dialog>`;
  }

  #onBackdrop(event: MouseEvent): void {
    if (event.target === this.dialog) this.close();
  }

  #details(layer: LayerDef | GroupDef): TemplateResult {
    const info = layer.info;
    if (!info) return html`<p>${msg("Aucune information n'est donnée pour cette couche.", { id: 'info.none' })}</p>`;
    const link = (url: string | undefined, label: string, kind?: 'metadata' | 'download'): TemplateResult | typeof nothing => {
      const href = safeUrl(url, this.session?.documentUrl ?? location.href);
      const followed = kind
        ? (event: MouseEvent): void => {
            if (event.type === 'click' || event.button === 1) emit(this, 'cartable-link-followed', { kind, url: href!, layerId: layer.id });
          }
        : undefined;
      return href
        ? html`<a href=${href} target="_blank" rel="noopener noreferrer" @click=${followed} @auxclick=${followed}>${label}</a>`
        : html`${label}`;
    };
    const updated = info.updated ? this.#date(info.updated) : undefined;
    const description = textFor(info.description, this.language);
    return html`
      ${description ? html`<p class="description">${description}</p>` : nothing}
      <dl>
        ${info.source
          ? html`<dt>${msg('Source', { id: 'info.source' })}</dt>
              <dd>${link(info.source.url, textFor(info.source.name, this.language))}</dd>`
          : nothing}
        ${updated ? html`<dt>${msg('Mise à jour', { id: 'info.updated' })}</dt><dd>${updated}</dd>` : nothing}
        ${info.metadata
          ? html`<dt>${msg('Métadonnées', { id: 'info.metadata' })}</dt>
              <dd>${link(info.metadata, msg('Fiche de métadonnées', { id: 'info.metadata.link' }), 'metadata')}</dd>`
          : nothing}
      </dl>
      ${info.downloads.length
        ? html`<h3>${msg('Téléchargements', { id: 'info.downloads' })}</h3>
            <ul>
              ${info.downloads.map(
                (d) => html`<li>
                  ${link(d.url, textFor(d.title, this.language), 'download')}
                  ${d.format ? html`<span class="format">(${d.format})</span>` : nothing}
                </li>`,
              )}
            </ul>`
        : nothing}
    `;
  }

  #date(value: string): string {
    const parts = value.split('-').map(Number);
    const date = new Date(Date.UTC(parts[0]!, (parts[1] ?? 1) - 1, parts[2] ?? 1));
    const options: Intl.DateTimeFormatOptions =
      parts.length === 3 ? { dateStyle: 'long', timeZone: 'UTC' } : parts.length === 2 ? { month: 'long', year: 'numeric', timeZone: 'UTC' } : { year: 'numeric', timeZone: 'UTC' };
    return new Intl.DateTimeFormat(this.language === 'en' ? 'en-GB' : 'fr-FR', options).format(date);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-layer-info': CartableLayerInfo;
  }
}
