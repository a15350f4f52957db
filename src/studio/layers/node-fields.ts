/**
 * The selected node's fields: its title in French and English, and for a layer its visibility,
 * opacity and scale limits. Each field shows its problems beside it (shell/field-problems.ts).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { Problem } from '../../context/problems.js';
import { fieldProblems, problemsAt } from '../shell/field-problems.js';
import { sectionOfProblem } from '../shell/sections.js';
import { isObject, pointerOf, type JsonObject, type JsonPath, type JsonValue } from '../model/json.js';

export interface NodeFieldsHost {
  readonly problems: readonly Problem[];
  readonly language: string;
  /** Sets a value at a path of the node (undefined removes it); `merge` makes typing one undo step. */
  set(path: JsonPath, value: JsonValue | undefined, label: string, merge?: string): void;
}

/** « 25 000 » for 25000 (the French thousands separator, a narrow no-break space). */
export const formatScale = (denominator: number, language: string): string => new Intl.NumberFormat(language === 'en' ? 'en' : 'fr').format(denominator);

/** The denominator of « 1:25 000 », « 25 000 » or « 25000 »; null for an empty field; NaN when unreadable. */
export function parseScale(text: string): number | null {
  const digits = text.replace(/^\s*1\s*[:/]\s*/, '').replace(/[\s\u00a0\u202f.,']/g, '');
  if (digits === '') return null;
  return /^\d+$/.test(digits) && Number(digits) > 0 ? Number(digits) : NaN;
}

const id = (pointer: string, field: string): string => `p${pointer.replace(/[^A-Za-z0-9]/g, '-')}-${field}`;

function titleField(node: JsonObject, path: JsonPath, host: NodeFieldsHost, language: 'fr' | 'en'): TemplateResult {
  const title = node.title;
  const value = typeof title === 'string' ? (language === 'fr' ? title : '') : isObject(title) && typeof title[language] === 'string' ? title[language] : '';
  const pointer = pointerOf([...path, 'title']);
  const problemId = id(pointer, language);
  const invalid = problemsAt(host.problems, pointer, host.language, true).length > 0;
  const label = language === 'fr' ? msg('Titre (français)', { id: 'studio.layers.title.fr' }) : msg('Titre (anglais)', { id: 'studio.layers.title.en' });
  const onInput = (event: Event): void => {
    const text = (event.target as HTMLInputElement).value;
    // A title written as one string becomes its French text; the other language is kept.
    const current: JsonObject = isObject(title) ? { ...title } : typeof title === 'string' ? { fr: title } : {};
    current[language] = text;
    host.set([...path, 'title'], current, msg('titre', { id: 'studio.layers.title.undo' }), `${pointer}/${language}`);
  };
  return html`<label for=${`title-${language}`}>${label}</label>
    <input id=${`title-${language}`} .value=${value} @input=${onInput} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? problemId : nothing} />
    ${language === 'fr' ? fieldProblems(host.problems, pointer, problemId, host.language, true) : nothing}`;
}

function scaleField(node: JsonObject, path: JsonPath, host: NodeFieldsHost, key: 'minScale' | 'maxScale'): TemplateResult {
  const pointer = pointerOf([...path, key]);
  const problemId = id(pointer, key);
  const value = typeof node[key] === 'number' ? formatScale(node[key], host.language) : '';
  const invalid = problemsAt(host.problems, pointer, host.language).length > 0;
  const label =
    key === 'maxScale'
      ? msg('Masquée quand la vue est plus large que 1:', { id: 'studio.layers.maxScale' })
      : msg('Masquée quand la vue est plus détaillée que 1:', { id: 'studio.layers.minScale' });
  const onChange = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const denominator = parseScale(input.value);
    if (Number.isNaN(denominator)) {
      input.setCustomValidity(msg('Écrivez le dénominateur d’une échelle, par exemple 25 000.', { id: 'studio.layers.scale.invalid' }));
      input.reportValidity();
      return;
    }
    input.setCustomValidity('');
    host.set([...path, key], denominator ?? undefined, msg('échelle', { id: 'studio.layers.scale.undo' }));
  };
  return html`<div>
    <label for=${key}>${label}</label>
    <input id=${key} inputmode="numeric" placeholder="25 000" .value=${value} @change=${onChange} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${invalid ? problemId : nothing} />
    ${fieldProblems(host.problems, pointer, problemId, host.language)}
  </div>`;
}

/** The fields of the node at `path` (a group has only its title). */
export function nodeFields(node: JsonObject, path: JsonPath, host: NodeFieldsHost, group: boolean): TemplateResult {
  const pointer = pointerOf(path);
  const opacity = typeof node.opacity === 'number' ? node.opacity : 1;
  const visible = node.visible !== false;
  // The node's problems that no field here shows (its id, its data…), unless another section's editor does.
  const shown = ['title', 'visible', 'opacity', 'minScale', 'maxScale', 'layers'].map((key) => `${pointer}/${key}`);
  const own = host.problems.filter(
    (p) => (p.path === pointer || (p.path.startsWith(`${pointer}/`) && !shown.some((at) => p.path === at || p.path.startsWith(`${at}/`)))) && sectionOfProblem(p.path) === 'layers',
  );
  return html`${titleField(node, path, host, 'fr')} ${titleField(node, path, host, 'en')}
    ${own.length ? fieldProblems(own, pointer, id(pointer, 'node'), host.language, true) : nothing}
    ${group
      ? nothing
      : html`<label class="check"
            ><input type="checkbox" .checked=${visible} @change=${(e: Event) => host.set([...path, 'visible'], (e.target as HTMLInputElement).checked ? undefined : false, msg('visibilité', { id: 'studio.layers.visible.undo' }))} />
            ${msg('Visible à l’ouverture de la carte', { id: 'studio.layers.visible' })}</label
          >
          <label for="opacity">${msg('Opacité', { id: 'studio.layers.opacity' })} <output for="opacity">${Math.round(opacity * 100)} %</output></label>
          <input
            id="opacity"
            type="range"
            min="0"
            max="1"
            step="0.05"
            .value=${String(opacity)}
            aria-valuetext=${`${Math.round(opacity * 100)} %`}
            @input=${(e: Event) => {
              const value = Number((e.target as HTMLInputElement).value);
              host.set([...path, 'opacity'], value === 1 ? undefined : value, msg('opacité', { id: 'studio.layers.opacity.undo' }), pointerOf([...path, 'opacity']));
            }}
          />
          ${fieldProblems(host.problems, pointerOf([...path, 'opacity']), id(pointer, 'opacity'), host.language)}
          <fieldset class="scales">
            <legend>${msg('Échelles d’affichage', { id: 'studio.layers.scales' })}</legend>
            <p class="hint">${msg('Laissez vide pour afficher la couche à toutes les échelles.', { id: 'studio.layers.scales.hint' })}</p>
            ${scaleField(node, path, host, 'maxScale')} ${scaleField(node, path, host, 'minScale')}
          </fieldset>`}`;
}
