import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import type { SiteConfig } from '../../context/types.js';
import type { Requester } from '../../net/requester.js';
import { loadChunk } from '../../offline/load-chunk.js';
import type { StudioState } from '../model/store.js';
import { emitStudio } from '../events.js';
import { studioForm } from '../shell/studio-styles.js';
import type { CsvChoice, CsvGuess } from './convert/csv.js';
import { newFileLayer } from './new-layer.js';
import { dropProblemText } from './messages.js';
import { layersStyles } from './layers-styles.js';
import './cartable-studio-other-maps.js';

type Source = 'file' | 'maps' | 'catalogue' | 'service';

/** The catalogue and service parts (src/studio/catalogue): their code loads when their choice opens. */
const PARTS: Record<'catalogue' | 'service', () => Promise<unknown>> = {
  catalogue: () => loadChunk(import('../catalogue/cartable-studio-catalogue.js')),
  service: () => loadChunk(import('../catalogue/cartable-studio-service.js')),
};

/**
 * @summary Studio: adds a layer from a dropped or chosen file (GeoJSON, CSV, FlatGeobuf, packaged
 * as GeoJSON), from another map of the site, a catalogue or a service. Sends its edits up.
 */
@localized()
@element('cartable-studio-add-layer')
export class CartableStudioAddLayer extends LitElement {
  static override styles = [base, studioForm, layersStyles];

  @property({ attribute: false }) state?: StudioState;
  @property() language = 'fr';
  @property({ attribute: false }) site?: SiteConfig;
  @property({ attribute: false }) requester?: Requester;
  @property() root = new URL('./', location.href).href;

  @state() private source: Source = 'file';
  @state() private over = false;
  @state() private busy = false;
  @state() private problem = '';
  @state() private done = '';
  /** A CSV whose coordinate columns the person confirms. */
  @state() private asking?: { name: string; bytes: Uint8Array; guess: CsvGuess };
  @state() private parts: Partial<Record<'catalogue' | 'service', 'loading' | 'ready' | 'missing'>> = {};

  async #open(source: Source): Promise<void> {
    this.source = source;
    if (source !== 'catalogue' && source !== 'service' || this.parts[source]) return;
    this.parts = { ...this.parts, [source]: 'loading' };
    let ready = false;
    try {
      ready = await PARTS[source]().then(() => true);
    } catch {
      ready = false;
    }
    this.parts = { ...this.parts, [source]: ready ? 'ready' : 'missing' };
  }

  /** Reads a file and adds its layer (or asks for a CSV's columns first). */
  async addFile(file: File, choice?: CsvChoice): Promise<void> {
    this.busy = true;
    this.problem = '';
    this.done = '';
    try {
      const bytes = this.asking?.name === file.name && choice ? this.asking.bytes : new Uint8Array(await file.arrayBuffer());
      await this.#add(file.name, bytes, choice);
    } catch {
      this.problem = dropProblemText('unreadable', file.name);
    } finally {
      this.busy = false;
    }
  }

  async #add(name: string, bytes: Uint8Array, choice?: CsvChoice): Promise<void> {
    // The readers (CSV, FlatGeobuf, reprojection) load with the first file: the studio opens without them.
    const { readDropped } = await loadChunk(import('./convert/dropped.js'));
    const result = await readDropped(name, bytes, choice);
    if (result.kind === 'problem') {
      this.problem = dropProblemText(result.problem, name, result.detail);
      return;
    }
    if (result.kind === 'ask') {
      this.asking = { name, bytes, guess: result.guess };
      return;
    }
    this.asking = undefined;
    const state = this.state;
    if (!state) return;
    const added = newFileLayer(state.document, new Set(state.files.keys()), name, result.collection, result.bytes);
    emitStudio(this, 'cartable-studio-edit', { edit: added.edit, options: { label: msg(str`ajouter « ${name} »`, { id: 'studio.layers.add.undo' }) } });
    emitStudio(this, 'cartable-studio-select-layer', { path: ['layers', 0] });
    const count = result.collection.features.length;
    this.done = result.skipped
      ? msg(str`Couche « ${added.id} » ajoutée en tête : ${count} objet(s) ; ${result.skipped} ligne(s) sans coordonnées lisibles laissée(s) de côté.`, { id: 'studio.layers.added.skipped' })
      : msg(str`Couche « ${added.id} » ajoutée en tête : ${count} objet(s), fichier ${added.path}.`, { id: 'studio.layers.added' });
  }

  #onDrop(event: DragEvent): void {
    this.over = false;
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    void this.addFile(file);
  }

  #onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.over = true;
  }

  #confirmCsv(event: SubmitEvent): void {
    event.preventDefault();
    const asking = this.asking;
    if (!asking) return;
    const form = new FormData(event.target as HTMLFormElement);
    const choice: CsvChoice = {
      x: String(form.get('x')),
      y: String(form.get('y')),
      projection: String(form.get('projection')),
      decimal: form.get('decimal') === ',' ? ',' : '.',
    };
    this.busy = true;
    void this.#add(asking.name, asking.bytes, choice).finally(() => (this.busy = false));
  }

  #csvForm(asking: NonNullable<CartableStudioAddLayer['asking']>): TemplateResult {
    const { columns, choice } = asking.guess;
    const column = (name: 'x' | 'y', label: string, selected: string): TemplateResult => html`<div>
      <label for=${`csv-${name}`}>${label}</label>
      <select id=${`csv-${name}`} name=${name}>
        ${columns.map((c) => html`<option ?selected=${c === selected}>${c}</option>`)}
      </select>
    </div>`;
    return html`<form class="csv" @submit=${(e: SubmitEvent) => this.#confirmCsv(e)} aria-labelledby="csv-title">
      <h3 id="csv-title">${msg(str`Où sont les points de « ${asking.name} » ?`, { id: 'studio.layers.csv.title' })}</h3>
      <p class="hint">${msg('Le studio n’a pas reconnu à coup sûr les colonnes des coordonnées : vérifiez-les.', { id: 'studio.layers.csv.hint' })}</p>
      <div class="row">
        ${column('x', msg('Colonne des longitudes (x)', { id: 'studio.layers.csv.x' }), choice.x)} ${column('y', msg('Colonne des latitudes (y)', { id: 'studio.layers.csv.y' }), choice.y)}
      </div>
      <div class="row">
        <div>
          <label for="csv-projection">${msg('Système de coordonnées', { id: 'studio.layers.csv.projection' })}</label>
          <select id="csv-projection" name="projection">
            ${[
              ['EPSG:4326', msg('WGS84 (degrés)', { id: 'studio.layers.csv.wgs84' })],
              ['EPSG:2154', msg('Lambert 93 (mètres)', { id: 'studio.layers.csv.l93' })],
              ['EPSG:3857', msg('Web Mercator (mètres)', { id: 'studio.layers.csv.mercator' })],
            ].map(([code, label]) => html`<option value=${code!} ?selected=${code === choice.projection}>${label}</option>`)}
          </select>
        </div>
        <div>
          <label for="csv-decimal">${msg('Séparateur décimal', { id: 'studio.layers.csv.decimal' })}</label>
          <select id="csv-decimal" name="decimal">
            <option value="." ?selected=${choice.decimal === '.'}>${msg('point (6.25)', { id: 'studio.layers.csv.point' })}</option>
            <option value="," ?selected=${choice.decimal === ','}>${msg('virgule (6,25)', { id: 'studio.layers.csv.comma' })}</option>
          </select>
        </div>
      </div>
      <div class="toolbar">
        <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Ajouter la couche', { id: 'studio.layers.csv.confirm' })}</button>
        <button type="button" @click=${() => (this.asking = undefined)}>${msg('Annuler', { id: 'studio.layers.csv.cancel' })}</button>
      </div>
    </form>`;
  }

  #filePanel(): TemplateResult {
    return html`<div class="drop ${this.over ? 'over' : ''}" @dragover=${(e: DragEvent) => this.#onDragOver(e)} @dragleave=${() => (this.over = false)} @drop=${(e: DragEvent) => this.#onDrop(e)}>
        <p>${msg('Déposez ici un fichier GeoJSON, CSV ou FlatGeobuf, ou :', { id: 'studio.layers.drop.here' })}</p>
        <label for="layer-file">${msg('Choisir un fichier', { id: 'studio.layers.drop.choose' })}</label>
        <input
          id="layer-file"
          type="file"
          accept=".geojson,.json,.csv,.tsv,.txt,.fgb"
          ?disabled=${this.busy}
          @change=${(e: Event) => {
            const input = e.target as HTMLInputElement;
            const file = input.files?.[0];
            if (file) void this.addFile(file).then(() => (input.value = ''));
          }}
        />
        <p class="hint">${msg('Un CSV ou un FlatGeobuf est converti en GeoJSON (WGS84), enregistré avec la carte.', { id: 'studio.layers.drop.hint' })}</p>
      </div>
      ${this.asking ? this.#csvForm(this.asking) : nothing}
      <p class="message error" role="alert">${this.problem}</p>
      <p class="message" role="status">${this.busy ? msg('Lecture du fichier…', { id: 'studio.layers.drop.reading' }) : this.done}</p>`;
  }

  #part(source: 'catalogue' | 'service'): TemplateResult {
    const status = this.parts[source];
    if (status === 'missing') return html`<p class="message error" role="alert">${msg('Cette partie du studio n’a pas pu être chargée : rechargez la page.', { id: 'studio.layers.part.missing' })}</p>`;
    if (status !== 'ready') return html`<p class="message" role="status">${msg('Chargement…', { id: 'studio.layers.part.loading' })}</p>`;
    return source === 'catalogue'
      ? html`<cartable-studio-catalogue .state=${this.state} .language=${this.language} .requester=${this.requester} .site=${this.site} .root=${this.root}></cartable-studio-catalogue>`
      : html`<cartable-studio-service .state=${this.state} .language=${this.language} .requester=${this.requester} .site=${this.site} .root=${this.root}></cartable-studio-service>`;
  }

  override render(): TemplateResult {
    const names: Record<Source, string> = {
      file: msg('Fichier', { id: 'studio.layers.source.file' }),
      maps: msg('Autres cartes', { id: 'studio.layers.source.maps' }),
      catalogue: msg('Catalogue', { id: 'studio.layers.source.catalogue' }),
      service: msg('Service', { id: 'studio.layers.source.service' }),
    };
    const panel =
      this.source === 'file'
        ? this.#filePanel()
        : this.source === 'maps'
          ? html`<cartable-studio-other-maps .state=${this.state} .language=${this.language} .requester=${this.requester} .root=${this.root}></cartable-studio-other-maps>`
          : this.#part(this.source);
    return html`<fieldset>
      <legend>${msg('Ajouter une couche depuis…', { id: 'studio.layers.add.from' })}</legend>
      <div class="choices" role="group" aria-label=${msg('Origine de la couche', { id: 'studio.layers.add.origin' })}>
        ${(Object.keys(names) as Source[]).map(
          (source) => html`<button type="button" data-source=${source} aria-pressed=${this.source === source ? 'true' : 'false'} @click=${() => void this.#open(source)}>${names[source]}</button>`,
        )}
      </div>
      ${panel}
    </fieldset>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-add-layer': CartableStudioAddLayer;
  }
}
