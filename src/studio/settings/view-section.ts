import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import { getAt, isObject } from '../model/json.js';
import { fieldProblems } from '../shell/field-problems.js';
import { numberField, type FieldContext } from './fields.js';

/** Where problems of the view's framing are said (its zoom bounds have their own fields). */
const VIEW_PLACES = ['/view', '/view/projection', '/view/crs', '/view/center', '/view/zoom', '/view/resolution', '/view/scale', '/view/extent'];

/** What the frame button last did, said next to it (a live region). */
export type FrameStatus = 'idle' | 'framing' | 'framed' | 'no-map';

const formatNumber = (value: unknown, language: string): string =>
  typeof value === 'number' ? value.toLocaleString(language === 'en' ? 'en' : 'fr', { maximumFractionDigits: 5 }) : '–';

/** The opening view: how it is said now, « Cadrer sur la carte actuelle », its centre and zoom typed, and the zoom bounds. */
export function viewSection(ctx: FieldContext, status: FrameStatus, frame: () => void): TemplateResult {
  const view = getAt(ctx.document, ['view']);
  const current = isObject(view) ? view : {};
  const projection = typeof current.projection === 'string' ? current.projection : 'EPSG:3857';
  const crs = typeof current.crs === 'string' ? current.crs : 'EPSG:4326';
  const center = Array.isArray(current.center) ? current.center : undefined;
  const n = (value: unknown): string => formatNumber(value, ctx.language);
  const where = center
    ? msg(str`Centre ${n(center[0])} ; ${n(center[1])} (${crs})`, { id: 'studio.settings.view.center' })
    : Array.isArray(current.extent)
      ? msg(str`Emprise ${current.extent.map(n).join(' ; ')} (${crs})`, { id: 'studio.settings.view.extent' })
      : msg('Aucun centre ni emprise', { id: 'studio.settings.view.none' });
  const scale =
    typeof current.zoom === 'number'
      ? msg(str`zoom ${n(current.zoom)}`, { id: 'studio.settings.view.zoom' })
      : typeof current.resolution === 'number'
        ? msg(str`résolution ${n(current.resolution)}`, { id: 'studio.settings.view.resolution' })
        : typeof current.scale === 'number'
          ? msg(str`échelle 1:${n(current.scale)}`, { id: 'studio.settings.view.scale' })
          : '';
  const statusText =
    status === 'framed'
      ? msg('Vue à l’ouverture : la carte actuelle.', { id: 'studio.settings.view.framed' })
      : status === 'no-map'
        ? msg('L’aperçu n’a pas encore de carte : corrigez les problèmes du document, puis recommencez.', { id: 'studio.settings.view.noMap' })
        : '';
  return html`<fieldset>
    <legend>${msg('Vue à l’ouverture', { id: 'studio.settings.view' })}</legend>
    <p class="view-now" id="view-now">${where}${scale ? html` · ${scale}` : nothing}</p>
    <p class="hint">${msg(str`Projection de la carte : ${projection}.`, { id: 'studio.settings.view.projection' })}</p>
    <button type="button" class="frame" aria-describedby="view-now" ?disabled=${status === 'framing'} @click=${frame}>
      ${msg('Cadrer sur la carte actuelle', { id: 'studio.settings.view.frame' })}
    </button>
    <p class="frame-status" role="status">${statusText}</p>
    ${VIEW_PLACES.map((place) => fieldProblems(ctx.problems, place, `f${place.replace(/\//g, '-')}-problems`, ctx.language))}
    <div class="row">
      ${numberField(ctx, ['view', 'center', 0], { label: msg(str`Centre : x (${crs})`, { id: 'studio.settings.view.centerX' }), keep: true })}
      ${numberField(ctx, ['view', 'center', 1], { label: msg(str`Centre : y (${crs})`, { id: 'studio.settings.view.centerY' }), keep: true })}
      ${projection === 'EPSG:3857'
        ? numberField(ctx, ['view', 'zoom'], { label: msg('Zoom', { id: 'studio.settings.view.zoomField' }), min: 0, max: 30 })
        : numberField(ctx, ['view', 'resolution'], { label: msg('Résolution (unités par pixel)', { id: 'studio.settings.view.resolutionField' }), min: 0 })}
    </div>
    <div class="row">
      ${numberField(ctx, ['view', 'minZoom'], { label: msg('Zoom minimal', { id: 'studio.settings.view.minZoom' }), min: 0, max: 30, step: 1 })}
      ${numberField(ctx, ['view', 'maxZoom'], { label: msg('Zoom maximal', { id: 'studio.settings.view.maxZoom' }), min: 0, max: 30, step: 1 })}
    </div>
  </fieldset>`;
}
