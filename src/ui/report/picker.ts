/** The report's « Le lieu » part as templates: the kinds of place, and the controls of the one chosen. */
import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { CommuneSource } from '../../communes/types.js';
import type { Place } from '../../report/types.js';
import './cartable-commune-picker.js';
import { placeText } from './texts.js';

export type PlaceMode = 'commune' | 'feature' | 'area' | 'line' | 'circle';

/** « Une commune » on a map that offers communes. */
export interface CommunePickerView {
  /** None until its code has loaded. */
  readonly source?: CommuneSource;
  /** Why there is no source (its code did not load). */
  readonly unavailable: string;
  /** The map's territory in WGS84, for ranking. */
  readonly territory?: readonly [number, number, number, number];
}

export interface PickerView {
  readonly mode: PlaceMode;
  readonly picking?: 'feature' | 'point' | 'draw';
  /** Vertices placed so far while drawing. */
  readonly vertices: number;
  readonly place?: Place;
  /** The map's projection (the place's geometry's): with it, a point is named by its coordinates at once. */
  readonly projection?: string;
  readonly language: string;
  /** The open record is an area feature (« Utiliser l’objet ouvert »). */
  readonly selectionIsArea: boolean;
  readonly radiusKm: number;
  readonly lineKm: number;
  readonly typed: string;
  /** Set when the map offers communes: « Une commune » comes first. */
  readonly commune?: CommunePickerView;
  readonly onMode: (mode: PlaceMode) => void;
  readonly onPick: (what: 'feature' | 'point') => void;
  readonly onDraw: () => void;
  readonly onFinish: () => void;
  readonly onUndo: () => void;
  readonly onCancel: () => void;
  readonly onUseSelected: () => void;
  readonly onUseCentre: () => void;
  readonly onKm: (key: 'radiusKm' | 'lineKm', value: number) => void;
  readonly onTyped: (text: string) => void;
  readonly onAddCentre: () => void;
  readonly onUseTyped: () => void;
}

export function pickerTemplate(view: PickerView): TemplateResult {
  const modes: Array<[PlaceMode, string]> = [
    ...(view.commune ? [['commune', msg('Une commune', { id: 'report.mode.commune' })] as [PlaceMode, string]] : []),
    ['feature', msg('Un objet de la carte', { id: 'report.mode.feature' })],
    ['circle', msg('Un point et un rayon', { id: 'report.mode.circle' })],
    ['area', msg('Une zone tracée', { id: 'report.mode.area' })],
    ['line', msg('Une ligne tracée', { id: 'report.mode.line' })],
  ];
  return html`<fieldset>
      <legend>${msg('Le lieu', { id: 'report.place' })}</legend>
      <div class="modes">
        ${modes.map(([mode, label]) => html`<label><input type="radio" name="mode" .checked=${view.mode === mode} @change=${() => view.onMode(mode)} />${label}</label>`)}
      </div>
    </fieldset>
    ${view.picking ? pickingTemplate(view) : modeControls(view)}
    ${view.place ? html`<p><strong>${msg('Lieu :', { id: 'report.place.current' })}</strong> ${placeText(view.place, view.language, view.projection)}</p>` : nothing}`;
}

function pickingTemplate(view: PickerView): TemplateResult {
  return html`<p class="picking">
    ${view.picking === 'draw'
      ? msg('Cliquez sur la carte pour placer les sommets, double-cliquez pour finir. Échap annule.', { id: 'report.picking.draw' })
      : view.picking === 'point'
        ? msg('Cliquez le point sur la carte. Échap annule.', { id: 'report.picking.point' })
        : msg('Cliquez une commune ou une zone sur la carte. Échap annule.', { id: 'report.picking.feature' })}
    ${view.picking === 'draw'
      ? html`<span class="row">
          <button class="button" ?disabled=${view.vertices < (view.mode === 'line' ? 2 : 3)} @click=${view.onFinish}>${msg('Terminer le tracé', { id: 'report.draw.finish' })}</button>
          <button class="button" ?disabled=${view.vertices === 0} @click=${view.onUndo}>${msg('Retirer le dernier sommet', { id: 'report.draw.undo' })}</button>
        </span>`
      : nothing}
    <button class="button" @click=${view.onCancel}>${msg('Annuler', { id: 'report.cancel' })}</button>
  </p>`;
}

const readKm = (view: PickerView, key: 'radiusKm' | 'lineKm') => (event: Event) => {
  const value = (event.target as HTMLInputElement).valueAsNumber;
  if (Number.isFinite(value) && value >= 0) view.onKm(key, value);
};

function modeControls(view: PickerView): TemplateResult {
  switch (view.mode) {
    case 'commune':
      return html`<cartable-commune-picker
        .source=${view.commune?.source}
        .territory=${view.commune?.territory}
        .unavailable=${view.commune?.unavailable ?? ''}
      ></cartable-commune-picker>`;
    case 'feature':
      return html`<p class="help">
          ${msg('Une commune, une zone protégée… : tout objet surfacique d’une couche de la carte, cliqué ou trouvé par la recherche.', { id: 'report.help.feature' })}
        </p>
        <div class="row">
          <button class="button primary" @click=${() => view.onPick('feature')}>${msg('Cliquer un objet sur la carte', { id: 'report.pick.feature' })}</button>
          <button class="button" ?disabled=${!view.selectionIsArea} @click=${view.onUseSelected}>${msg('Utiliser l’objet ouvert', { id: 'report.useSelected' })}</button>
        </div>
        ${view.selectionIsArea
          ? nothing
          : html`<p class="help">${msg('Pour choisir au clavier : trouvez l’objet avec la recherche, ouvrez sa fiche, puis « Utiliser l’objet ouvert ».', { id: 'report.help.keyboardFeature' })}</p>`}`;
    case 'circle':
      return html`<div class="row">
          <label>${msg('Rayon (km)', { id: 'report.radius' })}
            <input type="number" min="0.01" max="200" step="any" .value=${String(view.radiusKm)} @input=${readKm(view, 'radiusKm')} />
          </label>
        </div>
        <div class="row">
          <button class="button primary" @click=${() => view.onPick('point')}>${msg('Cliquer le point sur la carte', { id: 'report.pick.point' })}</button>
          <button class="button" @click=${view.onUseCentre}>${msg('Centre de la carte', { id: 'report.useCentre' })}</button>
        </div>
        <p class="help">${msg('Au clavier : déplacez la carte avec les flèches pour mettre le point au centre, puis « Centre de la carte ».', { id: 'report.help.centre' })}</p>`;
    default:
      return shapeControls(view);
  }
}

function shapeControls(view: PickerView): TemplateResult {
  const line = view.mode === 'line';
  return html`${line
      ? html`<div class="row">
          <label>${msg('Distance de part et d’autre (km)', { id: 'report.lineDistance' })}
            <input type="number" min="0" max="50" step="any" .value=${String(view.lineKm)} @input=${readKm(view, 'lineKm')} />
          </label>
        </div>`
      : nothing}
    <div class="row">
      <button class="button primary" @click=${view.onDraw}>
        ${line ? msg('Tracer la ligne sur la carte', { id: 'report.draw.line' }) : msg('Tracer la zone sur la carte', { id: 'report.draw.area' })}
      </button>
    </div>
    <label for="typed">${msg('Ou tapez les sommets, un par ligne', { id: 'report.typed.label' })}</label>
    <p class="help" id="typed-help">
      ${msg('Longitude puis latitude en degrés (5.7245 45.1885), ou x puis y en mètres Lambert-93. Au clavier, « Ajouter le centre de la carte » ajoute le point au centre, après avoir déplacé la carte avec les flèches.', { id: 'report.typed.help' })}
    </p>
    <textarea id="typed" aria-describedby="typed-help" .value=${view.typed} @input=${(e: Event) => view.onTyped((e.target as HTMLTextAreaElement).value)}></textarea>
    <div class="row">
      <button class="button" @click=${view.onAddCentre}>${msg('Ajouter le centre de la carte', { id: 'report.typed.addCentre' })}</button>
      <button class="button primary" @click=${view.onUseTyped}>${msg('Utiliser ces sommets', { id: 'report.typed.use' })}</button>
    </div>`;
}
