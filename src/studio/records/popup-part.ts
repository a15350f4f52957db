/** The « Fiche » part: title and subtitle templates, sections (fields shown, free text), links. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg, str } from '@lit/localize';
import { getAt, isObject, pointerOf, type JsonObject, type JsonPath } from '../model/json.js';
import { fieldPicker, idOf, localizedInput, orderedFields, problemsBelow, type RecordsHost } from './form-parts.js';

/** A template kept as one string (a link's URL): typed, or a field inserted at the caret. */
export function plainTemplateInput(host: RecordsHost, path: JsonPath, label: string, undoLabel: string): TemplateResult {
  const id = idOf(path);
  const pointer = pointerOf(path);
  const value = getAt(host.layer, path.slice(host.layerPath.length));
  const problems = problemsBelow(host, [pointer], `${id}-problems`);
  return html`<label for=${id}>${label}</label>
    <div class="with-insert">
      <input
        id=${id}
        type="text"
        .value=${live(typeof value === 'string' ? value : '')}
        aria-describedby=${problems.texts.length ? `${id}-problems` : nothing}
        aria-invalid=${problems.texts.length ? 'true' : nothing}
        @input=${(e: Event) => host.edit({ type: 'set', path, value: (e.target as HTMLInputElement).value }, { label: undoLabel, merge: pointer })}
      />
      ${fieldPicker(host, msg(str`Insérer un champ dans ${label}`, { id: 'studio.records.insert.plainName' }), (name) => host.insertField(id, path, '', name))}
    </div>
    ${problems.list}`;
}

function sectionEditor(host: RecordsHost, section: JsonObject, index: number, count: number): TemplateResult {
  const sectionsPath = [...host.layerPath, 'popup', 'sections'];
  const path = [...sectionsPath, index];
  const number = index + 1;
  const name = msg(str`Section ${number}`, { id: 'studio.records.section.name' });
  const fields = Array.isArray(section.fields) ? section.fields : [];
  const undo = msg('section de la fiche', { id: 'studio.records.undo.section' });
  return html`<li class="section">
    <h4>${name}</h4>
    ${localizedInput(host, { path: [...path, 'title'], label: msg(str`Titre de la section ${number}`, { id: 'studio.records.section.title' }), undoLabel: undo })}
    <p class="label">${msg(str`Champs montrés dans la section ${number}`, { id: 'studio.records.section.fields' })}</p>
    ${orderedFields(host, { path: [...path, 'fields'], name: msg(str`champs de la section ${number}`, { id: 'studio.records.section.fieldsName' }), items: fields })}
    ${localizedInput(host, { path: [...path, 'text'], label: msg(str`Texte de la section ${number}`, { id: 'studio.records.section.text' }), template: true, multiline: true, undoLabel: undo })}
    <div class="actions">
      <button type="button" ?disabled=${index === 0} @click=${() => host.edit({ type: 'move', from: { path: sectionsPath, index }, to: { path: sectionsPath, index: index - 1 } }, { label: undo })}>
        ${msg(str`Monter la section ${number}`, { id: 'studio.records.section.up' })}
      </button>
      <button type="button" ?disabled=${index === count - 1} @click=${() => host.edit({ type: 'move', from: { path: sectionsPath, index }, to: { path: sectionsPath, index: index + 1 } }, { label: undo })}>
        ${msg(str`Descendre la section ${number}`, { id: 'studio.records.section.down' })}
      </button>
      <button type="button" @click=${() => host.edit({ type: 'set', path, value: undefined }, { label: undo })}>${msg(str`Retirer la section ${number}`, { id: 'studio.records.section.remove' })}</button>
    </div>
  </li>`;
}

function linkEditor(host: RecordsHost, index: number): TemplateResult {
  const path = [...host.layerPath, 'popup', 'links', index];
  const number = index + 1;
  const undo = msg('lien de la fiche', { id: 'studio.records.undo.link' });
  return html`<li class="section">
    ${localizedInput(host, { path: [...path, 'label'], label: msg(str`Texte du lien ${number}`, { id: 'studio.records.link.label' }), undoLabel: undo })}
    ${plainTemplateInput(host, [...path, 'url'], msg(str`Adresse du lien ${number}`, { id: 'studio.records.link.url' }), undo)}
    <div class="actions">
      <button type="button" @click=${() => host.edit({ type: 'set', path, value: undefined }, { label: undo })}>${msg(str`Retirer le lien ${number}`, { id: 'studio.records.link.remove' })}</button>
    </div>
  </li>`;
}

/** The first field declared as a URL: a new link starts from it. */
const urlField = (host: RecordsHost): string | undefined => {
  const fields = Array.isArray(host.layer.fields) ? host.layer.fields : [];
  const found = fields.find((f) => isObject(f) && f.type === 'url');
  return isObject(found) && typeof found.name === 'string' ? found.name : undefined;
};

/** The record template fieldset; `preview` (the record as the viewer draws it) comes first, above what changes it. */
export function popupPart(host: RecordsHost, preview: TemplateResult): TemplateResult {
  const popupPath = [...host.layerPath, 'popup'];
  const popup = isObject(host.layer.popup) ? host.layer.popup : {};
  const sections = Array.isArray(popup.sections) ? popup.sections : undefined;
  const links = Array.isArray(popup.links) ? popup.links : [];
  const undo = msg('fiche', { id: 'studio.records.undo.popup' });
  const firstTitle = host.fieldNames[0] ? `{{${host.fieldNames[0]}}}` : undefined;
  const addSection = (): void =>
    host.edit(
      sections
        ? { type: 'insert', path: [...popupPath, 'sections'], index: sections.length, value: { fields: [] } }
        : // The fields listed without sections become the first section's.
          { type: 'set', path: [...popupPath, 'sections'], value: [{ fields: Array.isArray(popup.fields) ? popup.fields : [] }] },
      { label: msg('section de la fiche', { id: 'studio.records.undo.section' }) },
    );
  return html`<fieldset>
    <legend>${msg('Fiche', { id: 'studio.records.popup' })}</legend>
    ${preview}
    <label class="check">
      <input
        type="checkbox"
        .checked=${live(popup.enabled !== false)}
        @change=${(e: Event) => host.edit({ type: 'set', path: [...popupPath, 'enabled'], value: (e.target as HTMLInputElement).checked ? undefined : false }, { label: undo })}
      />
      ${msg('Un clic sur la carte ouvre la fiche', { id: 'studio.records.popup.enabled' })}
    </label>
    ${localizedInput(host, { path: [...popupPath, 'title'], label: msg('Titre de la fiche', { id: 'studio.records.popup.title' }), template: true, undoLabel: msg('titre de la fiche', { id: 'studio.records.undo.title' }) })}
    ${!popup.title && firstTitle ? html`<p class="hint">${msg(str`Sans titre, la fiche prend le premier champ texte (par exemple ${firstTitle}).`, { id: 'studio.records.popup.titleHint' })}</p>` : nothing}
    ${localizedInput(host, { path: [...popupPath, 'subtitle'], label: msg('Sous-titre de la fiche', { id: 'studio.records.popup.subtitle' }), template: true, undoLabel: msg('sous-titre de la fiche', { id: 'studio.records.undo.subtitle' }) })}
    <p class="hint">${msg('{{champ}} insère une valeur ; {{#champ}}…{{/champ}} n’apparaît que si le champ a une valeur.', { id: 'studio.records.popup.syntax' })}</p>
    <h3>${msg('Sections', { id: 'studio.records.sections' })}</h3>
    ${sections
      ? html`<ol class="sections">
          ${sections.map((section, index) => (isObject(section) ? sectionEditor(host, section, index, sections.length) : nothing))}
        </ol>`
      : Array.isArray(popup.fields)
        ? html`<p class="label">${msg('Champs montrés', { id: 'studio.records.popup.fields' })}</p>
            ${orderedFields(host, { path: [...popupPath, 'fields'], name: msg('champs de la fiche', { id: 'studio.records.popup.fieldsName' }), items: popup.fields })}`
        : html`<p class="hint">${msg('Sans section, la fiche montre tous les champs qui ont une valeur.', { id: 'studio.records.sections.none' })}</p>`}
    <button type="button" @click=${addSection}>${msg('Ajouter une section', { id: 'studio.records.section.add' })}</button>
    <h3>${msg('Liens', { id: 'studio.records.links' })}</h3>
    <p class="hint">
      ${msg('Un champ de type Lien (URL), Courriel ou Téléphone s’affiche déjà en lien. Un lien ajouté ici a une adresse modèle, par exemple {{site_web}} ou https://exemple.fr/sites/{{id_site}} (seuls http(s), mailto et tel sont gardés).', { id: 'studio.records.links.hint' })}
    </p>
    ${links.length ? html`<ol class="sections">${links.map((_, index) => linkEditor(host, index))}</ol>` : nothing}
    <button
      type="button"
      @click=${() =>
        host.edit(
          { type: 'insert', path: [...popupPath, 'links'], index: links.length, value: { label: { fr: 'En savoir plus', en: 'More' }, url: urlField(host) ? `{{${urlField(host)}}}` : 'https://' } },
          { label: msg('lien de la fiche', { id: 'studio.records.undo.link' }) },
        )}
    >
      ${msg('Ajouter un lien', { id: 'studio.records.link.add' })}
    </button>
  </fieldset>`;
}
