import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.js';
import { FIXTURES, TOKEN } from './matomo-server.js';

const EVENTS = join(FIXTURES, 'events');
const MAPS = join(FIXTURES, 'maps');

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'cartable-stats-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const read = (name: string): string => readFileSync(join(folder, name), 'utf8');
const M = '< 5';
const year = (values: Record<number, number | string>): Array<number | string> => Array.from({ length: 12 }, (_, i) => values[i + 1] ?? 0);

/** What the fixtures hold for 2026 (see test/fixtures/stats/events/). */
const EXPECTED_2026 = {
  format: 'cartable-usage-report',
  version: 1,
  period: { from: '2026-01-01', to: '2026-12-31' },
  previousPeriod: { from: '2025-01-01', to: '2025-12-31' },
  empty: false,
  totals: { consultations: 26, restricted: 5, embedded: 7, downloads: 8, links: 6 },
  consultations: {
    months: Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
    series: [
      { label: '2026', period: { from: '2026-01-01', to: '2026-12-31' }, values: year({ 1: 10, 3: 16 }), total: 26 },
      { label: '2025', period: { from: '2025-01-01', to: '2025-12-31' }, values: year({ 1: 8, 3: 5, 12: M }), total: 14 },
    ],
  },
  restricted: { months: expect.any(Array), values: year({ 1: M, 3: M }), total: 5 },
  topMaps: [
    { rank: 1, map: 'geosites', title: { fr: 'Géosites de France', en: 'Geosites of France' }, views: 12, previous: 12, trend: 0 },
    { rank: 2, map: 'nature-paysage', title: { fr: 'Nature et paysages', en: 'Nature and landscapes' }, views: 9, previous: M, trend: null },
    { rank: 3, map: 'carte-inconnue', title: { fr: 'carte-inconnue', en: 'carte-inconnue' }, views: 5, previous: 0, trend: null },
  ],
  downloads: [
    { dataset: { fr: 'Sites géologiques', en: 'Geological sites' }, format: 'GeoJSON', count: 6 },
    { dataset: { fr: 'https://data.example/inconnu/fichier.zip', en: 'https://data.example/inconnu/fichier.zip' }, format: 'ZIP', count: M },
  ],
  links: [
    { url: 'https://catalogue.example/geosites', layer: { fr: 'Sites géologiques', en: 'Geological sites' }, count: 5 },
    { url: 'https://catalogue.example/autre', layer: null, count: M },
  ],
  embeds: [
    { host: 'https://partenaire.example', count: 6 },
    { host: 'https://autre.example', count: M },
  ],
};

describe('cartable stats from stored events', () => {
  it('counts the period from the events folder, with the previous year, masked under 5', async () => {
    const result = await run(['stats', '--year', '2026', '--events', EVENTS, '--maps', MAPS, '-o', folder]);
    expect(result.code, result.err).toBe(0);
    expect(result.err).toContain('2 unreadable event line(s)');
    const figures = JSON.parse(read('figures.json'));
    expect(figures).toMatchObject(EXPECTED_2026);
    expect(figures.input).toEqual({ source: 'events', unreadableLines: 2 });
    expect(figures.masking).toMatchObject({ threshold: 5, label: '< 5' });
    expect(readdirSync(folder).sort()).toEqual(
      ['cartes-les-plus-consultees.csv', 'cartes-restreintes-par-mois.csv', 'consultations-par-mois.csv', 'en', 'fiches-de-metadonnees.csv', 'figures.json', 'index.html', 'integrations.csv', 'telechargements.csv'],
    );
  });

  it('writes the CSV files masked like the page (RFC 4180)', async () => {
    await run(['stats', '--year', '2026', '--events', EVENTS, '--maps', MAPS, '-o', folder]);
    expect(read('consultations-par-mois.csv').split('\r\n').slice(0, 4)).toEqual(['mois,2026,2025', '2026-01,10,8', '2026-02,0,0', '2026-03,16,5']);
    expect(read('consultations-par-mois.csv')).toContain('2026-12,0,< 5\r\ntotal,26,14\r\n');
    expect(read('cartes-les-plus-consultees.csv')).toBe(
      'rang,carte,titre,title_en,consultations,periode_precedente,evolution_pct\r\n1,geosites,Géosites de France,Geosites of France,12,12,0\r\n2,nature-paysage,Nature et paysages,Nature and landscapes,9,< 5,\r\n3,carte-inconnue,carte-inconnue,carte-inconnue,5,0,\r\n',
    );
    expect(read('cartes-restreintes-par-mois.csv')).toContain('2026-01,< 5\r\n');
    expect(read('cartes-restreintes-par-mois.csv')).toMatch(/total,5\r\n$/);
    expect(read('telechargements.csv')).toBe(
      'jeu_de_donnees,dataset_en,format,telechargements\r\nSites géologiques,Geological sites,GeoJSON,6\r\nhttps://data.example/inconnu/fichier.zip,https://data.example/inconnu/fichier.zip,ZIP,< 5\r\n',
    );
    expect(read('integrations.csv')).toBe('site_partenaire,consultations\r\nhttps://partenaire.example,6\r\nhttps://autre.example,< 5\r\n');
    expect(read('fiches-de-metadonnees.csv')).toContain('https://catalogue.example/autre,,,< 5\r\n');
  });

  it('shows masked cells as « < 5 » in the tables and draws no bar length for them', async () => {
    await run(['stats', '--year', '2026', '--events', EVENTS, '--maps', MAPS, '-o', folder]);
    const html = read('index.html');
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('Consultations de cartes par mois');
    expect(html).toContain('<td>Nature et paysages</td><td class="n">9</td><td class="n">&lt; 5</td>');
    expect(html).toContain('<td class="n">&lt; 5</td>');
    // The restricted map's title never shows: only a monthly total.
    expect(html).not.toContain('Sites suivis par les agents');
    // Each masked bar is the hatched outline labelled « < 5 », never a filled bar of its real length.
    const masked = html.match(/<g><title>[^<]*moins de 5<\/title><rect [^>]*>/g) ?? [];
    expect(masked.length).toBeGreaterThanOrEqual(6);
    for (const bar of masked) expect(bar).toMatch(/width="24.0" height="14" fill="url\(#c-[a-z]+-hatch\)"/);
    expect(html).not.toMatch(/<title>[^<]*, (1|2|3|4)<\/title>/);
    expect(html).toMatch(/<svg class="chart" viewBox="0 0 400 \d+" role="img" aria-labelledby="c-months-title c-months-desc"/);
    expect(html).toContain('href="consultations-par-mois.csv"');
    const en = read('en/index.html');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Map views per month');
    expect(en).toContain('href="../consultations-par-mois.csv"');
    expect(en).toContain('Geosites of France');
  });

  it('reads a period of days and compares with the days just before', async () => {
    const result = await run(['stats', '--from', '2026-01-01', '--to', '2026-01-31', '--events', EVENTS, '--maps', MAPS, '-o', folder]);
    expect(result.code, result.err).toBe(0);
    const figures = JSON.parse(read('figures.json'));
    expect(figures.previousPeriod).toEqual({ from: '2025-12-01', to: '2025-12-31' });
    expect(figures.consultations.series).toEqual([
      { label: '2026-01-01 → 2026-01-31', period: { from: '2026-01-01', to: '2026-01-31' }, values: [10], total: 10 },
      { label: '2025-01-01 → 2025-01-31', period: { from: '2025-01-01', to: '2025-01-31' }, values: [8], total: 8 },
    ]);
    expect(figures.topMaps[0]).toMatchObject({ map: 'geosites', views: 7, previous: M });
  });

  it('writes a report saying nobody viewed a map in an empty period', async () => {
    const result = await run(['stats', '--year', '2030', '--events', EVENTS, '--maps', MAPS, '-o', folder]);
    expect(result.code).toBe(0);
    expect(read('index.html')).toContain('Aucune consultation sur la période.');
    expect(read('en/index.html')).toContain('No map was viewed in the period.');
    expect(JSON.parse(read('figures.json'))).toMatchObject({ empty: true, topMaps: [], totals: { consultations: 0 } });
  });
});

describe('cartable stats arguments', () => {
  const cases: Array<[string[], RegExp]> = [
    [['--events', EVENTS, '-o', 'x'], /give the period/],
    [['--year', '26', '--events', EVENTS, '-o', 'x'], /--year needs a year/],
    [['--from', '2026-02-30', '--to', '2026-03-01', '--events', EVENTS, '-o', 'x'], /--from needs a date/],
    [['--from', '2026-03-01', '--to', '2026-02-01', '--events', EVENTS, '-o', 'x'], /is before --from/],
    [['--year', '2026', '--from', '2026-01-01', '--events', EVENTS, '-o', 'x'], /not both/],
    [['--year', '2026', '--events', '/nonexistent/events', '-o', 'x'], /no such folder \(--events\)/],
    [['--year', '2026', '--events', EVENTS, '--maps', '/nonexistent/maps', '-o', 'x'], /no such folder/],
    [['--year', '2026', '--events', EVENTS], /-o <folder>/],
    [['--year', '2026', '-o', 'x'], /--events <folder> or --matomo/],
    [['--year', '2026', '--events', EVENTS, '--top', '0', '-o', 'x'], /--top needs/],
    [['--year', '2026', '--matomo', 'http://127.0.0.1:9/', '-o', 'x'], /--matomo needs --site/],
    [['--year', '2026', '--bogus', '-o', 'x'], /unknown option --bogus/],
  ];
  for (const [argv, message] of cases) {
    it(`refuses ${argv.join(' ')}`, async () => {
      const result = await run(['stats', ...argv]);
      expect(result.code).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.err).not.toMatch(/\n\s+at /);
    });
  }

  it('refuses a token on the command line without printing it', async () => {
    for (const argv of [['--token', TOKEN], [`--token_auth=${TOKEN}`]]) {
      const result = await run(['stats', '--year', '2026', '--matomo', 'http://127.0.0.1:9/', '--site', '1', ...argv, '-o', folder]);
      expect(result.code).toBe(2);
      expect(result.err).toContain('CARTABLE_MATOMO_TOKEN');
      expect(result.err + result.out).not.toContain(TOKEN);
    }
  });

  it('is listed by cartable --help', async () => {
    const result = await run(['--help']);
    expect(result.out).toMatch(/^\s+stats --year/m);
    expect((await run(['stats', '--help'])).out).toContain('CARTABLE_MATOMO_TOKEN');
  });
});
