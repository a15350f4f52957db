/** The « Table » and « Recherche » parts: the table's columns, sort and opening; the searched fields and the result label. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import { isObject, pointerOf } from '../model/json.js';
import { idOf, localizedInput, orderedFields, problemsBelow, type RecordsHost } from './form-parts.js';
import { fieldLabel } from './record-model.js';

export function tablePart(host: RecordsHost): TemplateResult {
  const path = [...host.layerPath, 'table'];
  const table = isObject(host.layer.table) ? host.layer.table : undefined;
  const undo = msg('table', { id: 'studio.records.undo.table' });
  const toggle = (on: boolean): void =>
    host.edit({ type: 'set', path, value: on ? { columns: host.fieldNames.slice(0, 3) } : undefined }, { label: undo });
  const sort = table && isObject(table.sort) ? table.sort : undefined;
  const sortId = idOf(path, 'sort');
  const directionId = idOf(path, 'direction');
  const problems = problemsBelow(host, [pointerOf(path), pointerOf([...path, 'columns'])], idOf(path, 'problems'));
  return html`<fieldset>
    <legend>${msg('Table', { id: 'studio.records.table' })}</legend>
    <label class="check">
      <input type="checkbox" .checked=${live(!!table)} @change=${(e: Event) => toggle((e.target as HTMLInputElement).checked)} />
      ${msg('Une table liste les fiches de la couche', { id: 'studio.records.table.enabled' })}
    </label>
    ${problems.list}
    ${table
      ? html`<p class="label">${msg('Colonnes de la table', { id: 'studio.records.table.columns' })}</p>
          ${orderedFields(host, { path: [...path, 'columns'], name: msg('colonnes de la table', { id: 'studio.records.table.columnsName' }), items: Array.isArray(table.columns) ? table.columns : [] })}
          <div class="row">
            <div>
              <label for=${sortId}>${msg('Trier par', { id: 'studio.records.table.sort' })}</label>
              <select
                id=${sortId}
                .value=${live(typeof sort?.field === 'string' ? sort.field : '')}
                @change=${(e: Event) => {
                  const field = (e.target as HTMLSelectElement).value;
                  host.edit({ type: 'set', path: [...path, 'sort'], value: field ? { field, direction: typeof sort?.direction === 'string' ? sort.direction : 'asc' } : undefined }, { label: undo });
                }}
              >
                <option value="">${msg('(ordre des données)', { id: 'studio.records.table.sortNone' })}</option>
                ${host.fieldNames.map((name) => html`<option value=${name}>${fieldLabel(host.layer, name, host.language)}</option>`)}
              </select>
            </div>
            <div>
              <label for=${directionId}>${msg('Sens', { id: 'studio.records.table.direction' })}</label>
              <select
                id=${directionId}
                ?disabled=${!sort}
                .value=${live(sort?.direction === 'desc' ? 'desc' : 'asc')}
                @change=${(e: Event) => host.edit({ type: 'set', path: [...path, 'sort', 'direction'], value: (e.target as HTMLSelectElement).value }, { label: undo })}
              >
                <option value="asc">${msg('croissant', { id: 'studio.records.table.asc' })}</option>
                <option value="desc">${msg('décroissant', { id: 'studio.records.table.desc' })}</option>
              </select>
            </div>
          </div>
          <label class="check">
            <input
              type="checkbox"
              .checked=${live(table.open === true)}
              @change=${(e: Event) => host.edit({ type: 'set', path: [...path, 'open'], value: (e.target as HTMLInputElement).checked || undefined }, { label: undo })}
            />
            ${msg('La carte s’ouvre table affichée', { id: 'studio.records.table.open' })}
          </label>`
      : nothing}
  </fieldset>`;
}

export function searchPart(host: RecordsHost): TemplateResult {
  const path = [...host.layerPath, 'search'];
  const search = isObject(host.layer.search) ? host.layer.search : undefined;
  const fields = search && Array.isArray(search.fields) ? search.fields : [];
  const undo = msg('recherche', { id: 'studio.records.undo.search' });
  return html`<fieldset>
    <legend>${msg('Recherche', { id: 'studio.records.search' })}</legend>
    <p class="label">${msg('Champs cherchés', { id: 'studio.records.search.fields' })}</p>
    ${orderedFields(host, {
      path: [...path, 'fields'],
      name: msg('champs cherchés', { id: 'studio.records.search.fieldsName' }),
      items: fields,
      addFirst: (field) => ({ type: 'set', path, value: { fields: [field] } }),
      removeLast: { type: 'set', path, value: undefined },
    })}
    ${search
      ? html`${localizedInput(host, { path: [...path, 'label'], label: msg('Libellé des résultats', { id: 'studio.records.search.label' }), template: true, undoLabel: undo })}
          <p class="hint">${msg('Vide : le premier champ cherché.', { id: 'studio.records.search.labelHint' })}</p>`
      : html`<p class="hint">${msg('Aucun champ : la couche n’est pas dans la recherche.', { id: 'studio.records.search.none' })}</p>`}
  </fieldset>`;
}
