import { msg, str } from '@lit/localize';
import { filterOptions, type LayerChoices } from '../../context/layers/wms-choices.js';
import type { LayerDef, WmsFilter } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';

/** What the time is called: the document's label, else « Date ». */
export const timeLabel = (def: LayerDef, language: string): string =>
  def.type === 'wms' && def.time?.label ? textFor(def.time.label, language) : msg('Date', { id: 'layer.time.label' });

/** What a filter's value shows as (its label in the document, else the value). */
export function valueLabel(filter: WmsFilter, value: string, language: string): string {
  const option = filterOptions(filter).find((o) => o.value === value);
  return option ? textFor(option.label, language) : value;
}

/**
 * What a layer shows of its time and filters, one line each (« Année : 2017 », « Échelle : EPCI »):
 * for the legend and the printed page. Filters left on « Tous » say nothing.
 */
export function choiceLines(def: LayerDef, choices: LayerChoices | undefined, language: string): string[] {
  if (def.type !== 'wms' || !choices) return [];
  const line = (label: string, value: string): string => msg(str`${label} : ${value}`, { id: 'layer.choice.line' });
  const lines = def.time && choices.time ? [line(timeLabel(def, language), choices.time)] : [];
  for (const filter of def.filters ?? []) {
    const value = choices.filters?.[filter.id];
    if (value) lines.push(line(textFor(filter.label, language), valueLabel(filter, value, language)));
  }
  return lines;
}

/** True when a layer offers choices (a time, filters). */
export const hasChoices = (def: LayerDef): boolean => def.type === 'wms' && (!!def.time || !!def.filters?.length);
