/**
 * Pieces every part of the records editor draws with: texts per language (with « Insérer un champ »
 * for templates), ordered lists of fields, and the problems said next to their field.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { Problem } from '../../context/problems.js';
import type { EditOptions, StudioEdit } from '../model/edits.js';
import { getAt, pointerOf, type JsonObject, type JsonPath, type JsonValue } from '../model/json.js';
import { problemsAt } from '../shell/field-problems.js';
import { fieldLabel, itemField, localizedEdit, textIn } from './record-model.js';

/** What the parts need of the records editor: the layer, its problems, and a way to send edits up. */
export interface RecordsHost {
  readonly language: string;
  readonly problems: readonly Problem[];
  readonly layer: JsonObject;
  /** The layer's path in the document. */
  readonly layerPath: JsonPath;
  /** The fields templates, tables and search may name. */
  readonly fieldNames: readonly string[];
  edit(edit: StudioEdit, options?: EditOptions): void;
  /** Puts {{name}} at the caret of the text input `inputId` (a template at `path`, in `language`). */
  insertField(inputId: string, path: JsonPath, language: string, name: string): void;
}

/** An id made from a path, for labels and problems (`rec-layers-0-popup-title-fr`). */
export const idOf = (path: JsonPath, suffix = ''): string => `rec${pointerOf(path).replace(/[^A-Za-z0-9_-]+/g, '-')}${suffix ? `-${suffix}` : ''}`;

/** The problems at these pointers, said under their field (give it aria-describedby = id). */
export function problemsBelow(host: RecordsHost, pointers: readonly string[], id: string): { texts: string[]; list: TemplateResult | typeof nothing } {
  const texts = pointers.flatMap((pointer) => problemsAt(host.problems, pointer, host.language));
  const list = texts.length
    ? html`<ul class="field-problems" id=${id}>
        ${texts.map((text) => html`<li>${text}</li>`)}
      </ul>`
    : nothing;
  return { texts, list };
}

const LANGUAGE_NAMES = (): Record<string, string> => ({ fr: msg('français', { id: 'studio.records.lang.fr' }), en: msg('anglais', { id: 'studio.records.lang.en' }) });

export interface LocalizedInput {
  /** Path of the per-language value, from the document's root. */
  readonly path: JsonPath;
  readonly label: string;
  /** A template: « Insérer un champ » beside each language. */
  readonly template?: boolean;
  readonly multiline?: boolean;
  readonly undoLabel: string;
}

/**
 * A text given per language: French, then English (left empty, the French serves). Typing in one is
 * one undo step (the edit's merge key is its pointer).
 */
export function localizedInput(host: RecordsHost, input: LocalizedInput): TemplateResult {
  const current = getAt(host.layer, input.path.slice(host.layerPath.length)) as JsonValue | undefined;
  const names = LANGUAGE_NAMES();
  return html`${(['fr', 'en'] as const).map((language) => {
    const id = idOf(input.path, language);
    const pointer = pointerOf(input.path);
    // A plain string's problems are the French input's (it is the text of every language).
    const problems = problemsBelow(host, language === 'fr' ? [pointer, `${pointer}/fr`] : [`${pointer}/en`], `${id}-problems`);
    const onInput = (event: Event): void => {
      const text = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
      host.edit(localizedEdit(input.path, getAt(host.layer, input.path.slice(host.layerPath.length)), language, text), {
        label: input.undoLabel,
        merge: `${pointer}/${language}`,
      });
    };
    const attributes = {
      value: textIn(current, language),
      placeholder: language === 'en' ? msg('(le français sert)', { id: 'studio.records.lang.enPlaceholder' }) : '',
    };
    const describedBy = problems.texts.length ? `${id}-problems` : nothing;
    const invalid = problems.texts.length ? 'true' : nothing;
    return html`<div class="localized">
      <label for=${id}>${input.label} (${names[language]})</label>
      <div class="with-insert">
        ${input.multiline
          ? html`<textarea id=${id} rows="2" .value=${live(attributes.value)} placeholder=${attributes.placeholder} aria-describedby=${describedBy} aria-invalid=${invalid} @input=${onInput}></textarea>`
          : html`<input id=${id} type="text" .value=${live(attributes.value)} placeholder=${attributes.placeholder} aria-describedby=${describedBy} aria-invalid=${invalid} @input=${onInput} />`}
        ${input.template ? fieldPicker(host, msg(str`Insérer un champ dans ${input.label} (${names[language]})`, { id: 'studio.records.insert.name' }), (name) => host.insertField(id, input.path, language, name)) : nothing}
      </div>
      ${problems.list}
    </div>`;
  })}`;
}

/** A list of fields to choose one from (« Insérer un champ », « Ajouter… »); it goes back to its prompt after each choice. */
export function fieldPicker(host: RecordsHost, name: string, chosen: (field: string) => void, prompt = msg('Insérer un champ…', { id: 'studio.records.insert.prompt' }), names = host.fieldNames): TemplateResult {
  return html`<select
    class="picker"
    aria-label=${name}
    .value=${live('')}
    @change=${(event: Event) => {
      const select = event.target as HTMLSelectElement;
      const field = select.value;
      select.value = '';
      if (field) chosen(field);
    }}
  >
    <option value="">${prompt}</option>
    ${names.map((field) => html`<option value=${field}>${fieldLabel(host.layer, field, host.language)}</option>`)}
  </select>`;
}

export interface OrderedFields {
  /** Path of the array, from the document's root. */
  readonly path: JsonPath;
  /** What the list is, for its screen-reader name and the undo button. */
  readonly name: string;
  /** The array's items: field names, or objects with a `field`. */
  readonly items: readonly JsonValue[];
  /** The edit that removes the last item (default: remove it from the array). */
  readonly removeLast?: StudioEdit;
  /** The edit that adds the first item when the array is not there yet (default: insert into it). */
  readonly addFirst?: (field: string) => StudioEdit;
}

/** An ordered list of fields: move up, move down, remove, and « Ajouter un champ » at the end. */
export function orderedFields(host: RecordsHost, list: OrderedFields): TemplateResult {
  const count = list.items.length;
  const move = (from: number, to: number): void =>
    host.edit({ type: 'move', from: { path: list.path, index: from }, to: { path: list.path, index: to } }, { label: list.name });
  const remove = (index: number): void =>
    host.edit(count === 1 && list.removeLast ? list.removeLast : { type: 'set', path: [...list.path, index], value: undefined }, { label: list.name });
  const add = (field: string): void =>
    host.edit(!count && list.addFirst ? list.addFirst(field) : { type: 'insert', path: list.path, index: count, value: field }, { label: list.name });
  const shown = new Set(list.items.map(itemField));
  const problemId = idOf(list.path, 'problems');
  const problems = problemsBelow(host, list.items.map((_, i) => pointerOf([...list.path, i])), problemId);
  return html`<ol class="ordered" aria-label=${list.name} aria-describedby=${problems.texts.length ? problemId : nothing}>
      ${list.items.map((item, index) => {
        const field = itemField(item);
        const label = fieldLabel(host.layer, field, host.language);
        return html`<li>
          <span class="name">${label}</span>
          <button type="button" class="icon" ?disabled=${index === 0} aria-label=${msg(str`Monter ${label}`, { id: 'studio.records.list.up' })} @click=${() => move(index, index - 1)}>↑</button>
          <button type="button" class="icon" ?disabled=${index === count - 1} aria-label=${msg(str`Descendre ${label}`, { id: 'studio.records.list.down' })} @click=${() => move(index, index + 1)}>↓</button>
          <button type="button" class="icon" aria-label=${msg(str`Retirer ${label}`, { id: 'studio.records.list.remove' })} @click=${() => remove(index)}>✕</button>
        </li>`;
      })}
    </ol>
    ${problems.list}
    ${fieldPicker(host, msg(str`Ajouter un champ à ${list.name}`, { id: 'studio.records.list.addName' }), add, msg('Ajouter un champ…', { id: 'studio.records.list.add' }), host.fieldNames.filter((f) => !shown.has(f)))}`;
}
