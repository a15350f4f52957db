/** The style editor's « Classes » part: a number field cut into 3 to 7 classes, a sequential palette. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { LocalizedText, NumericClass } from '../../context/types.js';
import type { JsonObject, JsonValue } from '../model/json.js';
import { fieldProblems } from '../shell/field-problems.js';
import { classesStyle, mainColour, rangeLabel, recolour } from './build.js';
import { classBreaks, numbersOf, type ClassMethod } from './classify.js';
import { colourControl, numberControl } from './controls.js';
import { labelFields } from './categories-form.js';
import { fieldText, type StyleForm } from './form.js';
import { MAX_CLASSES, MIN_CLASSES, sequential, type SequentialName } from './palettes.js';

/** How classes are made (not kept in the document: its ranges are). */
export interface ClassChoice {
  readonly method: ClassMethod;
  readonly count: number;
  readonly palette: SequentialName;
}

export const DEFAULT_CLASSES: ClassChoice = { method: 'jenks', count: 5, palette: 'viridis' };

interface Classes {
  readonly field: string;
  readonly ranges: readonly NumericClass[];
}

/** The style with classes of `field` made as `choice` says from the records' numbers. */
export function classesOn(form: StyleForm, field: string, choice: ClassChoice): JsonObject {
  const numbers = numbersOf(form.records ?? [], field);
  const breaks = numbers.length ? classBreaks(numbers, choice.count, choice.method) : [0, 1];
  return classesStyle({ style: form.style, field, breaks, palette: sequential(choice.palette, Math.max(MIN_CLASSES, breaks.length - 1)), geometry: form.geometry });
}

const sameText = (a: LocalizedText | undefined, b: LocalizedText): boolean => JSON.stringify(a) === JSON.stringify(b);

export function classesForm(form: StyleForm, choice: ClassChoice, choose: (choice: ClassChoice) => void): TemplateResult {
  const classes = form.style['classes'] as unknown as Classes | undefined;
  if (!classes) return html``;
  const step = msg('classes', { id: 'studio.style.step.classes' });
  const numbers = form.records ? numbersOf(form.records, classes.field) : [];
  const dataMax = numbers.at(-1);
  const upper = (i: number): number | undefined => classes.ranges[i]!.max ?? (i === classes.ranges.length - 1 ? dataMax : undefined);
  const remake = (next: Partial<ClassChoice>, field = classes.field): void => {
    const made = { ...choice, ...next };
    choose(made);
    form.set([], classesOn(form, field, made), step);
  };
  /** A bound moved: the next class starts where this one ends; labels written by the editor follow. */
  const moveBound = (i: number, key: 'min' | 'max', value: number | undefined): void => {
    const ranges = classes.ranges.map((r) => ({ ...r }) as { -readonly [K in keyof NumericClass]: NumericClass[K] });
    const relabel = (j: number, edit: () => void): void => {
      const auto = ranges[j]!.min !== undefined && upper(j) !== undefined && sameText(ranges[j]!.label, rangeLabel(ranges[j]!.min!, upper(j)!));
      edit();
      const top = ranges[j]!.max ?? (j === ranges.length - 1 ? dataMax : undefined);
      if (auto && ranges[j]!.min !== undefined && top !== undefined) ranges[j]!.label = rangeLabel(ranges[j]!.min!, top);
    };
    if (key === 'min') {
      relabel(i, () => (ranges[i]!.min = value));
      if (i > 0 && value !== undefined) relabel(i - 1, () => (ranges[i - 1]!.max = value));
    } else {
      relabel(i, () => (ranges[i]!.max = value));
      if (i < ranges.length - 1 && value !== undefined) relabel(i + 1, () => (ranges[i + 1]!.min = value));
    }
    const clean = ranges.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
    form.set(['classes'], { ...classes, ranges: clean } as unknown as JsonValue, msg('limite', { id: 'studio.style.step.bound' }), { merge: true, mergeOn: ['classes', 'ranges', i, key] });
  };
  const methods: [ClassMethod, string][] = [
    ['jenks', msg('Seuils naturels (Jenks)', { id: 'studio.style.method.jenks' })],
    ['quantiles', msg('Quantiles (effectifs égaux)', { id: 'studio.style.method.quantiles' })],
    ['equal', msg('Intervalles égaux', { id: 'studio.style.method.equal' })],
  ];
  const palettes: [SequentialName, string][] = [
    ['viridis', 'Viridis'],
    ['ylgnbu', msg('Jaune – vert – bleu', { id: 'studio.style.palette.ylgnbu' })],
    ['ylorrd', msg('Jaune – orange – rouge', { id: 'studio.style.palette.ylorrd' })],
  ];
  const numeric = form.fields.filter((f) => f.numeric);
  return html`<fieldset>
    <legend>${msg('Classes', { id: 'studio.style.classes' })}</legend>
    <label for="class-field">${msg('Champ numérique', { id: 'studio.style.numberField' })}</label>
    <select id="class-field" ?disabled=${!form.records} @change=${(e: Event) => remake({}, (e.target as HTMLSelectElement).value)}>
      ${(numeric.some((f) => f.name === classes.field) ? numeric : [{ name: classes.field, numeric: true }, ...numeric]).map(
        (f) => html`<option value=${f.name} ?selected=${f.name === classes.field}>${fieldText(f)}</option>`,
      )}
    </select>
    <label for="class-method">${msg('Méthode', { id: 'studio.style.method' })}</label>
    <select id="class-method" ?disabled=${!form.records} @change=${(e: Event) => remake({ method: (e.target as HTMLSelectElement).value as ClassMethod })}>
      ${methods.map(([value, text]) => html`<option value=${value} ?selected=${value === choice.method}>${text}</option>`)}
    </select>
    <div class="row">
      <div>
        <label for="class-count">${msg('Nombre de classes', { id: 'studio.style.classCount' })}</label>
        <select id="class-count" ?disabled=${!form.records} @change=${(e: Event) => remake({ count: Number((e.target as HTMLSelectElement).value) })}>
          ${Array.from({ length: MAX_CLASSES - MIN_CLASSES + 1 }, (_, i) => MIN_CLASSES + i).map((n) => html`<option value=${n} ?selected=${n === classes.ranges.length}>${n}</option>`)}
        </select>
      </div>
      <div>
        <label for="class-palette">${msg('Palette', { id: 'studio.style.palette' })}</label>
        <select id="class-palette" ?disabled=${!form.records} @change=${(e: Event) => remake({ palette: (e.target as HTMLSelectElement).value as SequentialName })}>
          ${palettes.map(([value, text]) => html`<option value=${value} ?selected=${value === choice.palette}>${text}</option>`)}
        </select>
      </div>
    </div>
    <p class="hint" role="status">
      ${form.records
        ? msg(str`${numbers.length} valeurs numériques sur ${form.records.length} enregistrements. Changer la méthode, le nombre ou la palette refait les classes.`, { id: 'studio.style.classesCount' })
        : msg('Lecture des données de la couche…', { id: 'studio.style.reading' })}
    </p>
    ${fieldProblems(form.problems, form.pointer(['classes']), 'classes-problems', form.language, true)}
    <ol class="entries" aria-label=${msg('Classes et leurs couleurs', { id: 'studio.style.ranges' })}>
      ${classes.ranges.map((range, i) => {
        const name = msg(str`classe ${i + 1}`, { id: 'studio.style.className' });
        return html`<li class="entry">
          <div class="row">
            ${numberControl({ id: `class-${i}-min`, label: msg(str`Début de la ${name} (inclus)`, { id: 'studio.style.classMin' }), value: range.min, optional: true, change: (v) => moveBound(i, 'min', v) })}
            ${numberControl({ id: `class-${i}-max`, label: msg(str`Fin de la ${name} (exclue)`, { id: 'studio.style.classMax' }), value: range.max, optional: true, change: (v) => moveBound(i, 'max', v) })}
          </div>
          ${colourControl({
            id: `class-${i}-colour`,
            label: msg(str`Couleur de la ${name}`, { id: 'studio.style.classColour' }),
            value: mainColour(range.symbol, form.geometry),
            change: (hex) => form.set(['classes', 'ranges', i, 'symbol'], recolour(range.symbol, form.geometry, hex) as unknown as JsonValue, msg('couleur', { id: 'studio.style.step.colour' }), { merge: true }),
          })}
          ${labelFields(form, ['classes', 'ranges', i, 'label'], `class-${i}`, range.label, '')}
        </li>`;
      })}
    </ol>
    ${numbers.length === 0 && form.records ? html`<p class="hint">${msg('Ce champ n’a pas de valeurs numériques.', { id: 'studio.style.noNumbers' })}</p>` : nothing}
  </fieldset>`;
}
