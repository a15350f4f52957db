/** The « Confidentialité » part: the field and values of records kept off the public site, and how many the data holds. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { confidentialKey, withheldCount } from '../../context/confidential.js';
import type { ConfidentialRecords } from '../../context/types.js';
import type { StudioRecord } from '../data.js';
import { isObject, pointerOf } from '../model/json.js';
import { idOf, problemsBelow, type RecordsHost } from './form-parts.js';
import { CONFIDENTIAL_KINDS, dataFields, declaredFields, distinctValues, fieldLabel } from './record-model.js';

type RuleValue = string | number | boolean;

/** The rule as the document holds it now (values that are not text, numbers or booleans left aside). */
function ruleOf(host: RecordsHost): ConfidentialRecords | undefined {
  const rule = host.layer.confidential;
  if (!isObject(rule) || typeof rule.field !== 'string') return undefined;
  const values = Array.isArray(rule.values) ? rule.values.filter((v): v is RuleValue => ['string', 'number', 'boolean'].includes(typeof v)) : [];
  return { field: rule.field, values };
}

/** The count line: what the build withholds from the public site with this rule, on the data read by the preview. */
function countLine(rule: ConfidentialRecords | undefined, records: readonly StudioRecord[] | undefined): TemplateResult {
  let text = '';
  let warn = false;
  if (!rule) text = msg('Aucune règle : toutes les fiches sont publiées.', { id: 'studio.records.confidential.noRule' });
  else if (!records) text = msg('Lecture des fiches de la couche…', { id: 'studio.records.confidential.reading' });
  else {
    const withheld = withheldCount(records, rule);
    const total = records.length;
    text = msg(str`${withheld} fiches retenues sur ${total} (non publiées sur le site public)`, { id: 'studio.records.confidential.count' });
    // The build refuses a rule that withholds nothing (a misspelt value would publish what it meant to hide).
    if (!withheld) {
      text += ` — ${msg('la construction refuse une règle qui ne retient rien.', { id: 'studio.records.confidential.nothing' })}`;
      warn = true;
    }
  }
  return html`<p class="count ${warn ? 'warn' : ''}" role="status" data-count>${text}</p>`;
}

export function confidentialPart(host: RecordsHost, records: readonly StudioRecord[] | undefined): TemplateResult | typeof nothing {
  if (!CONFIDENTIAL_KINDS.has(String(host.layer.type))) return nothing;
  const path = [...host.layerPath, 'confidential'];
  const rule = ruleOf(host);
  const undo = msg('règle de confidentialité', { id: 'studio.records.undo.confidential' });
  const fieldId = idOf(path, 'field');
  const names = [...new Set([...declaredFields(host.layer), ...dataFields(records ?? [])])];
  const problems = problemsBelow(host, [pointerOf(path), pointerOf([...path, 'field']), pointerOf([...path, 'values'])], idOf(path, 'problems'));
  const chooseField = (field: string): void =>
    host.edit({ type: 'set', path, value: field ? { field, values: rule?.field === field ? [...rule.values] : [] } : undefined }, { label: undo });
  // The field's values in the data, and the rule's values the data does not hold (kept, and shown).
  const present = rule ? distinctValues(records ?? [], rule.field) : [];
  const presentKeys = new Set(present.map((p) => confidentialKey(p.value)));
  const options = [...present, ...(rule?.values ?? []).filter((v) => !presentKeys.has(confidentialKey(v))).map((value) => ({ value, count: 0 }))];
  const ticked = new Set((rule?.values ?? []).map(confidentialKey));
  const toggle = (value: RuleValue, on: boolean): void => {
    if (!rule) return;
    const values = on ? [...rule.values, value] : rule.values.filter((v) => confidentialKey(v) !== confidentialKey(value));
    host.edit({ type: 'set', path: [...path, 'values'], value: values }, { label: undo });
  };
  return html`<fieldset>
    <legend>${msg('Confidentialité', { id: 'studio.records.confidential' })}</legend>
    <p class="hint">${msg('Les fiches retenues ne sont publiées que sur le site réservé aux personnes connectées : la construction les retire du site public (données, recherche, tout).', { id: 'studio.records.confidential.hint' })}</p>
    <label for=${fieldId}>${msg('Champ qui dit si une fiche est confidentielle', { id: 'studio.records.confidential.field' })}</label>
    <select
      id=${fieldId}
      .value=${live(rule?.field ?? '')}
      aria-describedby=${problems.texts.length ? idOf(path, 'problems') : nothing}
      aria-invalid=${problems.texts.length ? 'true' : nothing}
      @change=${(e: Event) => chooseField((e.target as HTMLSelectElement).value)}
    >
      <option value="">${msg('(aucune règle)', { id: 'studio.records.confidential.none' })}</option>
      ${names.map((name) => html`<option value=${name}>${fieldLabel(host.layer, name, host.language)}</option>`)}
    </select>
    ${rule
      ? html`<fieldset class="values">
          <legend>${msg(str`Valeurs de ${rule.field} qui retiennent la fiche`, { id: 'studio.records.confidential.values' })}</legend>
          ${options.length
            ? options.map(
                ({ value, count }) => html`<label class="check">
                  <input type="checkbox" .checked=${live(ticked.has(confidentialKey(value)))} @change=${(e: Event) => toggle(value, (e.target as HTMLInputElement).checked)} />
                  ${String(value)} <span class="muted">(${count})</span>
                </label>`,
              )
            : html`<p class="hint">${msg('Le champ n’a aucune valeur dans les données.', { id: 'studio.records.confidential.noValues' })}</p>`}
        </fieldset>`
      : nothing}
    ${problems.list} ${countLine(rule, records)}
  </fieldset>`;
}
