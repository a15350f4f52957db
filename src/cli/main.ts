import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve } from 'node:path';
import { formatProblem } from '../context/problems.js';
import { parseJson, validateContext } from '../context/validate.js';
import { validateSiteConfig } from '../context/validate-site.js';
import type { LayerNode, MapContext, SiteConfig } from '../context/types.js';
import { checkSiteTheme } from '../theme/contrast.js';
import { FORMAT_NAMES, IMPORT_FORMATS, importDocument, type ImportFormat } from '../interop/convert.js';
import { linkedFilesOf, type LinkedFiles } from '../interop/linked-files.js';
import { exportOwsContext } from '../interop/owc/export.js';
import { dataOrigins } from '../interop/origins.js';
import { formatReportItem, type ReportItem } from '../interop/report.js';
import { decodeText, InputError } from '../interop/xml.js';
import { CliError, readBytes, writeWhole } from './files.js';
import { checkSource, readLinkedFiles, type LinkedSources } from './linked-files.js';
import { runStats } from '../stats/cli.js';
import { runTokenChecker } from './token-checker.js';
import { runCollector } from '../../collector/collector.mjs';
import { nodeXmlParser } from './xml-node.js';

/**
 * `cartable`: validate map documents and the site configuration, import maps from OWS Context,
 * mviewer and Web Map Context, export them to OWS Context. Speaks plain English; never prints a
 * stack trace; never writes half a document.
 */

export const USAGE = `Usage: cartable <command> [options]

Commands:
  validate <files...>                      Check map documents and the site configuration
                                           (site.config.json); exit 1 when a file has problems.
  import [owc|mviewer|wmc] <input>         Convert a document into a Cartable map document. The
        [-o out.json] [--id map-id]        format is found from the content when it is not given.
        [--templates <folder|url>]         Prints what could not be converted; writes nothing on error,
        [--styles <folder|url>]            nor when no layer is converted (unless --allow-empty).
        [--allow-empty]
  export owc <map.json> [-o out.json]      Write a map document as an OWS Context (GeoJSON).
  stats --year <YYYY> --events <folder>    Write the usage report of a period (HTML, CSV, figures.json)
        -o <folder> [--matomo <url> --site]  from stored events or Matomo (see cartable stats --help).
  token-checker --access <access.json>     Run the token checker of the restricted output's nginx
        --base-path <path> --issuer <url>  recipe (see cartable token-checker --help).
        --audience <aud> [options]
  collect --dir <folder> [--port N]        Run the collector of usage events: one NDJSON file a day
        [--origin <url>...]                in the folder (see cartable collect --help).

Options:
  -o, --output <file>   Where to write (default: standard output)
  --id <id>             The imported map's id (default: from the document)
  --templates <where>   Import: read the record templates the document points to (mviewer .mst
                        files) from this folder or base address, by file name, and convert them
  --styles <where>      Import: read the SLD styles the document points to, the same way
                        (files of at most 1 MB; a file that cannot be read is said, not fatal)
  -q, --quiet           Print only warnings and errors of the conversion report
  --allow-empty         import: write the map even when no layer could be converted
  -h, --help            Show this help

Examples:
  cartable validate maps/*.json site.config.json
  cartable import wmc geobretagne.wmc -o maps/geobretagne.json
  cartable import mviewer apps/default.xml --id defaut -o maps/defaut.json
  cartable import mviewer apps/region.xml --templates apps/templates -o maps/region.json
  cartable import mviewer region.xml --templates https://example.org/apps/templates/
  cartable import owc context.json -o maps/contexte.json
  cartable export owc maps/geosites.json -o geosites.owc.json
`;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const defaultIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

interface Args {
  readonly positional: string[];
  readonly output?: string;
  readonly id?: string;
  readonly quiet: boolean;
  readonly help: boolean;
  readonly allowEmpty?: boolean;
  /** Where linked files are read from (--templates, --styles). */
  readonly linked: LinkedSources;
}

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  let output: string | undefined;
  let id: string | undefined;
  let quiet = false;
  let help = false;
  let allowEmpty = false;
  const linked: { -readonly [K in keyof LinkedSources]: LinkedSources[K] } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const value = (): string => {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('-')) throw new CliError(`${arg} needs a value`, 2);
      i += 1;
      return next;
    };
    if (arg === '-o' || arg === '--output') output = value();
    else if (arg.startsWith('--output=')) output = arg.slice('--output='.length);
    else if (arg === '--id') id = value();
    else if (arg.startsWith('--id=')) id = arg.slice('--id='.length);
    else if (arg === '--templates' || arg === '--styles') linked[arg === '--templates' ? 'template' : 'style'] = value();
    else if (/^--(templates|styles)=/.test(arg)) linked[arg.startsWith('--templates') ? 'template' : 'style'] = arg.slice(arg.indexOf('=') + 1);
    else if (arg === '-q' || arg === '--quiet') quiet = true;
    else if (arg === '-h' || arg === '--help') help = true;
    else if (arg === '--allow-empty') allowEmpty = true;
    else if (arg.startsWith('-') && arg !== '-') throw new CliError(`unknown option ${arg} (see cartable --help)`, 2);
    else positional.push(arg);
  }
  return { positional, ...(output !== undefined ? { output } : {}), ...(id !== undefined ? { id } : {}), quiet, help, linked, ...(allowEmpty ? { allowEmpty } : {}) };
}

/** One file: a map document, or the site configuration (by its name or its $schema). */
function validateFile(path: string, io: Io): boolean {
  const bytes = readBytes(path);
  let text: string;
  try {
    text = decodeText(bytes).text;
  } catch (error) {
    io.err(`${path}: ${(error as Error).message}\n`);
    return false;
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    parsed.problems.forEach((p) => io.err(`${formatProblem(path, p)}\n`));
    return false;
  }
  const value = parsed.value as Record<string, unknown> | null;
  const isSite =
    /site[.-]config[^/\\]*\.json$/i.test(basename(path)) || (typeof value?.$schema === 'string' && value.$schema.includes('site-config'));
  const result = isSite ? validateSiteConfig(value) : validateContext(value);
  if (!result.ok) {
    result.problems.forEach((p) => io.err(`${formatProblem(path, p)}\n`));
    return false;
  }
  // The site's theme, as the build checks it: a pair below WCAG AA is a problem, an unreadable colour a warning.
  if (isSite) {
    const theme = checkSiteTheme((result.value as SiteConfig).theme);
    theme.warnings.forEach((line) => io.err(`${path}: warning: ${line}\n`));
    theme.errors.forEach((line) => io.err(`${path}: ${line}\n`));
    if (theme.errors.length) return false;
  }
  const what = isSite ? 'site configuration' : 'map document';
  const idNote = !isSite && typeof value?.id === 'string' && basename(path) !== `${value.id}.json` ? ` (note: its id "${String(value.id)}" differs from its file name: a map's file is maps/<id>.json)` : '';
  io.out(`${path}: valid ${what}${idNote}\n`);
  return true;
}

function printReport(items: readonly ReportItem[], source: string, quiet: boolean, io: Io): void {
  const shown = quiet ? items.filter((i) => i.level !== 'info') : items;
  for (const item of shown) io.err(`${source}: ${formatReportItem(item)}\n`);
  const count = (level: string): number => items.filter((i) => i.level === level).length;
  io.err(`${source}: ${count('error')} error(s), ${count('warning')} warning(s), ${count('info')} note(s)\n`);
}

function writeOutput(text: string, output: string | undefined, io: Io): void {
  if (output === undefined || output === '-') io.out(text);
  else writeWhole(output, text);
}

function runImport(args: Args, io: Io): number | Promise<number> {
  const [first, second, ...rest] = args.positional;
  let format: ImportFormat | undefined;
  let input: string | undefined;
  if (first && (IMPORT_FORMATS as readonly string[]).includes(first) && second !== undefined) {
    format = first as ImportFormat;
    input = second;
  } else {
    input = first;
    if (second !== undefined) rest.unshift(second);
  }
  if (!input) throw new CliError(`import needs an input file (formats: ${IMPORT_FORMATS.join(', ')}; see cartable --help)`, 2);
  if (rest.length) throw new CliError(`import takes one input file, got also: ${rest.join(' ')}`, 2);
  const bytes = readBytes(input);
  const convert = (linkedFiles?: LinkedFiles): ReturnType<typeof importDocument> => {
    try {
      return importDocument({ bytes, parseXml: nodeXmlParser, ...(format ? { format } : {}), ...(args.id ? { id: args.id } : {}), ...(linkedFiles ? { linkedFiles } : {}) });
    } catch (error) {
      if (error instanceof InputError) {
        const where = error.line !== undefined ? `:${error.line}${error.column !== undefined ? `:${error.column}` : ''}` : '';
        throw new CliError(`${input}${where}: ${error.message}`);
      }
      throw error;
    }
  };
  const sources = Object.entries(args.linked) as Array<[keyof LinkedSources, string]>;
  if (!sources.length) return finishImport(convert(), input, args, io);
  sources.forEach(([kind, source]) => checkSource(kind === 'template' ? '--templates' : '--styles', source));
  // A first pass learns which files the document points to; the second converts them.
  const learn = linkedFilesOf();
  convert(learn);
  return readLinkedFiles(learn.wanted, args.linked, io.err).then((files) => {
    for (const [kind, source] of sources) {
      const wanted = [...learn.wanted.values()].filter((k) => k === kind).length;
      const read = [...files.keys()].filter((url) => learn.wanted.get(url) === kind).length;
      if (!args.quiet) io.err(`${source}: ${read} of ${wanted} ${kind} file(s) read\n`);
    }
    return finishImport(convert(linkedFilesOf(files)), input, args, io);
  });
}

function finishImport(result: ReturnType<typeof importDocument>, input: string, args: Args, io: Io): number {
  if (!args.quiet) io.err(`${input}: read as ${FORMAT_NAMES[result.format]}${result.encodingNote ? ` — ${result.encodingNote}` : ''}\n`);
  else if (result.encodingNote) io.err(`${input}: ${result.encodingNote}\n`);
  printReport(result.report, input, args.quiet, io);
  if (!result.document || result.report.some((i) => i.level === 'error' && i.path === '/')) {
    io.err(`${input}: nothing written: the document could not be converted\n`);
    return 1;
  }
  const validation = validateContext(result.document);
  if (!validation.ok) {
    validation.problems.forEach((p) => io.err(`${formatProblem('converted document', p)}\n`));
    io.err(`${input}: nothing written: the converted document is not a valid map document\n`);
    return 1;
  }
  if (!args.allowEmpty && !hasLayer(validation.value.layers)) {
    io.err(`${input}: aucune couche convertie — no layer could be converted (see the report above): nothing written (--allow-empty writes the map all the same)\n`);
    return 1;
  }
  writeOutput(`${JSON.stringify(withSchema(result.document, args.output), null, 2)}\n`, args.output, io);
  if (args.output && args.output !== '-') io.err(`${args.output}: written (map "${String(result.document.id)}")\n`);
  checkOrigins(result.document, io);
  return 0;
}

/** Whether a layer tree holds at least one layer (groups alone, and basemaps, are no content). */
const hasLayer = (nodes: readonly LayerNode[]): boolean => nodes.some((n) => n.type !== 'group' || hasLayer(n.layers));

/** The document with a "$schema" pointing at the project's published schema (editors then complete and check it). */
function withSchema(document: Record<string, unknown>, output: string | undefined): Record<string, unknown> {
  const schema = resolve('public/schema/map-context.v1.json');
  if (!output || output === '-' || document.$schema !== undefined || !existsSync(schema)) return document;
  const path = relative(dirname(resolve(output)), schema).split('\\').join('/');
  return { $schema: path.startsWith('.') ? path : `./${path}`, ...document };
}

/** Says which data origins of an imported map the project's site.config.json does not allow yet. */
function checkOrigins(document: Record<string, unknown>, io: Io): void {
  if (!existsSync('site.config.json')) return;
  const parsed = parseJson(readFileSync('site.config.json', 'utf8'));
  const site = parsed.ok ? validateSiteConfig(parsed.value) : undefined;
  if (!site?.ok) return;
  const allowed = new Set(site.value.allowedOrigins.filter((o) => o.use.includes('data')).map((o) => o.origin.toLowerCase()));
  for (const [origin, layers] of dataOrigins(document)) {
    if (allowed.has(origin)) continue;
    const advice = origin.startsWith('http://') ? 'a plain http address: browsers refuse it on an https site' : 'add it with "use": ["data"]';
    io.err(`site.config.json: ${origin} is not in "allowedOrigins" (${advice}); used by: ${layers.join(', ')}\n`);
  }
}

function runExport(args: Args, io: Io): number {
  const [format, input, ...rest] = args.positional;
  if (format !== 'owc') throw new CliError(`export writes OWS Context only: cartable export owc <map.json> [-o out.json]`, 2);
  if (!input) throw new CliError('export owc needs a map document', 2);
  if (rest.length) throw new CliError(`export takes one map document, got also: ${rest.join(' ')}`, 2);
  const parsed = parseJson(decodeText(readBytes(input)).text);
  if (!parsed.ok) throw new CliError(formatProblem(input, parsed.problems[0]!));
  const validation = validateContext(parsed.value);
  if (!validation.ok) {
    validation.problems.forEach((p) => io.err(`${formatProblem(input, p)}\n`));
    io.err(`${input}: nothing written: fix the document first\n`);
    return 1;
  }
  const exported = exportOwsContext(validation.value as MapContext);
  printReport(exported.report, input, args.quiet, io);
  writeOutput(`${JSON.stringify(exported.document, null, 2)}\n`, args.output, io);
  if (args.output && args.output !== '-') io.err(`${args.output}: written (OWS Context, ${exported.document.features.length} resources)\n`);
  return 0;
}

/**
 * Runs the tool; returns the exit code (0 fine, 1 problems found, 2 wrong usage). The token checker
 * and the collector are services: their promise settles once they are stopped.
 */
export function main(argv: readonly string[], io: Io = defaultIo): number | Promise<number> {
  if (argv[0] === 'stats') return runStats(argv.slice(1), io).catch((error: unknown) => failure(error, io));
  if (argv[0] === 'token-checker') return runTokenChecker(argv.slice(1), io).catch((error: unknown) => failure(error, io));
  if (argv[0] === 'collect') return runCollector(argv.slice(1), io).catch((error: unknown) => failure(error, io));
  try {
    const args = parseArgs(argv);
    const [command, ...positional] = args.positional;
    if (args.help || !command || command === 'help') {
      io.out(USAGE);
      return command || args.help ? 0 : 2;
    }
    const rest = { ...args, positional };
    if (command === 'validate') {
      if (!positional.length) throw new CliError('validate needs at least one file', 2);
      let ok = true;
      for (const file of positional) {
        try {
          ok = validateFile(file, io) && ok;
        } catch (error) {
          if (!(error instanceof CliError)) throw error;
          io.err(`${error.message}\n`);
          ok = false;
        }
      }
      return ok ? 0 : 1;
    }
    if (command === 'import') {
      const code = runImport(rest, io);
      return typeof code === 'number' ? code : code.catch((error: unknown) => failure(error, io));
    }
    if (command === 'export') return runExport(rest, io);
    throw new CliError(`unknown command "${command}" (commands: validate, import, export, token-checker; see cartable --help)`, 2);
  } catch (error) {
    return failure(error, io);
  }
}

/** The exit code of a failure, said in one sentence. */
function failure(error: unknown, io: Io): number {
  if (error instanceof CliError) {
    io.err(`cartable: ${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof InputError) {
    io.err(`cartable: ${error.message}\n`);
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`cartable: internal error (please report it): ${message}\n`);
  return 70;
}
