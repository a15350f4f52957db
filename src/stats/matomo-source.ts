/**
 * Matomo's Reporting API as a source: page views of each map URL (`?map=<id>`), downloads, outlinks
 * (metadata records) and the `embed` events (action: partner origin, name: map id), month by month.
 * The token comes from CARTABLE_MATOMO_TOKEN, goes in the POST body, and is never printed.
 */
import { CliError } from '../cli/files.js';
import { monthPieces } from './period.js';
import { add, addEmbed, emptyTally, type StatsSource, type Tally } from './tally.js';

export const TOKEN_VARIABLE = 'CARTABLE_MATOMO_TOKEN';

interface Row {
  readonly label?: unknown;
  readonly url?: unknown;
  readonly nb_hits?: unknown;
  readonly nb_events?: unknown;
}

const count = (value: unknown): number => (typeof value === 'number' ? value : Number(value)) || 0;

/** The map id of a page URL `…?map=<id>`, if any. */
function mapOf(url: string): string | undefined {
  try {
    return new URL(url, 'https://matomo.invalid/').searchParams.get('map') ?? undefined;
  } catch {
    return undefined;
  }
}

const pageUrl = (row: Row): string | undefined => (typeof row.url === 'string' ? row.url : typeof row.label === 'string' ? row.label : undefined);

export function matomoSource(base: string, site: string, token: string, fetcher: typeof fetch = fetch): StatsSource {
  let endpoint: URL;
  try {
    endpoint = new URL(base);
    if (!/^https?:$/.test(endpoint.protocol)) throw new Error();
  } catch {
    throw new CliError(`stats: --matomo needs the Matomo address (http or https), got "${base}"`, 2);
  }
  if (!/^\d+$/.test(site)) throw new CliError(`stats: --site needs Matomo's numeric site id, got "${site}"`, 2);
  const clean = (text: string): string => (token ? text.split(token).join('***') : text);

  async function call(method: string, period: 'month' | 'range', date: string, extra: Record<string, string> = {}): Promise<unknown> {
    const url = new URL(endpoint.href);
    const params = { module: 'API', method, idSite: site, period, date, format: 'JSON', flat: '1', filter_limit: '-1', ...extra };
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
    let response: Response;
    try {
      response = await fetcher(url.href, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token_auth: token }).toString() });
    } catch (error) {
      throw new CliError(clean(`stats: cannot reach Matomo at ${endpoint.origin} (${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message})`));
    }
    if (response.status === 401 || response.status === 403) throw new CliError(`stats: Matomo refused the token (HTTP ${response.status}): check ${TOKEN_VARIABLE}`);
    if (!response.ok) throw new CliError(`stats: Matomo answered HTTP ${response.status} to ${method}`);
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch {
      throw new CliError(`stats: Matomo's answer to ${method} is not JSON (is ${endpoint.origin}${endpoint.pathname} Matomo's address?)`);
    }
    if (body && typeof body === 'object' && (body as { result?: unknown }).result === 'error') {
      const message = String((body as { message?: unknown }).message ?? '').slice(0, 300);
      throw new CliError(clean(`stats: Matomo answered an error to ${method}: ${message}`));
    }
    return body;
  }

  /** Rows per month of the period: whole months in one `period=month` call, partial months with `period=range`. */
  async function monthly(method: string, from: string, to: string, extra?: Record<string, string>): Promise<Map<string, Row[]>> {
    const result = new Map<string, Row[]>();
    const pieces = monthPieces({ from, to });
    const whole = pieces.filter((p) => p.whole);
    const rows = (value: unknown, what: string): Row[] => {
      if (!Array.isArray(value)) throw new CliError(`stats: Matomo's answer to ${method} is not a list of rows (${what})`);
      return value as Row[];
    };
    if (whole.length) {
      const answer = await call(method, 'month', `${whole[0]!.from},${whole[whole.length - 1]!.to}`, extra);
      if (!answer || typeof answer !== 'object' || Array.isArray(answer)) throw new CliError(`stats: Matomo's answer to ${method} is not a list of months`);
      for (const piece of whole) result.set(piece.month, rows((answer as Record<string, unknown>)[piece.month] ?? [], piece.month));
    }
    for (const piece of pieces.filter((p) => !p.whole)) result.set(piece.month, rows(await call(method, 'range', `${piece.from},${piece.to}`, extra), piece.month));
    return result;
  }

  return {
    name: 'matomo',
    async count(from: string, to: string, viewsOnly = false): Promise<Tally> {
      const tally = emptyTally();
      for (const [month, rows] of await monthly('Actions.getPageUrls', from, to)) {
        for (const row of rows) {
          const url = pageUrl(row);
          const map = url ? mapOf(url) : undefined;
          if (map) add(tally.views, month, map, count(row.nb_hits));
        }
      }
      if (viewsOnly) return tally;
      for (const [month, rows] of await monthly('Events.getAction', from, to, { secondaryDimension: 'eventName', segment: 'eventCategory==embed' })) {
        for (const row of rows) {
          const label = String(row.label ?? '');
          const at = label.lastIndexOf(' - ');
          if (at > 0) addEmbed(tally, month, label.slice(0, at), label.slice(at + 3), count(row.nb_events));
        }
      }
      for (const [method, table] of [['Actions.getDownloads', tally.downloads], ['Actions.getOutlinks', tally.links]] as const) {
        for (const [month, rows] of await monthly(method, from, to)) {
          for (const row of rows) if (typeof row.url === 'string') add(table, month, row.url, count(row.nb_hits));
        }
      }
      return tally;
    },
  };
}
