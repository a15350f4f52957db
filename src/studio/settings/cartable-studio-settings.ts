import { css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import type { SiteConfig } from '../../context/types.js';
import type { EditOptions, StudioEdit } from '../model/edits.js';
import { getAt, isObject, type JsonObject } from '../model/json.js';
import { emitStudio } from '../events.js';
import { studioForm } from '../shell/studio-styles.js';
import { StudioEditor } from '../shell/studio-editor.js';
import { fieldProblems } from '../shell/field-problems.js';
import { described, localizedField, stringField, textList, type FieldContext } from './fields.js';
import { viewSection, type FrameStatus } from './view-section.js';
import { basemapsSection } from './basemaps-section.js';
import { frameEdit } from './view-frame.js';

/**
 * @summary Studio, « Carte »: the map's id, titles, description, tags, access, attributions, opening
 * view and basemaps. Takes the studio's state down; sends changes up as `cartable-studio-edit` events.
 * @fires cartable-studio-edit - a change to the document
 */
@localized()
@element('cartable-studio-settings')
export class CartableStudioSettings extends StudioEditor {
  static override styles = [
    base,
    studioForm,
    css`
      :host {
        display: block;
      }
      ul.items,
      ul.basemaps {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ul.items > li {
        border-bottom: 1px solid var(--cartable-border);
        padding-bottom: var(--cartable-space-2);
        margin-bottom: var(--cartable-space-2);
      }
      button.remove {
        margin-top: var(--cartable-space-1);
      }
      li.basemap {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: var(--cartable-space-1) var(--cartable-space-2);
        padding: var(--cartable-space-1) 0;
        border-bottom: 1px solid var(--cartable-border);
      }
      li.basemap label {
        display: inline;
        margin: 0;
        font-weight: normal;
        font-size: var(--cartable-font-size);
      }
      .choice,
      .controls {
        display: inline-flex;
        align-items: center;
        gap: var(--cartable-space-2);
      }
      .origin {
        color: var(--cartable-muted);
        font-size: var(--cartable-font-size-small);
      }
      .controls button {
        min-width: 2rem;
        padding: 0 var(--cartable-space-2);
      }
      .row {
        align-items: start;
      }
      .view-now {
        margin: 0 0 var(--cartable-space-1);
      }
      .frame-status:empty {
        display: none;
      }
      .frame-status {
        margin: var(--cartable-space-1) 0 0;
        font-size: var(--cartable-font-size-small);
      }
    `,
  ];

  @property({ attribute: false }) site?: SiteConfig;

  @state() private frameStatus: FrameStatus = 'idle';

  #edit(edit: StudioEdit, options?: EditOptions): void {
    emitStudio(this, 'cartable-studio-edit', { edit, options });
  }

  /** Moves the focus to a field once it is drawn (a new tag's input). */
  #focusSoon = (id: string): void => {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus());
  };

  async #frame(): Promise<void> {
    const document = this.state?.document;
    if (!document) return;
    this.frameStatus = 'framing';
    const view = await this.data?.currentView();
    if (!view) {
      this.frameStatus = 'no-map';
      return;
    }
    // The document may have changed while the preview answered: frame the one shown now.
    this.#edit(frameEdit(this.state?.document ?? document, view), { label: msg('vue à l’ouverture', { id: 'studio.settings.view.step' }) });
    this.frameStatus = 'framed';
  }

  #access(ctx: FieldContext): TemplateResult {
    const access = getAt(ctx.document, ['access']);
    const level = isObject(access) && access.level === 'restricted' ? 'restricted' : 'public';
    const label = msg('Qui peut ouvrir la carte', { id: 'studio.settings.access.level' });
    const { describedBy, invalid } = described(ctx, '/access', 'f-access-problems', 'f-access-hint');
    const change = (event: Event): void => {
      const next = (event.target as HTMLSelectElement).value;
      // Groups mean nothing on a public map: they go with it (in the same step, undone together).
      const value: JsonObject = { level: next === 'restricted' ? 'restricted' : 'public' };
      this.#edit({ type: 'set', path: ['access'], value }, { label });
    };
    return html`<fieldset>
      <legend>${msg('Accès', { id: 'studio.settings.access' })}</legend>
      <label for="f-access-level">${label}</label>
      <select id="f-access-level" aria-describedby=${describedBy ?? 'f-access-hint'} aria-invalid=${invalid ? 'true' : 'false'} @change=${change}>
        <option value="public" ?selected=${level === 'public'}>${msg('Tout le monde (carte publique)', { id: 'studio.settings.access.public' })}</option>
        <option value="restricted" ?selected=${level === 'restricted'}>${msg('Personnes connectées (carte réservée)', { id: 'studio.settings.access.restricted' })}</option>
      </select>
      <p class="hint" id="f-access-hint">
        ${level === 'restricted'
          ? msg('Réservée : la carte est publiée à part, derrière la connexion du site. Sans groupe, toute personne connectée l’ouvre.', { id: 'studio.settings.access.restrictedHint' })
          : msg('Publique : la carte figure au catalogue du site.', { id: 'studio.settings.access.publicHint' })}
      </p>
      ${fieldProblems(ctx.problems, '/access', 'f-access-problems', ctx.language)}
      ${level === 'restricted'
        ? textList(
            ctx,
            ['access', 'groups'],
            {
              legend: msg('Groupes autorisés', { id: 'studio.settings.groups' }),
              itemName: (n) => msg(str`Groupe ${n}`, { id: 'studio.settings.group' }),
              addLabel: msg('Ajouter un groupe', { id: 'studio.settings.group.add' }),
              localized: false,
              hint: msg('Les noms de groupes du fournisseur d’identité.', { id: 'studio.settings.groups.hint' }),
            },
            this.#focusSoon,
          )
        : ''}
    </fieldset>`;
  }

  override render(): TemplateResult {
    const studio = this.state;
    if (!studio) return html``;
    const ctx: FieldContext = { document: studio.document, problems: studio.problems, language: this.language, edit: (edit, options) => this.#edit(edit, options) };
    const id = getAt(studio.document, ['id']);
    return html`<fieldset>
        <legend>${msg('Identité', { id: 'studio.settings.identity' })}</legend>
        ${stringField(ctx, ['id'], {
          label: msg('Identifiant', { id: 'studio.settings.id' }),
          required: true,
          hint: msg(str`Lettres sans accent, chiffres, « _ », « . » et « - » ; commence par une lettre ou un chiffre ; 80 caractères au plus. La carte s’enregistre dans maps/${typeof id === 'string' && id ? id : '…'}.json.`, {
            id: 'studio.settings.id.rule',
          }),
        })}
        ${localizedField(ctx, ['title'], { label: msg('Titre', { id: 'studio.settings.title' }), required: true })}
        ${localizedField(ctx, ['description'], { label: msg('Description', { id: 'studio.settings.description' }), multiline: true })}
      </fieldset>
      ${textList(
        ctx,
        ['tags'],
        {
          legend: msg('Mots-clés', { id: 'studio.settings.tags' }),
          itemName: (n) => msg(str`Mot-clé ${n}`, { id: 'studio.settings.tag' }),
          addLabel: msg('Ajouter un mot-clé', { id: 'studio.settings.tag.add' }),
          localized: true,
          hint: msg('Sans texte anglais, le texte français vaut pour toutes les langues.', { id: 'studio.settings.tags.hint' }),
        },
        this.#focusSoon,
      )}
      ${this.#access(ctx)}
      ${textList(
        ctx,
        ['attributions'],
        {
          legend: msg('Attributions', { id: 'studio.settings.attributions' }),
          itemName: (n) => msg(str`Attribution ${n}`, { id: 'studio.settings.attribution' }),
          addLabel: msg('Ajouter une attribution', { id: 'studio.settings.attribution.add' }),
          localized: true,
          hint: msg('Les sources des données, affichées sur la carte.', { id: 'studio.settings.attributions.hint' }),
        },
        this.#focusSoon,
      )}
      ${viewSection(ctx, this.frameStatus, () => void this.#frame())} ${basemapsSection(ctx, this.site)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-settings': CartableStudioSettings;
  }
}
