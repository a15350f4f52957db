/**
 * A layer's choices in a permalink: `lc=<layerId>~t:<time>~f.<filterId>:<value>`, one parameter per
 * layer, only the choices that differ from the document's defaults ("f.level:" for « Tous »). Values
 * that the layer does not offer are left out (the default shows) and named in `ignored`.
 */
import { walkLayers } from '../context/checks.js';
import { defaultChoices, fitsChoice } from '../context/layers/wms-choices.js';
import type { LayerDef, MapContext, WmsLayerDef } from '../context/types.js';
import type { LayerChoice, MapState } from './store.js';

export const CHOICES_PARAM = 'lc';

/** Choices a link sets, by layer. */
export interface PermalinkChoice {
  readonly id: string;
  readonly choice: LayerChoice;
}

/** "~" parts the values may hold are escaped ("%7E"), and "%" so that they read back. */
const escape = (value: string): string => value.replace(/%/g, '%25').replace(/~/g, '%7E');
const unescape = (value: string): string | undefined => {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};

/** The document's layers with choices (a layer added from a service is read again when a link opens: its choices are not kept). */
function wmsLayersOf(context: MapContext): Map<string, WmsLayerDef> {
  const found = new Map<string, WmsLayerDef>();
  const keep = (def: LayerDef): void => void (def.type === 'wms' && (def.time || def.filters?.length) && found.set(def.id, def));
  walkLayers(context.layers, (node) => node.type !== 'group' && keep(node));
  return found;
}

/** The choices of `lc=` parameters that fit their layers; what does not is named in `ignored`. */
export function readChoices(values: readonly string[], context: MapContext, ignored: string[]): PermalinkChoice[] {
  const layers = wmsLayersOf(context);
  const found: PermalinkChoice[] = [];
  for (const value of values) {
    const [id = '', ...parts] = value.split('~');
    const def = layers.get(id);
    if (!def) {
      ignored.push(`${CHOICES_PARAM}:${id}`);
      continue;
    }
    for (const part of parts) {
      const colon = part.indexOf(':');
      const key = part.slice(0, colon);
      const text = colon > 0 ? unescape(part.slice(colon + 1)) : undefined;
      const choice: LayerChoice | undefined =
        text === undefined ? undefined : key === 't' ? { time: text } : key.startsWith('f.') ? { filter: key.slice(2), value: text } : undefined;
      if (choice && fitsChoice(def, choice)) found.push({ id, choice });
      else ignored.push(`${CHOICES_PARAM}:${id}`);
    }
  }
  return found;
}

/** The choices of a state that differ from the document's defaults. */
export function choicesOf(context: MapContext, state: MapState): PermalinkChoice[] {
  const out: PermalinkChoice[] = [];
  for (const [id, def] of wmsLayersOf(context)) {
    const now = state.layers[id]?.choices;
    const start = defaultChoices(def);
    if (!now || !start) continue;
    if (now.time !== undefined && now.time !== start.time) out.push({ id, choice: { time: now.time } });
    for (const [filter, value] of Object.entries(now.filters ?? {})) {
      if (value !== start.filters?.[filter]) out.push({ id, choice: { filter, value } });
    }
  }
  return out;
}

/** One `lc=` value per layer. */
export function writeChoices(choices: readonly PermalinkChoice[]): string[] {
  const byLayer = new Map<string, string[]>();
  for (const { id, choice } of choices) {
    const part = 'time' in choice ? `t:${escape(choice.time)}` : `f.${choice.filter}:${escape(choice.value)}`;
    byLayer.set(id, [...(byLayer.get(id) ?? []), part]);
  }
  return [...byLayer].map(([id, parts]) => [id, ...parts].join('~'));
}
