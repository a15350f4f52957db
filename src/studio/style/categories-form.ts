/** The style editor's « Catégories » part: a field, its values coloured, the rest « Autres ». */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { Category, Symbolizer } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import type { JsonObject, JsonValue } from '../model/json.js';
import { fieldProblems } from '../shell/field-problems.js';
import { OTHERS_LABEL, categoriesStyle, categoryOf, mainColour, othersSymbol, recolour } from './build.js';
import { distinctValues, type ValueCount } from './classify.js';
import { colourControl } from './controls.js';
import { symbolForm } from './symbol-form.js';
import { fieldText, type StyleForm } from './form.js';
import { MAX_CATEGORIES } from './palettes.js';

interface Categories {
  readonly field: string;
  readonly values: readonly Category[];
}

/** The style with categories on `field` (its values counted in the records), `top` of them coloured. */
export function categoriesOn(form: StyleForm, field: string, top = MAX_CATEGORIES): JsonObject {
  const counts = distinctValues(form.records ?? [], field);
  return categoriesStyle({ style: form.style, field, counts, geometry: form.geometry, top: Math.min(top, Math.max(1, counts.length)), total: form.records?.length ?? 0 });
}

/** The field categories start on: the first text field with 2 to 8 values, else the first field. */
export function firstCategoryField(form: StyleForm): string | undefined {
  const fitting = form.fields.find((f) => {
    const n = distinctValues(form.records ?? [], f.name).length;
    return !f.numeric && n >= 2 && n <= MAX_CATEGORIES;
  });
  return (fitting ?? form.fields[0])?.name;
}

export function categoriesForm(form: StyleForm): TemplateResult {
  const categories = form.style['categories'] as unknown as Categories | undefined;
  if (!categories) return html``;
  const step = msg('catégories', { id: 'studio.style.step.categories' });
  const counts = form.records ? distinctValues(form.records, categories.field) : undefined;
  const countOf = new Map(counts?.map((c) => [String(c.value), c.count]));
  const listed = new Set(categories.values.map((v) => String(v.value)));
  const missing: ValueCount[] = counts?.filter((c) => !listed.has(String(c.value))) ?? [];
  const others = form.records ? form.records.length - categories.values.reduce((sum, v) => sum + (countOf.get(String(v.value)) ?? 0), 0) : undefined;
  const symbols = categories.values.map((v) => v.symbol);

  const remove = (index: number): void => {
    const values = categories.values.filter((_, i) => i !== index);
    // Its records fall to « Autres »: the style's symbol draws them.
    const style = form.style;
    form.set([], { ...style, symbol: (style['symbol'] ?? othersSymbol(style, form.geometry)) as JsonValue, symbolLabel: (style['symbolLabel'] ?? OTHERS_LABEL) as JsonValue, categories: { ...categories, values } as unknown as JsonValue }, step);
  };
  const add = (event: Event): void => {
    const select = (event.currentTarget as HTMLElement).parentElement!.querySelector('select')!;
    const found = missing.find((c) => String(c.value) === select.value);
    if (!found) return;
    form.set(['categories', 'values'], [...categories.values, categoryOf(found.value, symbols, form.geometry)] as unknown as JsonValue, step);
  };

  return html`<fieldset>
    <legend>${msg('Catégories', { id: 'studio.style.categories' })}</legend>
    <label for="category-field">${msg('Champ', { id: 'studio.style.field' })}</label>
    <select id="category-field" ?disabled=${!form.records} @change=${(e: Event) => form.set([], categoriesOn(form, (e.target as HTMLSelectElement).value), step)}>
      ${form.fields.map((f) => html`<option value=${f.name} ?selected=${f.name === categories.field}>${fieldText(f)}</option>`)}
    </select>
    <p class="hint" role="status">
      ${counts
        ? msg(str`${form.records!.length} enregistrements, ${counts.length} valeurs distinctes ; les ${MAX_CATEGORIES} plus fréquentes au plus reçoivent une couleur.`, { id: 'studio.style.categoriesCount' })
        : msg('Lecture des données de la couche…', { id: 'studio.style.reading' })}
    </p>
    ${fieldProblems(form.problems, form.pointer(['categories']), 'categories-problems', form.language, true)}
    <ol class="entries" aria-label=${msg('Valeurs et leurs couleurs', { id: 'studio.style.values' })}>
      ${categories.values.map((category, i) => {
        const name = String(category.value);
        const count = countOf.get(name);
        return html`<li class="entry">
          <p class="entry-title"><strong>${name}</strong>${count !== undefined ? html` <span class="count">(${count})</span>` : nothing}</p>
          ${colourControl({
            id: `category-${i}-colour`,
            label: msg(str`Couleur de « ${name} »`, { id: 'studio.style.valueColour' }),
            value: mainColour(category.symbol, form.geometry),
            change: (hex) => form.set(['categories', 'values', i, 'symbol'], recolour(category.symbol, form.geometry, hex) as unknown as JsonValue, msg('couleur', { id: 'studio.style.step.colour' }), { merge: true }),
          })}
          ${labelFields(form, ['categories', 'values', i, 'label'], `category-${i}`, category.label, name)}
          <details class="symbol">
            <summary>${msg(str`Symbole de « ${name} »`, { id: 'studio.style.valueSymbol' })}</summary>
            ${symbolForm(form, ['categories', 'values', i, 'symbol'], `category-${i}-symbol`)}
          </details>
          <button type="button" class="remove" @click=${() => remove(i)} ?disabled=${categories.values.length < 2} aria-label=${msg(str`Retirer « ${name} » (ses enregistrements vont dans « Autres »)`, { id: 'studio.style.removeValue' })}>
            ${msg('Retirer', { id: 'studio.style.remove' })}
          </button>
        </li>`;
      })}
    </ol>
    ${form.style['symbol']
      ? html`<div class="entry others">
          <p class="entry-title"><strong>${textFor((form.style['symbolLabel'] as never) ?? OTHERS_LABEL, form.language)}</strong>${others !== undefined ? html` <span class="count">(${others})</span>` : nothing}</p>
          ${colourControl({
            id: 'others-colour',
            label: msg('Couleur des autres valeurs', { id: 'studio.style.othersColour' }),
            value: mainColour(form.style['symbol'] as unknown as Symbolizer, form.geometry),
            change: (hex) => form.set(['symbol'], recolour(form.style['symbol'] as unknown as Symbolizer, form.geometry, hex) as unknown as JsonValue, msg('couleur', { id: 'studio.style.step.colour' }), { merge: true }),
          })}
        </div>`
      : nothing}
    ${missing.length
      ? html`<div class="row add">
          <div>
            <label for="category-add">${msg('Autre valeur à colorer', { id: 'studio.style.addValueChoice' })}</label>
            <select id="category-add">${missing.map((c) => html`<option value=${String(c.value)}>${String(c.value)} (${c.count})</option>`)}</select>
          </div>
          <button type="button" @click=${add}>${msg('Ajouter la valeur', { id: 'studio.style.addValue' })}</button>
        </div>`
      : nothing}
  </fieldset>`;
}

/** A legend label in French and English (at `path` in the style). */
export function labelFields(form: StyleForm, path: (string | number)[], id: string, label: unknown, fallback: string): TemplateResult {
  const text = (language: 'fr' | 'en'): string => (typeof label === 'string' ? label : ((label as Record<string, string> | undefined)?.[language] ?? fallback));
  const typed = (language: 'fr' | 'en') => (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    const both = { fr: text('fr'), en: text('en'), [language]: value };
    form.set(path, both, msg('libellé', { id: 'studio.style.step.label' }), { merge: true, mergeOn: [...path, language] });
  };
  return html`<div class="row labels">
    <div>
      <label for=${`${id}-fr`}>${msg('Libellé (français)', { id: 'studio.style.labelFr' })}</label>
      <input id=${`${id}-fr`} lang="fr" .value=${live(text('fr'))} @input=${typed('fr')} />
    </div>
    <div>
      <label for=${`${id}-en`}>${msg('Libellé (anglais)', { id: 'studio.style.labelEn' })}</label>
      <input id=${`${id}-en`} lang="en" .value=${live(text('en'))} @input=${typed('en')} />
    </div>
  </div>`;
}
