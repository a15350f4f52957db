import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { msg, str } from '@lit/localize';
import type { Problem } from '../../context/problems.js';
import type { EditOptions, StudioEdit } from '../model/edits.js';
import { getAt, pointerOf, type JsonObject, type JsonPath, type JsonValue } from '../model/json.js';
import { fieldProblems, problemsAt } from '../shell/field-problems.js';
import { textIn, withTextIn, TEXT_LANGUAGES, type TextLanguage } from './localized.js';

/** What a field of the settings needs: the document, its problems, and the way up for its edits. */
export interface FieldContext {
  readonly document: JsonObject;
  readonly problems: readonly Problem[];
  readonly language: string;
  edit(edit: StudioEdit, options?: EditOptions): void;
}

/** An element id from a path ("layers.0.title" → "f-layers-0-title"): the field's, its problems' and hint's. */
export const fieldId = (path: JsonPath, suffix = ''): string => `f-${path.join('-')}${suffix ? `-${suffix}` : ''}`.replace(/[^\w-]/g, '_');

/** The attributes that tie a field to its hint and problems. */
export function described(ctx: FieldContext, pointer: string, problemsId: string, hintId?: string, deep = false): { describedBy?: string; invalid: boolean } {
  const invalid = problemsAt(ctx.problems, pointer, ctx.language, deep).length > 0;
  const ids = [hintId, invalid ? problemsId : undefined].filter(Boolean).join(' ');
  return { describedBy: ids || undefined, invalid };
}

const languageName = (language: TextLanguage): string =>
  language === 'fr' ? msg('français', { id: 'studio.settings.french' }) : msg('anglais', { id: 'studio.settings.english' });

export interface TextFieldOptions {
  readonly label: string;
  /** Said under the field (its rule): tied to it by aria-describedby. */
  readonly hint?: string;
  readonly multiline?: boolean;
  readonly required?: boolean;
}

/** A plain string field: one undo step while typing in it. */
export function stringField(ctx: FieldContext, path: JsonPath, options: TextFieldOptions): TemplateResult {
  const pointer = pointerOf(path);
  const id = fieldId(path);
  const hintId = options.hint ? `${id}-hint` : undefined;
  const { describedBy, invalid } = described(ctx, pointer, `${id}-problems`, hintId);
  const value = getAt(ctx.document, path);
  const onInput = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    ctx.edit({ type: 'set', path, value: text }, { label: options.label, merge: pointer });
  };
  return html`<label for=${id}>${options.label}</label>
    <input
      id=${id}
      type="text"
      spellcheck="false"
      autocomplete="off"
      ?required=${options.required}
      .value=${live(typeof value === 'string' ? value : '')}
      aria-describedby=${ifDefined(describedBy)}
      aria-invalid=${invalid ? 'true' : 'false'}
      @input=${onInput}
    />
    ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing} ${fieldProblems(ctx.problems, pointer, `${id}-problems`, ctx.language)}`;
}

/**
 * A LocalizedText ({fr, en} or one string for every language): one input per language, each its own
 * undo step while typing. `label` names the field; each input says its language.
 */
export function localizedField(ctx: FieldContext, path: JsonPath, options: TextFieldOptions): TemplateResult {
  const pointer = pointerOf(path);
  const id = fieldId(path);
  const problemsId = `${id}-problems`;
  const { describedBy, invalid } = described(ctx, pointer, problemsId, undefined, true);
  const value = getAt(ctx.document, path);
  const input = (language: TextLanguage): TemplateResult => {
    const label = `${options.label} (${languageName(language)})`;
    const onInput = (event: Event): void => {
      const text = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
      const next = withTextIn(getAt(ctx.document, path), language, text);
      ctx.edit({ type: 'set', path, value: next ?? (options.required ? '' : undefined) }, { label, merge: `${pointer}#${language}` });
    };
    const placeholder = language === 'fr' ? '' : msg('Comme en français', { id: 'studio.settings.sameAsFrench' });
    const inputId = `${id}-${language}`;
    return html`<label for=${inputId}>${label}</label>
      ${options.multiline
        ? html`<textarea
            id=${inputId}
            rows="3"
            lang=${language}
            placeholder=${placeholder}
            .value=${live(textIn(value, language))}
            aria-describedby=${ifDefined(describedBy)}
            aria-invalid=${invalid ? 'true' : 'false'}
            @input=${onInput}
          ></textarea>`
        : html`<input
            id=${inputId}
            type="text"
            lang=${language}
            placeholder=${placeholder}
            .value=${live(textIn(value, language))}
            aria-describedby=${ifDefined(describedBy)}
            aria-invalid=${invalid ? 'true' : 'false'}
            @input=${onInput}
          />`}`;
  };
  return html`${TEXT_LANGUAGES.map(input)} ${fieldProblems(ctx.problems, pointer, problemsId, ctx.language, true)}`;
}

/**
 * A number field (empty: the key is removed, the viewer's default applies; `keep`: an item of a pair,
 * e.g. the centre's x, stays while the field is empty — removing it would shift the other into its place).
 */
export function numberField(ctx: FieldContext, path: JsonPath, options: { label: string; min?: number; max?: number; step?: number; keep?: boolean }): TemplateResult {
  const pointer = pointerOf(path);
  const id = fieldId(path);
  const { describedBy, invalid } = described(ctx, pointer, `${id}-problems`);
  const value = getAt(ctx.document, path);
  const onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    // A half-typed number ("1e", "-") is not a value yet: leave the document as it is.
    if ((input.value !== '' && Number.isNaN(input.valueAsNumber)) || (input.value === '' && options.keep)) return;
    ctx.edit({ type: 'set', path, value: input.value === '' ? undefined : input.valueAsNumber }, { label: options.label, merge: pointer });
  };
  return html`<div>
    <label for=${id}>${options.label}</label>
    <input
      id=${id}
      type="number"
      inputmode="decimal"
      min=${ifDefined(options.min)}
      max=${ifDefined(options.max)}
      step=${options.step ?? 'any'}
      .value=${live(typeof value === 'number' ? String(value) : '')}
      aria-describedby=${ifDefined(describedBy)}
      aria-invalid=${invalid ? 'true' : 'false'}
      @input=${onInput}
    />
    ${fieldProblems(ctx.problems, pointer, `${id}-problems`, ctx.language)}
  </div>`;
}

export interface ListOptions {
  /** The list's name (its legend). */
  readonly legend: string;
  /** One item's name, with its number: « Mot-clé 2 ». */
  readonly itemName: (n: number) => string;
  readonly addLabel: string;
  /** Items are LocalizedTexts (FR and EN inputs) or plain strings. */
  readonly localized: boolean;
  readonly hint?: string;
}

/** A list of texts (tags, attributions, groups): an input (or FR and EN) per item, add and remove. */
export function textList(ctx: FieldContext, path: JsonPath, options: ListOptions, focusNew: (id: string) => void): TemplateResult {
  const list = getAt(ctx.document, path);
  const items: JsonValue[] = Array.isArray(list) ? list : [];
  const pointer = pointerOf(path);
  const add = (): void => {
    ctx.edit({ type: 'insert', path, index: items.length, value: '' }, { label: options.addLabel });
    focusNew(options.localized ? `${fieldId([...path, items.length])}-fr` : fieldId([...path, items.length]));
  };
  const item = (index: number): TemplateResult => {
    const name = options.itemName(index + 1);
    const field = options.localized ? localizedField(ctx, [...path, index], { label: name, required: true }) : stringField(ctx, [...path, index], { label: name });
    const remove = (): void => ctx.edit({ type: 'set', path: [...path, index], value: undefined }, { label: msg(str`retirer ${name}`, { id: 'studio.settings.removeStep' }) });
    return html`<li>
      ${field}
      <button type="button" class="remove" @click=${remove}>${msg(str`Retirer : ${name}`, { id: 'studio.settings.remove' })}</button>
    </li>`;
  };
  return html`<fieldset>
    <legend>${options.legend}</legend>
    ${options.hint ? html`<p class="hint">${options.hint}</p>` : nothing}
    ${items.length ? html`<ul class="items">${items.map((_, index) => item(index))}</ul>` : nothing}
    ${fieldProblems(ctx.problems, pointer, `${fieldId(path)}-problems`, ctx.language)}
    <button type="button" @click=${add}>${options.addLabel}</button>
  </fieldset>`;
}
