/** The « Champs » part: the layer's fields (label, type, unit, decimals), those of the data not yet described, the identifier. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import type { FieldType } from '../../context/types.js';
import type { StudioRecord } from '../data.js';
import { isObject, pointerOf, type JsonObject } from '../model/json.js';
import { idOf, localizedInput, problemsBelow, type RecordsHost } from './form-parts.js';
import { FIELD_TYPES, dataFields, declaredFields, fieldLabel, newField } from './record-model.js';

export function typeNames(): Record<FieldType, string> {
  return {
    text: msg('Texte', { id: 'studio.records.type.text' }),
    longtext: msg('Texte long', { id: 'studio.records.type.longtext' }),
    integer: msg('Nombre entier', { id: 'studio.records.type.integer' }),
    number: msg('Nombre', { id: 'studio.records.type.number' }),
    date: msg('Date', { id: 'studio.records.type.date' }),
    boolean: msg('Oui / non', { id: 'studio.records.type.boolean' }),
    url: msg('Lien (URL)', { id: 'studio.records.type.url' }),
    email: msg('Courriel', { id: 'studio.records.type.email' }),
    phone: msg('Téléphone', { id: 'studio.records.type.phone' }),
    image: msg('Image (URL)', { id: 'studio.records.type.image' }),
    html: msg('HTML', { id: 'studio.records.type.html' }),
  };
}

function fieldEditor(host: RecordsHost, field: JsonObject, index: number): TemplateResult {
  const path = [...host.layerPath, 'fields', index];
  const name = String(field.name ?? '');
  const type = (typeof field.type === 'string' ? field.type : 'text') as FieldType;
  const types = typeNames();
  const label = fieldLabel(host.layer, name, host.language);
  const typeId = idOf(path, 'type');
  const decimalsId = idOf(path, 'decimals');
  const numeric = type === 'number' || type === 'integer';
  const problems = problemsBelow(host, [pointerOf(path), pointerOf([...path, 'type']), pointerOf([...path, 'decimals'])], idOf(path, 'problems'));
  return html`<li>
    <details>
      <summary>${label} · ${types[type] ?? type}</summary>
      ${localizedInput(host, { path: [...path, 'label'], label: msg(str`Libellé de ${name}`, { id: 'studio.records.field.label' }), undoLabel: msg('libellé du champ', { id: 'studio.records.undo.fieldLabel' }) })}
      <label for=${typeId}>${msg(str`Type de ${name}`, { id: 'studio.records.field.type' })}</label>
      <select
        id=${typeId}
        .value=${live(type)}
        @change=${(e: Event) => host.edit({ type: 'set', path: [...path, 'type'], value: (e.target as HTMLSelectElement).value }, { label: msg('type du champ', { id: 'studio.records.undo.fieldType' }) })}
      >
        ${FIELD_TYPES.map((t) => html`<option value=${t}>${types[t]}</option>`)}
      </select>
      ${numeric
        ? html`${localizedInput(host, { path: [...path, 'unit'], label: msg(str`Unité de ${name}`, { id: 'studio.records.field.unit' }), undoLabel: msg('unité du champ', { id: 'studio.records.undo.fieldUnit' }) })}
            <label for=${decimalsId}>${msg(str`Décimales de ${name}`, { id: 'studio.records.field.decimals' })}</label>
            <input
              id=${decimalsId}
              type="number"
              min="0"
              max="10"
              step="1"
              .value=${live(typeof field.decimals === 'number' ? String(field.decimals) : '')}
              @change=${(e: Event) => {
                const text = (e.target as HTMLInputElement).value;
                host.edit({ type: 'set', path: [...path, 'decimals'], value: text === '' ? undefined : Math.round(Number(text)) }, { label: msg('décimales du champ', { id: 'studio.records.undo.fieldDecimals' }) });
              }}
            />`
        : nothing}
      ${problems.list}
      <p>
        <button type="button" @click=${() => host.edit({ type: 'set', path, value: undefined }, { label: msg('retrait du champ', { id: 'studio.records.undo.fieldRemove' }) })}>
          ${msg(str`Retirer le champ ${name}`, { id: 'studio.records.field.remove' })}
        </button>
      </p>
    </details>
  </li>`;
}

/** The fields fieldset. */
export function fieldsPart(host: RecordsHost, records: readonly StudioRecord[]): TemplateResult {
  const fields = Array.isArray(host.layer.fields) ? host.layer.fields : [];
  const declared = declaredFields(host.layer);
  const missing = dataFields(records).filter((name) => !declared.includes(name));
  const fieldsPath = [...host.layerPath, 'fields'];
  const add = (names: readonly string[]): void =>
    host.edit(
      declared.length || fields.length
        ? { type: 'batch', edits: names.map((name, i) => ({ type: 'insert' as const, path: fieldsPath, index: fields.length + i, value: newField(name, records) })) }
        : { type: 'set', path: fieldsPath, value: names.map((name) => newField(name, records)) },
      { label: msg('ajout de champs', { id: 'studio.records.undo.fieldAdd' }) },
    );
  const idPath = [...host.layerPath, 'idField'];
  const idId = idOf(idPath);
  const idProblems = problemsBelow(host, [pointerOf(idPath)], `${idId}-problems`);
  return html`<fieldset>
    <legend>${msg('Champs', { id: 'studio.records.fields' })}</legend>
    <p class="hint">${msg('Les champs déclarés une fois servent aux fiches, à la table et à la recherche.', { id: 'studio.records.fields.hint' })}</p>
    <ul class="fields">
      ${fields.map((field, index) => (isObject(field) ? fieldEditor(host, field, index) : nothing))}
    </ul>
    ${missing.length
      ? html`<details class="missing-fields" ?open=${!declared.length}>
          <summary>${msg(str`Dans les données, pas encore décrits (${missing.length})`, { id: 'studio.records.fields.missing' })}</summary>
          <ul class="missing">
            ${missing.map(
              (name) => html`<li>
                <code>${name}</code>
                <button type="button" aria-label=${msg(str`Ajouter le champ ${name}`, { id: 'studio.records.fields.addOneName' })} @click=${() => add([name])}>
                  ${msg('Ajouter', { id: 'studio.records.fields.addOne' })}
                </button>
              </li>`,
            )}
          </ul>
          ${missing.length > 1 ? html`<button type="button" @click=${() => add(missing)}>${msg(str`Ajouter les ${missing.length} champs`, { id: 'studio.records.fields.addAll' })}</button>` : nothing}
        </details>`
      : nothing}
    <label for=${idId}>${msg('Identifiant des fiches', { id: 'studio.records.idField' })}</label>
    <select
      id=${idId}
      .value=${live(typeof host.layer.idField === 'string' ? host.layer.idField : '')}
      aria-describedby=${idProblems.texts.length ? `${idId}-problems` : `${idId}-hint`}
      aria-invalid=${idProblems.texts.length ? 'true' : nothing}
      @change=${(e: Event) => host.edit({ type: 'set', path: idPath, value: (e.target as HTMLSelectElement).value || undefined }, { label: msg('identifiant des fiches', { id: 'studio.records.undo.idField' }) })}
    >
      <option value="">${msg('(aucun)', { id: 'studio.records.none' })}</option>
      ${host.fieldNames.map((name) => html`<option value=${name}>${fieldLabel(host.layer, name, host.language)}</option>`)}
    </select>
    ${idProblems.list}
    <p class="hint" id=${`${idId}-hint`}>${msg('Une valeur unique par fiche : liens vers une fiche, table, résultats de recherche.', { id: 'studio.records.idField.hint' })}</p>
  </fieldset>`;
}
