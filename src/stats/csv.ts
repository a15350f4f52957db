/** The CSV files behind the charts (UTF-8, RFC 4180: CRLF, fields quoted when needed), masked like the page. */
import { csvCell } from '../csv/cell.js';
import type { Figures } from './figures.js';

export type Lang = 'fr' | 'en';

// Cells go through the project's one CSV writer (formula neutralisation, quoting); comma, no BOM.
const csv = (rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string => rows.map((row) => row.map((value) => csvCell(value, ',')).join(',')).join('\r\n') + '\r\n';

/** File name → content; the names are part of the report's interface (README). */
export const CSV_FILES = {
  consultations: 'consultations-par-mois.csv',
  restricted: 'cartes-restreintes-par-mois.csv',
  topMaps: 'cartes-les-plus-consultees.csv',
  downloads: 'telechargements.csv',
  links: 'fiches-de-metadonnees.csv',
  embeds: 'integrations.csv',
} as const;

export function csvFiles(figures: Figures): Record<string, string> {
  const { consultations, restricted } = figures;
  return {
    [CSV_FILES.consultations]: csv([
      ['mois', ...consultations.series.map((s) => s.label)],
      ...consultations.months.map((month, i) => [month, ...consultations.series.map((s) => s.values[i]!)]),
      ['total', ...consultations.series.map((s) => s.total)],
    ]),
    [CSV_FILES.restricted]: csv([['mois', 'consultations'], ...restricted.months.map((month, i) => [month, restricted.values[i]!]), ['total', restricted.total]]),
    [CSV_FILES.topMaps]: csv([
      ['rang', 'carte', 'titre', 'title_en', 'consultations', 'periode_precedente', 'evolution_pct'],
      ...figures.topMaps.map((m) => [m.rank, m.map, m.title.fr, m.title.en, m.views, m.previous, m.trend]),
    ]),
    [CSV_FILES.downloads]: csv([['jeu_de_donnees', 'dataset_en', 'format', 'telechargements'], ...figures.downloads.map((d) => [d.dataset.fr, d.dataset.en, d.format, d.count])]),
    [CSV_FILES.links]: csv([['url', 'couche', 'layer_en', 'clics'], ...figures.links.map((l) => [l.url, l.layer?.fr ?? null, l.layer?.en ?? null, l.count])]),
    [CSV_FILES.embeds]: csv([['site_partenaire', 'consultations'], ...figures.embeds.map((e) => [e.host, e.count])]),
  };
}
