import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import { textFor } from '../../i18n/text.js';
import { getAt, isObject, pointerOf, setAt, type JsonObject, type JsonValue } from '../model/json.js';
import type { StudioEdit } from '../model/edits.js';
import type { StudioRecord } from '../data.js';
import { emitStudio } from '../events.js';
import { studioForm } from '../shell/studio-styles.js';
import { StudioEditor } from '../shell/studio-editor.js';
import { fieldProblems } from '../shell/field-problems.js';
import { geometryOf, modeOf, singleStyle, type StyleMode } from './build.js';
import { numericFields } from './classify.js';
import { categoriesForm, categoriesOn, firstCategoryField } from './categories-form.js';
import { DEFAULT_CLASSES, classesForm, classesOn, type ClassChoice } from './classes-form.js';
import type { FieldChoice, StyleForm } from './form.js';
import { labelForm, symbolForm } from './symbol-form.js';
import { styleEditorStyles } from './style-styles.js';

/** The kinds whose features the map draws with the document's style (the others: their service's). */
const STYLED_KINDS = new Set(['geojson', 'csv', 'flatgeobuf', 'wfs', 'points']);
const NUMBER_TYPES = new Set(['number', 'integer']);

/**
 * @summary Studio: the style of the chosen vector layer — one symbol, categories of a field's values,
 * or classes of a number field — and its labels. Reads the layer's records from the live map
 * (StudioData) for values, counts and numbers.
 * @fires cartable-studio-edit - every change (a control's moves and typing make one undo step)
 */
@localized()
@element('cartable-studio-style')
export class CartableStudioStyle extends StudioEditor {
  static override styles = [base, studioForm, styleEditorStyles];


  /** The chosen layer's records, once the map has read them. */
  @state() private records?: readonly StudioRecord[];
  /** How classes are made (the document keeps only their ranges). */
  @state() private classChoice: ClassChoice = DEFAULT_CLASSES;
  /** Which layer (and data) the records are of. */
  #recordsOf?: string;

  get #layer(): JsonObject | undefined {
    const layer = this.state && this.layerPath ? getAt(this.state.document, this.layerPath) : undefined;
    return isObject(layer) ? layer : undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('state') && !changed.has('layerPath') && !changed.has('data')) return;
    const layer = this.#layer;
    const id = typeof layer?.['id'] === 'string' ? layer['id'] : undefined;
    const key = id && this.data ? JSON.stringify([id, layer!['url'], layer!['file'], layer!['data'] !== undefined]) : undefined;
    if (key === this.#recordsOf) return;
    this.#recordsOf = key;
    this.records = undefined;
    if (!key || !id) return;
    void this.data!.records(id).then((records) => {
      if (this.#recordsOf !== key) return;
      this.records = records;
      // None: the layer failed or the map was rebuilt meanwhile; the next change of the document asks again.
      if (!records.length) this.#recordsOf = undefined;
    });
  }

  #fields(layer: JsonObject): FieldChoice[] {
    const declared = Array.isArray(layer['fields']) ? layer['fields'].filter(isObject) : [];
    const names = new Set<string>(declared.map((f) => String(f['name'])));
    for (const record of this.records?.slice(0, 50) ?? []) for (const key of Object.keys(record)) if (!key.startsWith('cartable:')) names.add(key);
    const numeric = new Set(numericFields(this.records ?? [], [...names]));
    return [...names].map((name) => {
      const field = declared.find((f) => f['name'] === name);
      const type = field?.['type'];
      const label = field?.['label'] ? textFor(field['label'] as never, this.language) : undefined;
      return { name, label, numeric: typeof type === 'string' ? NUMBER_TYPES.has(type) : numeric.has(name) };
    });
  }

  #form(layer: JsonObject): StyleForm {
    const stylePath = [...this.layerPath!, 'style'];
    const style = isObject(layer['style']) ? layer['style'] : {};
    const fields = this.#fields(layer);
    return {
      style,
      geometry: geometryOf(layer),
      language: this.language,
      problems: this.state?.problems ?? [],
      fields,
      records: this.records,
      pointer: (path) => pointerOf([...stylePath, ...path]),
      set: (path, value, label, options) => {
        const merge = options?.merge ? pointerOf([...stylePath, ...(options.mergeOn ?? path)]) : undefined;
        const edit: StudioEdit = { type: 'set', path: [...stylePath, ...path], value };
        // A layer that lists its fields must list those its style reads: a field read from the records joins the list.
        const added = undeclaredFields(layer, setAt(style, path, value));
        const fieldsPath = [...this.layerPath!, 'fields'];
        const declare = added.map((name): StudioEdit => ({ type: 'insert', path: fieldsPath, index: Infinity, value: fields.find((f) => f.name === name)?.numeric ? { name, type: 'number' } : { name } }));
        emitStudio(this, 'cartable-studio-edit', { edit: declare.length ? { type: 'batch', edits: [edit, ...declare] } : edit, options: { label, merge } });
      },
    };
  }

  #changeMode(form: StyleForm, mode: StyleMode): void {
    const step = msg('représentation', { id: 'studio.style.step.mode' });
    if (mode === 'single') form.set([], singleStyle(form.style, form.geometry), step);
    else if (mode === 'categories') {
      const field = firstCategoryField(form);
      if (field) form.set([], categoriesOn(form, field), step);
    } else {
      const field = form.fields.find((f) => f.numeric)?.name;
      if (field) form.set([], classesOn(form, field, this.classChoice), step);
    }
  }

  #modes(form: StyleForm): TemplateResult {
    const mode = modeOf(form.style);
    const hasNumbers = form.fields.some((f) => f.numeric);
    const modes: [StyleMode, string, boolean][] = [
      ['single', msg('Symbole unique', { id: 'studio.style.mode.single' }), true],
      ['categories', msg('Catégories', { id: 'studio.style.mode.categories' }), !!this.records?.length],
      ['classes', msg('Classes', { id: 'studio.style.mode.classes' }), !!this.records?.length && hasNumbers],
    ];
    return html`<fieldset class="modes">
      <legend>${msg('Représentation', { id: 'studio.style.mode' })}</legend>
      <div class="choices">
        ${modes.map(
          ([value, text, enabled]) => html`<label class="choice">
            <input type="radio" name="style-mode" value=${value} .checked=${mode === value} ?disabled=${!enabled && mode !== value} @change=${() => this.#changeMode(form, value)} />
            ${text}
          </label>`,
        )}
      </div>
      ${!this.records
        ? html`<p class="hint">${msg('Les catégories et les classes s’offrent dès que la carte a lu les données de la couche.', { id: 'studio.style.waitData' })}</p>`
        : !this.records.length
          ? html`<p class="hint">${msg('La carte n’a lu aucun enregistrement de cette couche : seul le symbole unique s’applique.', { id: 'studio.style.noRecords' })}</p>`
          : !hasNumbers
            ? html`<p class="hint">${msg('Aucun champ numérique : pas de classes pour cette couche.', { id: 'studio.style.noNumberField' })}</p>`
            : nothing}
    </fieldset>`;
  }

  override render(): TemplateResult {
    const layer = this.#layer;
    if (!layer) return html`<p class="hint">${msg('Choisissez une couche dans la partie « Couches » pour régler son style.', { id: 'studio.style.noLayer' })}</p>`;
    const title = textFor((layer['title'] ?? layer['id'] ?? '') as never, this.language);
    if (layer['type'] === 'group') return html`<p class="hint">${msg('Un groupe n’a pas de style : choisissez une de ses couches.', { id: 'studio.style.group' })}</p>`;
    if (!STYLED_KINDS.has(String(layer['type']))) {
      return html`<h2>${title}</h2>
        <p class="hint">${msg('Le style de cette couche est celui de son service : la carte l’affiche tel que le service le dessine.', { id: 'studio.style.service' })}</p>`;
    }
    const form = this.#form(layer);
    const mode = modeOf(form.style);
    return html`<h2>${title}</h2>
      ${fieldProblems(form.problems, form.pointer([]), 'style-problems', this.language)}
      ${this.#modes(form)}
      ${mode === 'single'
        ? html`<fieldset>
            <legend>${msg('Symbole', { id: 'studio.style.symbol' })}</legend>
            ${symbolForm(form, ['symbol'], 'symbol')}
            ${fieldProblems(form.problems, form.pointer(['symbol']), 'symbol-problems', this.language, true)}
          </fieldset>`
        : mode === 'categories'
          ? categoriesForm(form)
          : classesForm(form, this.classChoice, (choice) => (this.classChoice = choice))}
      ${labelForm(form)}`;
  }
}

/** The fields a style reads (categories, classes, label, its scale rules') that a layer listing its fields does not list. */
function undeclaredFields(layer: JsonObject, style: JsonValue): string[] {
  if (!Array.isArray(layer['fields']) || !isObject(style)) return [];
  const declared = new Set(layer['fields'].filter(isObject).map((f) => f['name']));
  const read = [style, ...(Array.isArray(style['rules']) ? style['rules'] : [])].flatMap((core) =>
    isObject(core) ? ['categories', 'classes', 'label'].map((key) => getAt(core, [key, 'field'])) : [],
  );
  return [...new Set(read.filter((name): name is string => typeof name === 'string' && name !== '' && !declared.has(name)))];
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-style': CartableStudioStyle;
  }
}
