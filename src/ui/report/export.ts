/** The report as a CSV file the person downloads. */
import { msg, str } from '@lit/localize';
import { reportCsv, type CsvTexts } from '../../report/csv.js';
import type { Report } from '../../report/types.js';
import { madeText, placeText, reasonText } from './texts.js';

/** The CSV's words: its header block (title, place, date, map) and its columns. */
export function reportCsvTexts(report: Report, language: string): CsvTexts {
  const unchecked = new Map(report.layers.map((l) => [l.layerId, l.unchecked ? reasonText(l.unchecked.reason, l.unchecked.detail) : '']));
  const about: Array<[string, string]> = [
    [msg('Lieu', { id: 'report.csv.place' }), placeText(report.place, language, report.projection)],
    [msg('Date', { id: 'report.csv.date' }), madeText(report.made, language)],
  ];
  if (report.map?.title) about.push([msg('Carte', { id: 'report.csv.map' }), report.map.title]);
  if (report.map?.address) about.push([msg('Adresse de la carte', { id: 'report.csv.address' }), report.map.address]);
  return {
    title: msg("Qu'y a-t-il ici ?", { id: 'report.title' }),
    about,
    layer: msg('Couche', { id: 'report.csv.layer' }),
    status: msg('Statut', { id: 'report.csv.status' }),
    id: msg('Identifiant', { id: 'report.csv.id' }),
    label: msg('Libellé', { id: 'report.csv.label' }),
    distance: msg('Distance (m)', { id: 'report.csv.distance' }),
    position: msg('Position', { id: 'report.csv.position' }),
    onBoundary: msg('en limite', { id: 'report.csv.onBoundary' }),
    checked: msg('vérifiée', { id: 'report.csv.checked' }),
    unchecked: (id) => msg(str`non vérifiée : ${unchecked.get(id) ?? ''}`, { id: 'report.csv.unchecked' }),
    capped: msg('vérifiée, liste incomplète (limite du service)', { id: 'report.csv.capped' }),
  };
}

/** Downloads the report as a CSV file (a link added to `host` and clicked). */
export function downloadReportCsv(report: Report, host: ParentNode, language = report.language ?? 'fr'): void {
  const csv = reportCsv(report, reportCsvTexts(report, language));
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
