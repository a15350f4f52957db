/** The report as a CSV file the person downloads. */
import { msg, str } from '@lit/localize';
import { reportCsv } from '../../report/csv.js';
import type { Report } from '../../report/types.js';
import { reasonText } from './texts.js';

/** Downloads the report as a CSV file (a link added to `host` and clicked). */
export function downloadReportCsv(report: Report, host: ParentNode): void {
  const unchecked = new Map(report.layers.map((l) => [l.layerId, l.unchecked ? reasonText(l.unchecked.reason, l.unchecked.detail) : '']));
  const csv = reportCsv(report, {
    layer: msg('Couche', { id: 'report.csv.layer' }),
    status: msg('Statut', { id: 'report.csv.status' }),
    feature: msg('Objet', { id: 'report.csv.feature' }),
    id: msg('Identifiant', { id: 'report.csv.id' }),
    distance: msg('Distance (m)', { id: 'report.csv.distance' }),
    field: (n) => msg(str`Champ ${n}`, { id: 'report.csv.field' }),
    value: (n) => msg(str`Valeur ${n}`, { id: 'report.csv.value' }),
    checked: msg('vérifiée', { id: 'report.csv.checked' }),
    unchecked: (id) => msg(str`non vérifiée : ${unchecked.get(id) ?? ''}`, { id: 'report.csv.unchecked' }),
    capped: msg('vérifiée, liste incomplète (limite du service)', { id: 'report.csv.capped' }),
  });
  const blob = new Blob([csv], { type: 'text/csv;charset=utf-8' });
  const slug = report.place.label.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `${msg('rapport', { id: 'report.csv.filename' })}-${slug || 'lieu'}-${report.made.slice(0, 10)}.csv`;
  link.hidden = true;
  host.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
