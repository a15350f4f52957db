/** mviewer's time control and attribute filter list of a WMS layer → its `time` and `filters`. */

import type { Report } from '../report.js';
import { booleanOf } from '../xml.js';
import { list, type Node } from './attributes.js';

const PERIODS: Record<string, string> = { year: 'P1Y', month: 'P1M', day: 'P1D' };

/** An id from a field name ("secteur_li"), or "filter". */
const idOf = (field: string): string => field.replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^[^A-Za-z0-9]+/, '') || 'filter';

/**
 * `timefilter`: timevalues → time values (else timemin/timemax and timeinterval → an ISO range);
 * timecontrol "slider" → a slider, the others → a list. `attributefilter`: attributefield,
 * attributevalues and attributelabel → a filter list, its first value chosen at start when
 * attributefilterenabled, else « Tous ». Sets `wms.time` and `wms.filters`; reports what it leaves.
 */
export function wmsChoices(report: Report, path: string, attr: (name: string) => string | undefined, wms: Node): void {
  if (booleanOf(attr('timefilter'))) {
    const values = list(attr('timevalues'));
    const [min, max, period] = [attr('timemin'), attr('timemax'), PERIODS[attr('timeinterval') ?? 'year']];
    if (!values.length && min && max && period) values.push(`${min}/${max}/${period}`);
    const control = attr('timecontrol') ?? 'calendar';
    if (values.length) {
      wms.time = { values, control: control === 'slider' || control === 'slider-range' ? 'slider' : 'list' };
      if (control === 'slider-range' || control === 'multiple') report.warning(path, `the time control "${control}" chooses several times in mviewer: Cartable shows one time at once`);
    } else {
      report.warning(path, 'the time control gives no values (timevalues, or timemin, timemax and timeinterval): not converted; the layer shows the service\'s default time');
    }
  }
  if (booleanOf(attr('attributefilter'))) {
    const field = attr('attributefield');
    const values = list(attr('attributevalues'));
    if (!field || !values.length) {
      report.warning(path, 'the attribute filter list has no field or no values (attributefield, attributevalues): not converted');
      return;
    }
    const filter: Node = { id: idOf(field), field, values, label: attr('attributelabel') || field };
    if (booleanOf(attr('attributefilterenabled'))) filter.default = values[0];
    wms.filters = [filter];
    const operator = attr('attributeoperator');
    if (operator && operator !== '=') report.warning(path, `the attribute filter's operator "${operator}" is not converted: Cartable filters on equal values (${field} = value)`);
    if (booleanOf(attr('attributestylesync'))) report.info(path, `attributestylesync is not converted: the layer keeps its style whatever ${field} value is chosen`);
  }
}
