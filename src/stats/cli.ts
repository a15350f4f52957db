/**
 * `cartable stats`: the usage report of a period, from the JSON endpoint's stored events or from
 * Matomo, written as a static folder (HTML in French and English, CSV files, figures.json).
 * Exit codes: 0 written (also for an empty period), 1 Matomo or writing failed, 2 wrong usage.
 */
import { CliError } from '../cli/files.js';
import { readCatalog } from './catalog.js';
import { eventsSource } from './events-source.js';
import { buildFigures } from './figures.js';
import { matomoSource, TOKEN_VARIABLE } from './matomo-source.js';
import { periodOf } from './period.js';
import { writeReport } from './report.js';
import type { StatsSource } from './tally.js';

export const STATS_USAGE = `Usage: cartable stats (--year <YYYY> | --from <YYYY-MM-DD> --to <YYYY-MM-DD>)
                     (--events <folder> | --matomo <url> --site <id>) -o <folder> [options]

Writes the usage report of the period (UTC days) into the folder: index.html (French),
en/index.html (English), one CSV file per chart and figures.json. Counts from 1 to 4 are shown as
"< 5"; restricted maps are counted apart.

  --events <folder>   The JSON endpoint's stored events: <folder>/YYYY-MM-DD.ndjson
  --matomo <url>      Matomo's address (its Reporting API), with --site <idSite>; the token is read
                      from the environment variable ${TOKEN_VARIABLE} only
  --maps <folder>     The map documents, for titles, access and links (default: maps)
  --top <n>           How many maps the top list holds (default: 10)
  -o, --output <dir>  The report folder (created when missing)
`;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const OPTIONS = ['--year', '--from', '--to', '--events', '--matomo', '--site', '--maps', '--top', '--output'] as const;
type Option = (typeof OPTIONS)[number];

function parse(argv: readonly string[]): { options: Partial<Record<Option, string>>; help: boolean } {
  const options: Partial<Record<Option, string>> = {};
  let help = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    // Never echo what follows "=": it could be a secret given by mistake.
    const base = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    const name = base === '-o' ? '--output' : base;
    if (/^--?(token|token[-_]auth|matomo[-_]token)$/i.test(name)) throw new CliError(`stats: the Matomo token is read from the environment variable ${TOKEN_VARIABLE} only, never from the command line`, 2);
    if (name === '-h' || name === '--help') {
      help = true;
      continue;
    }
    if (!(OPTIONS as readonly string[]).includes(name)) throw new CliError(name.startsWith('-') ? `stats: unknown option ${name} (see cartable stats --help)` : 'stats: unexpected argument (see cartable stats --help)', 2);
    let value: string | undefined;
    if (arg.includes('=')) value = arg.slice(arg.indexOf('=') + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('-')) throw new CliError(`stats: ${name} needs a value`, 2);
      i += 1;
    }
    options[name as Option] = value;
  }
  return { options, help };
}

export async function runStats(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { options, help } = parse(argv);
  if (help) {
    io.out(STATS_USAGE);
    return 0;
  }
  const period = periodOf({ year: options['--year'], from: options['--from'], to: options['--to'] });
  if (!options['--output']) throw new CliError('stats: give the report folder: -o <folder>', 2);
  const top = Number(options['--top'] ?? '10');
  if (!Number.isInteger(top) || top < 1 || top > 100) throw new CliError('stats: --top needs a whole number from 1 to 100', 2);
  let source: StatsSource;
  if (options['--events'] !== undefined) {
    if (options['--matomo'] !== undefined) throw new CliError('stats: give --events or --matomo, not both', 2);
    source = eventsSource(options['--events']);
  } else if (options['--matomo'] !== undefined) {
    if (options['--site'] === undefined) throw new CliError('stats: --matomo needs --site <idSite>', 2);
    const token = env[TOKEN_VARIABLE];
    if (!token) throw new CliError(`stats: set the environment variable ${TOKEN_VARIABLE} to a Matomo token that may view the site`, 2);
    source = matomoSource(options['--matomo'], options['--site'], token);
  } else throw new CliError('stats: give the events to count: --events <folder> or --matomo <url> --site <id>', 2);
  const catalog = readCatalog(options['--maps'] ?? 'maps');
  const figures = await buildFigures(source, catalog, period, top);
  const files = writeReport(options['--output'], figures);
  if (figures.input.unreadableLines) io.err(`stats: ${figures.input.unreadableLines} unreadable event line(s) were not counted\n`);
  io.out(`${options['--output']}: usage report written (${files.length} files)${figures.empty ? ': no map was viewed in the period' : ''}\n`);
  return 0;
}
