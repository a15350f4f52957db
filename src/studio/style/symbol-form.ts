/** The style editor's symbol and label parts: one symbol for its geometry, the labels of the layer. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { msg } from '@lit/localize';
import type { LabelStyle, Symbolizer } from '../../context/types.js';
import { getAt, type JsonPath, type JsonValue } from '../model/json.js';
import { fieldProblems } from '../shell/field-problems.js';
import { colourParts, withAlpha } from './colour.js';
import { colourControl, numberControl } from './controls.js';
import { fieldText, type StyleForm } from './form.js';
import { DEFAULT_COLOURS } from './palettes.js';

const DASHES: Record<string, readonly number[] | undefined> = { solid: undefined, dashed: [8, 4], dotted: [2, 4] };
const dashName = (dash: readonly number[] | undefined): string => Object.entries(DASHES).find(([, d]) => JSON.stringify(d) === JSON.stringify(dash))?.[0] ?? 'custom';

/** The controls of one symbol (at `path` in the style); `id` prefixes its fields' ids. */
export function symbolForm(form: StyleForm, path: JsonPath, id: string): TemplateResult {
  const symbol = (getAt(form.style, path) ?? {}) as Symbolizer;
  const put = (next: Symbolizer, part: string, label: string): void =>
    form.set(path, next as unknown as JsonValue, label, { merge: true, mergeOn: [...path, part] });
  const stroke = symbol.stroke ?? { color: DEFAULT_COLOURS.line, width: 1 };
  switch (form.geometry) {
    case 'point': {
      const marker = symbol.marker ?? { shape: 'circle' as const, radius: 5 };
      if (marker.shape === 'icon') {
        return html`<div class="row">
          <div>
            <label for=${`${id}-src`}>${msg('Adresse de l’icône', { id: 'studio.style.iconSrc' })}</label>
            <input id=${`${id}-src`} .value=${live(marker.src)} @input=${(e: Event) => put({ ...symbol, marker: { ...marker, src: (e.target as HTMLInputElement).value } }, 'src', msg('icône', { id: 'studio.style.step.icon' }))} />
          </div>
          ${numberControl({ id: `${id}-scale`, label: msg('Échelle de l’icône', { id: 'studio.style.iconScale' }), value: marker.scale, min: 0.05, max: 10, step: 0.05, change: (scale) => put({ ...symbol, marker: { ...marker, scale: scale ?? 1 } }, 'scale', msg('taille', { id: 'studio.style.step.size' })) })}
        </div>`;
      }
      const circleStroke = marker.stroke ?? { color: DEFAULT_COLOURS.outline, width: 1 };
      return html`<div class="grid">
        ${numberControl({ id: `${id}-radius`, label: msg('Rayon (px)', { id: 'studio.style.radius' }), value: marker.radius, min: 1, max: 40, step: 1, change: (radius) => put({ ...symbol, marker: { ...marker, radius: radius ?? 5 } }, 'radius', msg('taille', { id: 'studio.style.step.size' })) })}
        ${colourControl({ id: `${id}-fill`, label: msg('Remplissage', { id: 'studio.style.fill' }), value: colourParts(marker.fill?.color)?.hex, change: (hex) => put({ ...symbol, marker: { ...marker, fill: { color: hex } } }, 'fill', msg('couleur', { id: 'studio.style.step.colour' })) })}
        ${colourControl({ id: `${id}-stroke`, label: msg('Contour', { id: 'studio.style.stroke' }), value: colourParts(circleStroke.color)?.hex, change: (hex) => put({ ...symbol, marker: { ...marker, stroke: { ...circleStroke, color: hex } } }, 'stroke', msg('contour', { id: 'studio.style.step.stroke' })) })}
        ${numberControl({ id: `${id}-stroke-width`, label: msg('Épaisseur du contour (px)', { id: 'studio.style.strokeWidth' }), value: circleStroke.width, min: 0, max: 10, step: 0.5, change: (width) => put({ ...symbol, marker: { ...marker, stroke: { ...circleStroke, width: width ?? 0 } } }, 'stroke-width', msg('contour', { id: 'studio.style.step.stroke' })) })}
      </div>`;
    }
    case 'line':
      return html`<div class="grid">
        ${colourControl({ id: `${id}-stroke`, label: msg('Couleur du trait', { id: 'studio.style.lineColour' }), value: colourParts(stroke.color)?.hex, change: (hex) => put({ ...symbol, stroke: { ...stroke, color: hex } }, 'stroke', msg('couleur', { id: 'studio.style.step.colour' })) })}
        ${numberControl({ id: `${id}-stroke-width`, label: msg('Épaisseur (px)', { id: 'studio.style.lineWidth' }), value: stroke.width, min: 0, max: 20, step: 0.5, change: (width) => put({ ...symbol, stroke: { ...stroke, width: width ?? 1 } }, 'stroke-width', msg('épaisseur', { id: 'studio.style.step.width' })) })}
        <div>
          <label for=${`${id}-dash`}>${msg('Trait', { id: 'studio.style.dash' })}</label>
          <select id=${`${id}-dash`} @change=${(e: Event) => {
            const dash = DASHES[(e.target as HTMLSelectElement).value];
            const { dash: _old, ...rest } = stroke;
            put({ ...symbol, stroke: dash ? { ...rest, dash } : rest }, 'dash', msg('trait', { id: 'studio.style.step.dash' }));
          }}>
            ${[
              ['solid', msg('Continu', { id: 'studio.style.dash.solid' })],
              ['dashed', msg('Tirets', { id: 'studio.style.dash.dashed' })],
              ['dotted', msg('Pointillés', { id: 'studio.style.dash.dotted' })],
            ].map(([value, text]) => html`<option value=${value!} ?selected=${dashName(stroke.dash) === value}>${text}</option>`)}
            ${dashName(stroke.dash) === 'custom' ? html`<option value="custom" selected disabled>${stroke.dash!.join(' ')}</option>` : nothing}
          </select>
        </div>
      </div>`;
    case 'polygon': {
      const fill = colourParts(symbol.fill?.color) ?? { hex: DEFAULT_COLOURS.fill, alpha: 0.35 };
      return html`<div class="grid">
        ${colourControl({ id: `${id}-fill`, label: msg('Remplissage', { id: 'studio.style.fill' }), value: fill.hex, change: (hex) => put({ ...symbol, fill: { color: withAlpha(hex, fill.alpha) } }, 'fill', msg('couleur', { id: 'studio.style.step.colour' })) })}
        ${numberControl({ id: `${id}-opacity`, label: msg('Opacité du remplissage (%)', { id: 'studio.style.fillOpacity' }), value: Math.round(fill.alpha * 100), min: 0, max: 100, step: 5, change: (percent) => put({ ...symbol, fill: { color: withAlpha(fill.hex, (percent ?? 100) / 100) } }, 'opacity', msg('opacité', { id: 'studio.style.step.opacity' })) })}
        ${colourControl({ id: `${id}-stroke`, label: msg('Contour', { id: 'studio.style.stroke' }), value: colourParts(stroke.color)?.hex, change: (hex) => put({ ...symbol, stroke: { ...stroke, color: hex } }, 'stroke', msg('contour', { id: 'studio.style.step.stroke' })) })}
        ${numberControl({ id: `${id}-stroke-width`, label: msg('Épaisseur du contour (px)', { id: 'studio.style.strokeWidth' }), value: stroke.width, min: 0, max: 10, step: 0.5, change: (width) => put({ ...symbol, stroke: { ...stroke, width: width ?? 0 } }, 'stroke-width', msg('contour', { id: 'studio.style.step.stroke' })) })}
      </div>`;
    }
  }
}

/** The layer's labels: which field, size, colours, up to which scale. */
export function labelForm(form: StyleForm): TemplateResult {
  const label = form.style['label'] as Partial<LabelStyle> | undefined;
  const set = (key: keyof LabelStyle, value: JsonValue | undefined, step: string): void => form.set(['label', key], value, step, { merge: true });
  const step = msg('étiquettes', { id: 'studio.style.step.labels' });
  const chooseField = (event: Event): void => {
    const field = (event.target as HTMLSelectElement).value;
    if (!field) form.set(['label'], undefined, step);
    else if (label) form.set(['label', 'field'], field, step);
    else form.set(['label'], { field, color: DEFAULT_COLOURS.label, haloColor: DEFAULT_COLOURS.halo, size: 12 }, step);
  };
  return html`<fieldset>
    <legend>${msg('Étiquettes', { id: 'studio.style.labels' })}</legend>
    <label for="label-field">${msg('Champ affiché', { id: 'studio.style.labelField' })}</label>
    <select id="label-field" @change=${chooseField}>
      <option value="" ?selected=${!label}>${msg('Aucune étiquette', { id: 'studio.style.noLabel' })}</option>
      ${form.fields.map((f) => html`<option value=${f.name} ?selected=${label?.field === f.name}>${fieldText(f)}</option>`)}
    </select>
    ${label
      ? html`<div class="grid">
          ${numberControl({ id: 'label-size', label: msg('Taille (px)', { id: 'studio.style.labelSize' }), value: label.size ?? 12, min: 6, max: 48, step: 1, change: (size) => set('size', size ?? 12, step) })}
          ${colourControl({ id: 'label-colour', label: msg('Couleur du texte', { id: 'studio.style.labelColour' }), value: colourParts(label.color ?? DEFAULT_COLOURS.label)?.hex, change: (hex) => set('color', hex, step) })}
          ${colourControl({ id: 'label-halo', label: msg('Halo', { id: 'studio.style.labelHalo' }), value: colourParts(label.haloColor ?? DEFAULT_COLOURS.halo)?.hex, change: (hex) => set('haloColor', hex, step) })}
          ${numberControl({
            id: 'label-max-scale',
            label: msg('Échelle maximale (1 : …)', { id: 'studio.style.labelMaxScale' }),
            value: label.maxScale,
            min: 1,
            step: 1000,
            optional: true,
            hint: msg('Les étiquettes s’affichent quand la carte est plus détaillée que cette échelle (vide : toujours).', { id: 'studio.style.labelMaxScaleHint' }),
            change: (scale) => set('maxScale', scale, step),
          })}
        </div>
        ${fieldProblems(form.problems, form.pointer(['label']), 'label-problems', form.language, true)}`
      : nothing}
  </fieldset>`;
}
