import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SKIP_NO_SHARED_DATA, hasSharedData, sharedFile } from '../../support/shared-data.js';
import { ROOT, fixture, readJson, validated } from './support.js';

/** The `cartable` command as a user runs it (bin/cartable.js), in the project folder. */
function cartable(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [resolve(ROOT, 'bin/cartable.js'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const work = mkdtempSync(join(tmpdir(), 'cartable-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** No stack trace ever reaches the user. */
const noStack = (text: string): void => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

// Each case starts Node and tsx (about a second, more on a busy machine).

describe('cartable (command line)', () => {
  it('prints its help, and says how to use it when called wrongly', () => {
    const help = cartable('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('import [owc|mviewer|wmc] <input>');
    expect(cartable().status).toBe(2);
    const unknown = cartable('frobnicate');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('cartable: unknown command "frobnicate" (commands: validate, import, export, token-checker; see cartable --help)\n');
    expect(cartable('import', '--bogus').stderr).toContain('unknown option --bogus');
  });

  it('validates the shipped maps and the site configuration', () => {
    const maps = readdirSync(resolve(ROOT, 'maps')).filter((f) => f.endsWith('.json')).map((f) => `maps/${f}`);
    const run = cartable('validate', ...maps, 'site.config.json');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('site.config.json: valid site configuration');
    expect(run.stdout).toContain('maps/geosites.json: valid map document');
  });

  it('names the problems of a broken document and of a missing file, and exits 1', () => {
    const broken = join(work, 'broken.json');
    writeFileSync(broken, JSON.stringify({ version: 1, id: 'broken', title: 'x', view: { center: [0, 0] }, layers: [{ type: 'wms', id: 'a', title: 'A' }] }));
    const truncated = join(work, 'truncated.json');
    writeFileSync(truncated, '{ "version": 1,\n  "id": "x",');
    const run = cartable('validate', broken, truncated, join(work, 'absent.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${broken}: /layers/0: missing required property "url"\n`);
    expect(run.stderr).toContain(`${broken}: /layers/0: missing required property "layers"\n`);
    expect(run.stderr).toContain(`${truncated}: /: not valid JSON: the text ends too early`);
    expect(run.stderr).toContain(`${join(work, 'absent.json')}: no such file`);
    noStack(run.stderr);
  });

  it('imports a hand-made mviewer configuration with the format found from the content, to standard output', () => {
    const run = cartable('import', fixture('mviewer-rules.xml'), '--id', 'essai-mviewer');
    expect(run.status).toBe(0);
    const map = validated(JSON.parse(run.stdout));
    expect(map.id).toBe('essai-mviewer');
    expect(run.stderr).toContain('read as mviewer configuration (XML)');
    expect(run.stderr).toContain('"PNR" is a JavaScript custom layer');
    // The project's site configuration does not allow the map's data origins yet: said, layer by layer.
    expect(run.stderr).toContain('site.config.json: https://data.example.org is not in "allowedOrigins" (add it with "use": ["data"]); used by: sites\n');
    expect(run.stderr).toContain('site.config.json: https://tile.example.org is not in "allowedOrigins" (add it with "use": ["data"]); used by: osm-wms\n');
    expect(run.stderr).not.toContain('https://data.geopf.fr is not'); // allowed already (the Plan IGN basemap)
    expect(run.stderr).toMatch(/0 error\(s\), 10 warning\(s\), 4 note\(s\)\n/);
  });

  it('exports a map to OWS Context and imports it back to the same document', () => {
    const owc = join(work, 'geosites.owc.json');
    const out = cartable('export', 'owc', 'maps/geosites.json', '-o', owc);
    expect(out.status).toBe(0);
    expect(readJson(owc)).toMatchObject({ type: 'FeatureCollection', properties: { title: expect.any(String) } });
    const back = join(work, 'geosites.json');
    expect(cartable('import', 'owc', owc, '-o', back).status).toBe(0);
    expect(validated(readJson(back))).toEqual(validated(readJson(resolve(ROOT, 'maps/geosites.json'))));
  });

  it('refuses to export a document with problems, and writes nothing', () => {
    const broken = join(work, 'to-export.json');
    writeFileSync(broken, JSON.stringify({ version: 1, id: 'x', title: 'x', view: { center: [0, 0], zoom: 2 }, layers: [], basemaps: [{ type: 'empty', id: 'a', title: 'A' }, { type: 'empty', id: 'a', title: 'B' }] }));
    const target = join(work, 'never.owc.json');
    const run = cartable('export', 'owc', broken, '-o', target);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('/basemaps/1/id: id "a" is already used at /basemaps/0');
    expect(existsSync(target)).toBe(false);
  });

  it('says the Atom encoding of OWS Context is not read, and the GeoJSON encoding is', () => {
    const atom = join(work, 'context.atom');
    writeFileSync(atom, '<feed xmlns="http://www.w3.org/2005/Atom"><title>Contexte</title></feed>');
    const run = cartable('import', 'owc', atom);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`cartable: ${atom}: this is an Atom feed: the Atom encoding of OWS Context (OGC 12-084r2) is not supported; the GeoJSON encoding (OGC 14-055r2) is, so export the context as GeoJSON\n`);
  });

  it('exits 1 when no layer is converted (a WPS only), and writes the empty map with --allow-empty', () => {
    const input = join(work, 'wps.json');
    const wps = { code: 'http://www.opengis.net/spec/owc-geojson/1.0/req/wps', operations: [] };
    writeFileSync(input, JSON.stringify({ type: 'FeatureCollection', id: 'wps', properties: { title: 'WPS' }, features: [{ type: 'Feature', id: 'p', geometry: null, properties: { title: 'P', offerings: [wps] } }] }));
    const out = join(work, 'wps-out.json');
    const refused = cartable('import', input, '-o', out);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('aucune couche convertie');
    expect(existsSync(out)).toBe(false);
    const allowed = cartable('import', input, '-o', out, '--allow-empty');
    expect(allowed.status).toBe(0);
    expect(validated(readJson(out)).layers).toEqual([]);
    expect(cartable('--help').stdout).toContain('--allow-empty');
  });

  it('writes nothing into a folder that does not exist, and says so', () => {
    const run = cartable('import', fixture('wmc-rules.wmc'), '-o', join(work, 'no-such-folder', 'out.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('cannot be written (its folder does not exist)');
    noStack(run.stderr);
  });
});

describe.skipIf(!hasSharedData('configs'))('cartable on the real documents of ../shared/data/configs', () => {
  it('imports the Latin-1 WMC with correct accents in the UTF-8 file it writes', () => {
    const out = join(work, 'latin1.json');
    const run = cartable('import', 'wmc', sharedFile('configs/wmc/test_latin1.wmc'), '-o', out);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('read as Latin-1 (ISO-8859-1 / Windows-1252)');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('"title": "éèçàùêûô"');
    // Editors complete and check it: the project's schema, relative to where the file is.
    expect(resolve(work, JSON.parse(text).$schema)).toBe(resolve(ROOT, 'public/schema/map-context.v1.json'));
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses the truncated WMC with its file, line and column, keeps an existing output as it was, leaves no temporary file', () => {
    const out = join(work, 'kept.json');
    writeFileSync(out, '{"old": true}\n');
    const input = sharedFile('configs/wmc/test_default-invalid-doc.wmc');
    const run = cartable('import', input, '-o', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^cartable: ${input.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:\\d+: not well-formed XML: the document ends before <ViewContext>, <General> are closed \\(truncated\\?\\)\\n$`));
    expect(readFileSync(out, 'utf8')).toBe('{"old": true}\n');
    expect(readdirSync(work).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    noStack(run.stderr);
  });

  it('refuses the invalid OWS Context with the line of the mistake, and writes nothing', () => {
    const out = join(work, 'csw.json');
    const run = cartable('import', 'owc', sharedFile('configs/owscontext/csw_10entries.json'), '-o', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/csw_10entries\.json: not valid JSON: at line 51, column \d+/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a format that does not match the content', () => {
    const run = cartable('import', 'mviewer', sharedFile('configs/owscontext/wms_meris.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the file holds JSON, not a mviewer configuration (XML)');
  });

  it('refuses to write the mviewer configuration whose layers are all JavaScript (aucune couche convertie), unless --allow-empty', () => {
    const out = join(work, 'demo_vector.json');
    const run = cartable('import', sharedFile('configs/mviewer/demo_vector.xml'), '-o', out, '-q');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('demo_vector.xml: aucune couche convertie — no layer could be converted (see the report above): nothing written (--allow-empty writes the map all the same)\n');
    expect(existsSync(out)).toBe(false);
    expect(cartable('import', sharedFile('configs/mviewer/demo_vector.xml'), '-o', out, '-q', '--allow-empty').status).toBe(0);
    // Its theme, with no layer in it.
    expect(validated(readJson(out)).layers).toMatchObject([{ type: 'group', layers: [] }]);
  });

  it('imports every real mviewer and WMC document into a valid map', () => {
    for (const file of ['mviewer/apps_default.xml', 'mviewer/demo_ign.xml', 'wmc/geobretagne_default_epsg2154.wmc', 'owscontext/ows-json-context.json']) {
      const out = join(work, `${file.replace(/\W/g, '_')}.json`);
      const run = cartable('import', sharedFile(`configs/${file}`), '-o', out, '-q');
      expect(run.status, `${file}: ${run.stderr}`).toBe(0);
      validated(readJson(out));
    }
  });
});

if (!hasSharedData('configs')) console.warn(SKIP_NO_SHARED_DATA);
