import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { msg, str } from '@lit/localize';
import type { SiteConfig } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import type { StudioEdit } from '../model/edits.js';
import { getAt, isObject, type JsonValue } from '../model/json.js';
import { fieldProblems } from '../shell/field-problems.js';
import { activeBasemapId, basemapChoices, indexOfBasemap, type BasemapChoice } from './basemap-choices.js';
import type { FieldContext } from './fields.js';

const originText = (origin: BasemapChoice['origin']): string => {
  switch (origin) {
    case 'site':
      return msg('fond par défaut du site', { id: 'studio.settings.basemap.site' });
    case 'geoplateforme':
      return msg('Géoplateforme IGN', { id: 'studio.settings.basemap.geopf' });
    case 'empty':
      return msg('le fond de la page', { id: 'studio.settings.basemap.empty' });
    case 'document':
      return msg('de ce document', { id: 'studio.settings.basemap.document' });
  }
};

/** The edit that makes `id` the basemap shown at opening (the others lose `active`). */
function activate(basemaps: readonly JsonValue[], id: string): StudioEdit {
  const edits: StudioEdit[] = basemaps.flatMap((basemap, index): StudioEdit[] => {
    if (!isObject(basemap)) return [];
    if (basemap.id === id) return [{ type: 'set', path: ['basemaps', index, 'active'], value: true }];
    return 'active' in basemap ? [{ type: 'set', path: ['basemaps', index, 'active'], value: undefined }] : [];
  });
  return { type: 'batch', edits };
}

/**
 * The basemaps: each choice (the site's default, the Géoplateforme's, none, the document's own) with a
 * checkbox; those checked in the document's order, with which one shows at opening and arrows to order them.
 */
export function basemapsSection(ctx: FieldContext, site: SiteConfig | undefined): TemplateResult {
  const value = getAt(ctx.document, ['basemaps']);
  const basemaps: JsonValue[] = Array.isArray(value) ? value : [];
  const choices = basemapChoices(site, basemaps);
  const chosenIds = basemaps.map((b) => (isObject(b) && typeof b.id === 'string' ? b.id : '')).filter(Boolean);
  const chosen = chosenIds.map((id) => choices.find((c) => c.basemap.id === id)!).filter(Boolean);
  const others = choices.filter((c) => !chosenIds.includes(c.basemap.id as string));
  const active = activeBasemapId(basemaps);
  const nameOf = (choice: BasemapChoice): string => textFor(choice.basemap.title as never, ctx.language);

  const row = (choice: BasemapChoice): TemplateResult => {
    const id = choice.basemap.id as string;
    const index = indexOfBasemap(basemaps, id);
    const name = nameOf(choice);
    const checkboxId = `basemap-${id}`;
    const toggle = (event: Event): void => {
      const checked = (event.target as HTMLInputElement).checked;
      if (checked) ctx.edit({ type: 'insert', path: ['basemaps'], index: basemaps.length, value: choice.basemap }, { label: msg(str`ajouter le fond ${name}`, { id: 'studio.settings.basemap.addStep' }) });
      else ctx.edit({ type: 'set', path: ['basemaps', index], value: undefined }, { label: msg(str`retirer le fond ${name}`, { id: 'studio.settings.basemap.removeStep' }) });
    };
    const move = (to: number): void =>
      ctx.edit({ type: 'move', from: { path: ['basemaps'], index }, to: { path: ['basemaps'], index: to } }, { label: msg('ordre des fonds', { id: 'studio.settings.basemap.orderStep' }) });
    return html`<li class="basemap">
      <span class="choice">
        <input type="checkbox" id=${checkboxId} .checked=${live(index >= 0)} @change=${toggle} />
        <label for=${checkboxId}>${name} <span class="origin">(${originText(choice.origin)})</span></label>
      </span>
      ${index >= 0
        ? html`<span class="controls">
            <label class="active">
              <input
                type="radio"
                name="active-basemap"
                .checked=${live(active === id)}
                @change=${() => ctx.edit(activate(basemaps, id), { label: msg('fond affiché à l’ouverture', { id: 'studio.settings.basemap.activeStep' }) })}
              />
              ${msg('à l’ouverture', { id: 'studio.settings.basemap.active' })}
              <span class="visually-hidden">: ${name}</span>
            </label>
            <button type="button" ?disabled=${index === 0} @click=${() => move(index - 1)} aria-label=${msg(str`Monter : ${name}`, { id: 'studio.settings.basemap.up' })}>↑</button>
            <button
              type="button"
              ?disabled=${index === basemaps.length - 1}
              @click=${() => move(index + 1)}
              aria-label=${msg(str`Descendre : ${name}`, { id: 'studio.settings.basemap.down' })}
            >
              ↓
            </button>
          </span>`
        : nothing}
    </li>`;
  };

  return html`<fieldset>
    <legend>${msg('Fonds de carte', { id: 'studio.settings.basemaps' })}</legend>
    <p class="hint">${msg('Cochez les fonds que la carte propose, puis choisissez celui affiché à l’ouverture et leur ordre.', { id: 'studio.settings.basemaps.hint' })}</p>
    <ul class="basemaps">
      ${repeat([...chosen, ...others], (choice) => choice.basemap.id as string, row)}
    </ul>
    ${fieldProblems(ctx.problems, '/basemaps', 'f-basemaps-problems', ctx.language, true)}
  </fieldset>`;
}
