/**
 * The style editor's small controls: a colour (picker and its hex value typed, both named), a number.
 * Template functions: the element that renders them owns their events.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { isHexColour, normalHex } from './colour.js';

export interface ColourControl {
  /** Unique in the editor (the text field's id; the picker's is `${id}-picker`). */
  readonly id: string;
  /** What the colour is of (« Couleur de Site naturel »): both fields' accessible name. */
  readonly label: string;
  /** #rrggbb. */
  readonly value: string | undefined;
  /** A new colour, #rrggbb (each move of the picker: the editor merges them into one step). */
  readonly change: (hex: string) => void;
  /** Shown beside the picker (the label may then be visually hidden, e.g. in a list row). */
  readonly hideLabel?: boolean;
}

/** A colour picker with its text alternative: the hex value can be typed (#rgb or #rrggbb). */
export function colourControl(control: ColourControl): TemplateResult {
  const { id, label, value, change } = control;
  // While typing, only a whole #rrggbb is a colour: « #a05 » on the way to « #a0522d » is not #aa0055
  // (which the field would then show, under the person's caret). A short #rgb counts once the field is left.
  const typed = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    input.setAttribute('aria-invalid', /^#?[0-9a-f]{0,6}$/i.test(input.value) ? 'false' : 'true');
    if (/^#[0-9a-f]{6}$/i.test(input.value)) change(normalHex(input.value));
  };
  const left = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const ok = isHexColour(input.value);
    input.setAttribute('aria-invalid', ok ? 'false' : 'true');
    if (ok) change(normalHex(input.value));
  };
  return html`<div class="colour">
    <label for=${id} class=${control.hideLabel ? 'visually-hidden' : ''}>${label}</label>
    <span class="colour-fields">
      <input
        type="color"
        id=${`${id}-picker`}
        aria-label=${msg(str`${label} (sélecteur)`, { id: 'studio.style.colourPicker' })}
        .value=${live(value ?? '#000000')}
        @input=${(event: Event) => change((event.target as HTMLInputElement).value)}
      />
      <input
        type="text"
        id=${id}
        class="hex"
        spellcheck="false"
        autocomplete="off"
        inputmode="text"
        maxlength="7"
        aria-describedby=${`${id}-hint`}
        .value=${live(value ?? '')}
        @input=${typed}
        @change=${left}
      />
    </span>
    <span class="visually-hidden" id=${`${id}-hint`}>${msg('Valeur hexadécimale, par exemple #1f78b4', { id: 'studio.style.hexHint' })}</span>
  </div>`;
}

export interface NumberControl {
  readonly id: string;
  readonly label: string;
  readonly value: number | undefined;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  /** A valid number typed or stepped to; undefined when the field is emptied (optional values). */
  readonly change: (value: number | undefined) => void;
  readonly optional?: boolean;
  readonly hint?: string;
}

/** A number field: each valid value typed is sent (the editor merges them into one step). */
export function numberControl(control: NumberControl): TemplateResult {
  const { id, label, value, min, max, step, change } = control;
  const typed = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (input.value.trim() === '') {
      if (control.optional) change(undefined);
      return;
    }
    const n = input.valueAsNumber;
    const ok = Number.isFinite(n) && (min === undefined || n >= min) && (max === undefined || n <= max);
    input.setAttribute('aria-invalid', ok ? 'false' : 'true');
    if (ok) change(n);
  };
  return html`<div>
    <label for=${id}>${label}</label>
    <input type="number" id=${id} .value=${live(value === undefined ? '' : String(value))} min=${min ?? nothing} max=${max ?? nothing} step=${step ?? 'any'} aria-describedby=${control.hint ? `${id}-hint` : nothing} @input=${typed} />
    ${control.hint ? html`<p class="hint" id=${`${id}-hint`}>${control.hint}</p>` : nothing}
  </div>`;
}
