import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import { textFor } from '../../i18n/text.js';
import type { LocalizedText } from '../../context/types.js';
import { getAt, type JsonObject, type JsonPath, type JsonValue } from '../model/json.js';
import type { EditOptions, StudioEdit } from '../model/edits.js';
import type { StudioData, StudioRecord } from '../data.js';
import { emitStudio, type StudioEventMap } from '../events.js';
import { studioForm } from '../shell/studio-styles.js';
import { StudioEditor } from '../shell/studio-editor.js';
import type { RecordsHost } from './form-parts.js';
import { insertField, localizedEdit, usableFields, vectorLayerAt, vectorLayers } from './record-model.js';
import { fieldsPart } from './fields-part.js';
import { popupPart } from './popup-part.js';
import { searchPart, tablePart } from './table-search-part.js';
import { confidentialPart } from './confidential-part.js';
import { recordPreview } from './record-preview.js';
import { recordsStyles } from './records-styles.js';

/**
 * @summary Studio: Fiches — the selected layer's fields, record template (with a live preview on a
 * real record), table, search and confidentiality rule.
 * Takes the studio's state down; sends changes up as `cartable-studio-edit` events (and
 * `cartable-studio-select-layer` from its layer list). Listens on window for `cartable-studio-feature`
 * (a record opened on the preview's map) and `cartable-map-rendered` (the map's data came).
 */
@localized()
@element('cartable-studio-records')
export class CartableStudioRecords extends StudioEditor {
  static override styles = [base, studioForm, recordsStyles];

  @property() root = new URL('./', location.href).href;

  /** The records of the layer as the preview's map read them (undefined: not read yet). */
  @state() private records?: readonly StudioRecord[];
  /** The record clicked on the map, shown until « Fiche suivante ». */
  @state() private picked?: StudioRecord;
  @state() private recordIndex = 0;
  #recordsFor?: { layerId: string; data: StudioData };
  #reading = 0;

  get #layer(): JsonObject | undefined {
    return this.state ? vectorLayerAt(this.state.document, this.layerPath) : undefined;
  }

  get #layerId(): string | undefined {
    const id = this.#layer?.id;
    return typeof id === 'string' ? id : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('cartable-studio-feature', this.#onFeature);
    window.addEventListener('cartable-map-rendered', this.#onRendered);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('cartable-studio-feature', this.#onFeature);
    window.removeEventListener('cartable-map-rendered', this.#onRendered);
  }

  readonly #onFeature = (event: Event): void => {
    const { layerId, record } = (event as CustomEvent<StudioEventMap['cartable-studio-feature']>).detail;
    if (layerId === this.#layerId) this.picked = record;
  };

  /** The map (re)drew: its layers' records can be read now if they could not before. */
  readonly #onRendered = (): void => {
    if (!this.records?.length) this.#readRecords(true);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // None read yet may mean the preview's map was not made when asked: ask again at the next change.
    if (changed.has('state') || changed.has('layerPath') || changed.has('data')) this.#readRecords(this.records?.length === 0);
  }

  #readRecords(again: boolean): void {
    const layerId = this.#layerId;
    const data = this.data ?? undefined;
    if (!layerId || !data) return;
    if (!again && this.#recordsFor?.layerId === layerId && this.#recordsFor.data === data) return;
    if (this.#recordsFor?.layerId !== layerId) {
      this.records = undefined;
      this.picked = undefined;
      this.recordIndex = 0;
    }
    this.#recordsFor = { layerId, data };
    const reading = ++this.#reading;
    void data.records(layerId).then((records) => {
      if (reading === this.#reading) this.records = records;
    });
  }

  #edit(edit: StudioEdit, options?: EditOptions): void {
    emitStudio(this, 'cartable-studio-edit', { edit, options });
  }

  /** Puts {{name}} at the caret of a template's input (replacing its selection); the caret follows it. */
  async #insertField(inputId: string, path: JsonPath, language: string, name: string): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${inputId}`);
    if (!input || !this.state) return;
    const { text, caret } = insertField(input.value, input.selectionStart ?? input.value.length, input.selectionEnd ?? input.value.length, name);
    const current = getAt(this.state.document, path) as JsonValue | undefined;
    const edit: StudioEdit = language ? localizedEdit(path, current, language, text) : { type: 'set', path, value: text };
    this.#edit(edit, { label: msg('insertion d’un champ', { id: 'studio.records.undo.insert' }) });
    await this.updateComplete;
    input.focus();
    input.setSelectionRange(caret, caret);
  }

  #next(): void {
    const total = this.records?.length ?? 0;
    if (this.picked) this.picked = undefined;
    else if (total) this.recordIndex = (this.recordIndex + 1) % total;
  }

  #layerChoice(): TemplateResult {
    const layers = this.state ? vectorLayers(this.state.document) : [];
    const current = this.layerPath ? JSON.stringify(this.layerPath) : '';
    return html`<label for="records-layer">${msg('Couche', { id: 'studio.records.layer' })}</label>
      <select
        id="records-layer"
        .value=${live(current)}
        @change=${(e: Event) => emitStudio(this, 'cartable-studio-select-layer', { path: JSON.parse((e.target as HTMLSelectElement).value) as JsonPath })}
      >
        ${layers.some((l) => JSON.stringify(l.path) === current) ? nothing : html`<option value=${current}>${msg('(choisissez une couche)', { id: 'studio.records.layer.choose' })}</option>`}
        ${layers.map(({ path, layer }) => html`<option value=${JSON.stringify(path)}>${textFor(layer.title as LocalizedText, this.language) || String(layer.id)}</option>`)}
      </select>`;
  }

  override render(): TemplateResult {
    const layer = this.#layer;
    const state = this.state;
    if (!state || !layer || !this.layerPath) {
      return html`<h2>${msg('Fiches', { id: 'studio.records.title' })}</h2>
        ${state && vectorLayers(state.document).length ? this.#layerChoice() : nothing}
        <p class="hint">${msg('Les fiches se décrivent pour une couche de points, de lignes ou de surfaces : choisissez-en une, ou ajoutez-la dans « Couches ».', { id: 'studio.records.noLayer' })}</p>`;
    }
    const records = this.records;
    const host: RecordsHost = {
      language: this.language,
      problems: state.problems,
      layer,
      layerPath: this.layerPath,
      fieldNames: usableFields(layer, records ?? []),
      edit: (edit, options) => this.#edit(edit, options),
      insertField: (inputId, path, language, name) => void this.#insertField(inputId, path, language, name),
    };
    const layerId = this.#layerId ?? '';
    const total = records?.length ?? 0;
    const index = total ? Math.min(this.recordIndex, total - 1) : 0;
    const context = state.valid ?? state.lastValid;
    const mapId = typeof state.document.id === 'string' ? state.document.id : 'carte';
    return html`<h2>${msg(str`Fiches de « ${textFor(layer.title as LocalizedText, this.language) || layerId} »`, { id: 'studio.records.heading' })}</h2>
      ${this.#layerChoice()} ${fieldsPart(host, records ?? [])}
      ${popupPart(
        host,
        recordPreview({
          context,
          stale: !state.valid,
          layerId,
          record: this.picked ?? records?.[index],
          position: this.picked ? { picked: true } : { index, total },
          language: this.language,
          baseUrl: new URL(`maps/${mapId}.json`, this.root).href,
          next: () => this.#next(),
        }),
      )}
      ${tablePart(host)} ${searchPart(host)} ${confidentialPart(host, records)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-records': CartableStudioRecords;
  }
}
