/** The report page (one per language): key figures, then each chart followed by its table and CSV link. */
import type { Text } from './catalog.js';
import { CSV_FILES, type Lang } from './csv.js';
import type { Cell, Figures } from './figures.js';
import { escapeHtml as e } from '../markup/escape.js';
import { barChart } from './svg.js';
import { formatCell, formatTrend, monthName, wordsOf } from './texts.js';
import { DEFAULT_TOKENS as T } from '../theme/tokens.js';

const STYLE = `
:root { color-scheme: light; font-family: ${T['--cartable-font']}; color: ${T['--cartable-text']}; background: ${T['--cartable-surface']}; line-height: 1.45; }
body { margin: 0 auto; max-width: 60rem; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .2rem 0; } h2 { font-size: 1.25rem; margin-top: 2rem; border-top: 1px solid ${T['--cartable-border']}; padding-top: 1rem; }
a { color: ${T['--cartable-link']}; }
.chart { display: block; width: 100%; max-width: 34rem; height: auto; margin: .5rem 0; }
.chart .label, .chart .value, .chart .legend { font-size: 12px; fill: ${T['--cartable-text']}; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .5rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; max-width: calc(100vw - 2rem); }
th, td { border: 1px solid ${T['--cartable-border']}; padding: .3rem .5rem; text-align: left; }
td.n, th.n { text-align: right; white-space: nowrap; }
.keys { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: .5rem; padding: 0; list-style: none; }
.keys li { border: 1px solid ${T['--cartable-border']}; border-radius: 4px; padding: .5rem; }
.keys strong { display: block; font-size: 1.4rem; }
.note { font-size: .9rem; color: ${T['--cartable-muted']}; }
@media print { body { max-width: none; } a { color: inherit; } section { break-inside: avoid; } .scroll { overflow: visible; } }
`;

interface Column<T> {
  readonly head: string;
  readonly cell: (row: T) => string;
  readonly numeric?: boolean;
}

function table<T>(caption: string, columns: ReadonlyArray<Column<T>>, rows: readonly T[]): string {
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="n"' : ''}>${e(c.head)}</th>`).join('');
  const body = rows.map((row) => `<tr>${columns.map((c, i) => (i === 0 ? `<th scope="row">${c.cell(row)}</th>` : `<td${c.numeric ? ' class="n"' : ''}>${c.cell(row)}</td>`)).join('')}</tr>`).join('');
  return `<div class="scroll" tabindex="0" role="region" aria-label="${e(caption)}"><table><caption>${e(caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

export function reportPage(figures: Figures, lang: Lang): string {
  const w = wordsOf(lang);
  const up = lang === 'fr' ? '' : '../';
  const n = (value: Cell | null): string => e(formatCell(lang, value));
  const t = (text: Text): string => e(text[lang]);
  const csvLink = (file: string): string => `<p><a href="${up}${file}" download>${e(w.csv)}${lang === 'fr' ? ' : ' : ': '}${e(file)}</a></p>`;
  const section = (id: string, title: string, description: string, body: string, file: string, empty: boolean): string =>
    `<section aria-labelledby="${id}"><h2 id="${id}">${e(title)}</h2><p class="note">${e(description)}</p>${empty ? `<p>${e(w.none)}</p>` : body}${csvLink(file)}</section>`;
  const chart = (id: string, title: string, description: string, rows: Array<{ label: string; values: Cell[] }>, series: string[]): string =>
    barChart({ id, title: w.chartOf(title), description, rows, series, format: (v) => formatCell(lang, v), maskedWords: w.masked });

  const { consultations: c, restricted: r } = figures;
  const months = c.months.map((m) => monthName(lang, m));
  const monthly =
    chart('c-months', w.byMonth, w.byMonthDesc, months.map((label, i) => ({ label, values: c.series.map((s) => s.values[i]!) })), c.series.map((s) => s.label)) +
    table(w.tableOf(w.byMonth), [{ head: w.month, cell: (i: number) => e(months[i] ?? 'Total') }, ...c.series.map((s) => ({ head: s.label, cell: (i: number) => n(i < months.length ? s.values[i]! : s.total), numeric: true }))], [...months.keys(), months.length]);
  const top = figures.topMaps;
  const topBody =
    chart('c-top', w.top(top.length), w.topDesc, top.map((m) => ({ label: m.title[lang], values: [m.views] })), [w.views]) +
    table(
      w.tableOf(w.top(top.length)),
      [
        { head: w.rank, cell: (m: (typeof top)[number]) => String(m.rank) },
        { head: w.map, cell: (m) => t(m.title) },
        { head: w.views, cell: (m) => n(m.views), numeric: true },
        { head: w.previous, cell: (m) => n(m.previous), numeric: true },
        { head: w.trend, cell: (m) => e(formatTrend(lang, m.trend)), numeric: true },
      ],
      top,
    );
  const d = figures.downloads;
  const downloadsBody =
    chart('c-downloads', w.downloads, w.downloadsDesc, d.map((x) => ({ label: `${x.dataset[lang]} (${x.format})`, values: [x.count] })), [w.count]) +
    table(w.tableOf(w.downloads), [{ head: w.dataset, cell: (x: (typeof d)[number]) => t(x.dataset) }, { head: w.format, cell: (x) => e(x.format) }, { head: w.count, cell: (x) => n(x.count), numeric: true }], d);
  const l = figures.links;
  const linksBody =
    chart('c-links', w.links, w.linksDesc, l.map((x) => ({ label: x.layer?.[lang] ?? x.url, values: [x.count] })), [w.count]) +
    table(w.tableOf(w.links), [{ head: w.layer, cell: (x: (typeof l)[number]) => (x.layer ? t(x.layer) : '—') }, { head: 'URL', cell: (x) => `<a href="${e(x.url)}">${e(x.url)}</a>` }, { head: w.count, cell: (x) => n(x.count), numeric: true }], l);
  const em = figures.embeds;
  const embedsBody =
    chart('c-embeds', w.embeds, w.embedsDesc, em.map((x) => ({ label: x.host, values: [x.count] })), [w.views]) +
    table(w.tableOf(w.embeds), [{ head: w.partner, cell: (x: (typeof em)[number]) => e(x.host) }, { head: w.views, cell: (x) => n(x.count), numeric: true }], em);
  const restrictedBody =
    chart('c-restricted', w.restricted, w.restrictedDesc, months.map((label, i) => ({ label, values: [r.values[i]!] })), [w.views]) +
    table(w.tableOf(w.restricted), [{ head: w.month, cell: (i: number) => e(months[i] ?? 'Total') }, { head: w.views, cell: (i: number) => n(i < months.length ? r.values[i]! : r.total), numeric: true }], [...months.keys(), months.length]);

  const keys: Array<[string, Cell]> = [
    [w.consultations, figures.totals.consultations],
    [w.embedded, figures.totals.embedded],
    [w.downloadsTotal, figures.totals.downloads],
    [w.linksTotal, figures.totals.links],
    [w.restrictedTotal, figures.totals.restricted],
  ];
  const body = figures.empty
    ? `<p><strong>${e(w.empty)}</strong></p>`
    : `<section aria-labelledby="keys"><h2 id="keys">${e(w.summary)}</h2><ul class="keys">${keys.map(([label, value]) => `<li>${e(label)}<strong>${n(value)}</strong></li>`).join('')}</ul></section>` +
      section('months', w.byMonth, w.byMonthDesc, monthly, CSV_FILES.consultations, false) +
      section('top', w.top(Math.max(1, top.length)), w.topDesc, topBody, CSV_FILES.topMaps, !top.length) +
      section('downloads', w.downloads, w.downloadsDesc, downloadsBody, CSV_FILES.downloads, !d.length) +
      section('links', w.links, w.linksDesc, linksBody, CSV_FILES.links, !l.length) +
      section('embeds', w.embeds, w.embedsDesc, embedsBody, CSV_FILES.embeds, !em.length) +
      section('restricted', w.restricted, w.restrictedDesc, restrictedBody, CSV_FILES.restricted, false);
  const unreadable = figures.input.unreadableLines ? ` ${w.unreadable(figures.input.unreadableLines)}` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(w.title)} — ${e(figures.period.from)} / ${e(figures.period.to)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p><a href="${lang === 'fr' ? 'en/index.html' : '../index.html'}" lang="${lang === 'fr' ? 'en' : 'fr'}" hreflang="${lang === 'fr' ? 'en' : 'fr'}">${e(w.other)}</a></p>
<h1>${e(w.title)}</h1><p>${e(w.period(figures.period.from, figures.period.to))}</p></header>
<main>${body}</main>
<footer><p class="note">${e(w.masking)}</p><p class="note">${e(w.source(figures.input.source))}${e(unreadable)} <a href="${up}figures.json">figures.json</a></p></footer>
</body>
</html>
`;
}
