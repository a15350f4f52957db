/**
 * The Vite plugin that turns maps/ and site.config.json into the site: it validates every document
 * (failing the build with the full list of problems), prepares the demo data, and writes the catalog,
 * the normalised documents, the packaged data and one static page per public map. The dev server
 * serves the same files from memory.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { OutputBundle } from 'rolldown';
import type { Plugin, ViteDevServer } from 'vite';
import { buildCatalog } from './catalog.js';
import { firstMapChunks } from './chunks.js';
import { apacheHtaccess, contentSecurityPolicy, nginxServer } from './deploy.js';
import { drawIcon } from './icons.js';
import { prepareDemoData } from './data/demo-data.js';
import { buildMaps, type BuiltMap, type OutputFile } from './maps.js';
import { mapPage, type MapPreloads } from './pages.js';
import { notFoundFiles } from './not-found.js';
import { accessibilityStatementFiles } from './accessibility-statement.js';
import { stateIdentityFiles } from './state-identity.js';
import { walkLayers } from '../src/context/checks.js';
import { chunkClosure } from './chunk-closure.js';
import { element } from './element.js';
import { oembedAnswer, oembedPath } from './oembed.js';
import { unlistedOriginWarnings } from './origins.js';
import { checkPublicOutput } from './leaks.js';
import { nginxRestrictedServer } from './restricted-deploy.js';
import { restrictedConfigProblems, restrictedOutDir, withheldLine, writeRestrictedOutput } from './restricted.js';
import { restrictedOutputFiles } from './restricted-catalog.js';
import { loadSiteConfig, mapsDirOf, siteConfigPath } from './site.js';
import { stagedOutput } from './staging.js';
import { prepareProjectSources, type SourceResolution, type SourceResolver } from './sources.js';
import { studioEndpoint } from './studio-endpoint.js';
import type { SiteConfig } from '../src/context/types.js';
import { checkSiteTheme } from '../src/theme/contrast.js';
import { resolveTheme, tokenDeclarations } from '../src/theme/tokens.js';

const SITE_MODULE = 'virtual:cartable/site';
/** The site's design tokens, resolved (the page's :root and the <cartable-map> element's :host). */
const TOKENS_MODULE = 'virtual:cartable/tokens';
/** The same tokens as a style sheet for the page's :root, in the page's CSS: there before any script runs. */
const TOKENS_CSS = 'virtual:cartable/tokens.css';

/** The icons of the web app manifest: file name, size, maskable. */
export const ICONS: ReadonlyArray<readonly [string, number, boolean]> = [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['maskable-512.png', 512, true],
];

export class SiteBuildError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Cartable: ${problems.length} problem(s) in the site's documents:\n  ${problems.join('\n  ')}`);
    this.name = 'SiteBuildError';
  }
}

interface SiteContent {
  site: SiteConfig;
  maps: BuiltMap[];
  files: OutputFile[];
  /** The restricted output (plugin/restricted.ts): its maps and files, the signed-in catalog first. */
  restricted: { maps: BuiltMap[]; files: OutputFile[] };
}

/**
 * Everything the site serves besides the app itself. A build stops at the first problem with a
 * SiteBuildError listing every problem of every document; the dev server (`tolerant`) serves broken
 * documents as they are, listed in the catalog as not validated with their problems, so the viewer
 * shows them. `sources`: where layers' `source` data was read (plugin/sources.ts).
 */
export function buildSiteContent(projectRoot: string, options: { tolerant?: boolean; sources?: SourceResolver } = {}): SiteContent {
  const mapsDir = mapsDirOf(projectRoot);
  prepareDemoData(mapsDir);
  const loaded = loadSiteConfig(projectRoot);
  const site = loaded.site;
  const configName = relative(projectRoot, siteConfigPath(projectRoot));
  // A theme whose text or focus ring falls below WCAG AA fails the build, naming the pair (src/theme/contrast.ts).
  const themeErrors = site ? checkSiteTheme(site.theme).errors.map((line) => `${configName}: ${line}`) : [];
  const siteProblems = site ? [...restrictedConfigProblems(site, configName), ...themeErrors] : loaded.problems;
  const { maps, restricted, problems, invalid, invalidProblems } = buildMaps(mapsDir, projectRoot, { restrictedUrl: site?.restricted?.url, sources: options.sources });
  if (!site || siteProblems.length || (problems.length && !options.tolerant)) throw new SiteBuildError([...siteProblems, ...problems]);
  const publicMaps = maps.filter((m) => m.context.access.level === 'public');
  const catalog = buildCatalog(publicMaps);
  const broken = invalid.map((file) => {
    const id = basename(file, '.json');
    const why = invalidProblems.get(file);
    return { id, title: id, tags: [], layers: [], document: `maps/${id}.json`, page: `maps/${id}.html`, online: false, validated: false, problems: why };
  });
  const files: OutputFile[] = [
    { path: 'catalog.json', source: JSON.stringify({ ...catalog, maps: [...catalog.maps, ...broken] }) },
    // Files several maps package (e.g. the communes) once each.
    ...new Map(publicMaps.flatMap((m) => m.outputs).map((o) => [o.path, o] as const)).values(),
    ...invalid.map((file) => ({ path: `maps/${basename(file)}`, source: readFileSync(join(projectRoot, file)) })),
  ];
  // One catalog per group and one for any signed-in person, and access.json (plugin/restricted-catalog.ts).
  return { site, maps: publicMaps, files, restricted: { maps: restricted, files: restrictedOutputFiles(restricted) } };
}

function serveFiles(server: ViteDevServer, projectRoot: string): void {
  // Sources fetched once for the server's lifetime (a failure too: its map shows why), one request at a time.
  const fetched = new Map<string, SourceResolution>();
  let reading: Promise<unknown> = Promise.resolve();
  const readSources = (): Promise<SourceResolver> => {
    const next = reading.then(() => prepareProjectSources(projectRoot, { known: fetched, log: (line) => server.config.logger.warn(line) }));
    reading = next.catch(() => undefined);
    return next;
  };
  server.middlewares.use(async (req, res, next) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0]!.replace(/^\//, ''));
    const servesContent = path === 'catalog.json' || /^(maps|data|thumbnails)\//.test(path);
    if (!servesContent) return next();
    let content: SiteContent;
    try {
      content = buildSiteContent(projectRoot, { tolerant: true, sources: await readSources() });
    } catch (error) {
      if (!(error instanceof SiteBuildError)) return next(error);
      server.config.logger.error(error.message);
      res.statusCode = 500;
      return res.end(error.message);
    }
    const page = /^maps\/([^/]+)\.html$/.exec(path);
    if (page) {
      const entry = content.maps.find((m) => m.context.id === page[1])?.entry;
      if (!entry) return next();
      const index = await server.transformIndexHtml('/index.html', readFileSync(join(projectRoot, 'index.html'), 'utf8'));
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      // Dev pages keep root-relative script URLs, which already work one folder down.
      return res.end(mapPage(index, entry, content.site).replace(/(href|src)="\.\.\/(?=src|@)/g, '$1="/'));
    }
    const file = content.files.find((f) => f.path === path);
    if (!file) return next();
    res.setHeader('Content-Type', path.endsWith('json') ? 'application/json' : 'application/octet-stream');
    res.end(file.source);
  });
}

/**
 * What a map's page carries and asks for before its code does: the map view's and its layer kinds'
 * code, the packaged data of the layers it opens on, and its validated document inline.
 */
function mapPreloads(bundle: OutputBundle, map: BuiltMap): MapPreloads {
  // The entry's code: the page's script tag and Vite's own modulepreloads ask for it (plugin/chunks.ts: its chunk and `app`).
  const loaded = new Set(chunkClosure(bundle, 'src/main.ts'));
  const kinds = new Set<string>();
  const fetches: string[] = [];
  const pageUrl = new URL(map.entry.page, 'https://site.invalid/');
  walkLayers(map.context.layers, (node) => {
    if (node.type === 'group' || !node.visible) return;
    kinds.add(node.type);
    // Packaged GeoJSON the map draws at once (a scale range may leave it unread at the opening view).
    if (node.type !== 'geojson' || !node.url || node.minScale !== undefined || node.maxScale !== undefined) return;
    const url = new URL(node.url, pageUrl);
    if (url.origin === pageUrl.origin && url.pathname.startsWith('/data/')) fetches.push(url.pathname.slice(1));
  });
  const active = map.context.basemaps.find((b) => b.active) ?? map.context.basemaps[0];
  if (active && active.type !== 'empty') kinds.add(active.type);
  const modules = new Set<string>();
  for (const suffix of ['src/ui/cartable-map-view.ts', ...[...kinds].map((k) => `src/layers/${k}/create.ts`)]) {
    for (const file of chunkClosure(bundle, suffix)) if (!loaded.has(file)) modules.add(file);
  }
  const document = map.outputs.find((o) => o.path === map.entry.document)?.source;
  return { modules: [...modules], fetches: [...new Set(fetches)], document: typeof document === 'string' ? document : document && new TextDecoder().decode(document) };
}

export function cartable(options: { projectRoot: string }): Plugin[] {
  const { projectRoot } = options;
  let content: SiteContent | undefined;
  const site: Plugin = {
    name: 'cartable-site',
    resolveId(id) {
      return id === SITE_MODULE || id === TOKENS_MODULE || id === TOKENS_CSS ? `\0${id}` : undefined;
    },
    load(id) {
      if (![SITE_MODULE, TOKENS_MODULE, TOKENS_CSS].some((module) => id === `\0${module}`)) return undefined;
      const { site, problems } = loadSiteConfig(projectRoot);
      if (!site) throw new SiteBuildError(problems);
      if (id === `\0${TOKENS_MODULE}`) return `export default ${JSON.stringify(resolveTheme(site.theme))};`;
      if (id === `\0${TOKENS_CSS}`) return `:root { ${tokenDeclarations(resolveTheme(site.theme))} }\n`;
      // `sources` names the build machine's local files: the browser has no use for them.
      return `export default ${JSON.stringify({ ...site, sources: undefined })};`;
    },
    async buildStart() {
      if (this.meta.watchMode) return;
      const sources = await prepareProjectSources(projectRoot, { log: (line) => console.warn(line) });
      content = buildSiteContent(projectRoot, { sources }); // Fails the build with every problem of every document.
      for (const map of content.maps) for (const rule of map.confidential) console.log(`Cartable: ${withheldLine(map.file, rule)}`);
      for (const line of unlistedOriginWarnings(content.site, [...content.maps, ...content.restricted.maps])) this.warn(line);
      for (const line of checkSiteTheme(content.site.theme).warnings) this.warn(line);
    },
    configureServer(server) {
      serveFiles(server, projectRoot);
    },
  };
  // The studio's reading and saving of documents: the development server only (plugin/studio-endpoint.ts).
  const studio: Plugin = {
    name: 'cartable-studio-endpoint',
    apply: 'serve',
    configureServer(server) {
      const known = new Map<string, SourceResolution>();
      const readSources = (): Promise<SourceResolver> => prepareProjectSources(projectRoot, { known, log: (line) => server.config.logger.warn(line) });
      server.middlewares.use(studioEndpoint({ mapsDir: mapsDirOf(projectRoot), readSources }));
    },
  };
  // After Vite has written index.html into the bundle: the map pages are made from it.
  const pages: Plugin = {
    name: 'cartable-site-pages',
    enforce: 'post',
    generateBundle(_options, bundle) {
      if (!content) return;
      const background = resolveTheme(content.site.theme)['--cartable-header-bg'];
      for (const [name, size, maskable] of ICONS) {
        this.emitFile({ type: 'asset', fileName: `icons/${name}`, source: drawIcon(size, { background, maskable }) });
      }
      for (const file of content.files) this.emitFile({ type: 'asset', fileName: file.path, source: file.source });
      // Deployment recipes made from this site's configuration (docs/deploy.md explains them).
      const csp = contentSecurityPolicy(content.site);
      this.emitFile({ type: 'asset', fileName: 'deploy/content-security-policy.txt', source: `${csp}\n` });
      this.emitFile({
        type: 'asset',
        fileName: 'deploy/nginx.conf',
        source: `# nginx server block for this site, served from /srv/www/cartes/ at https://…/cartes/.\n# Adjust "listen", "root" (the folder that holds cartes/) and the location path.\n${nginxServer({ root: '/srv/www', basePath: '/cartes/', listen: '80', csp })}\n`,
      });
      this.emitFile({ type: 'asset', fileName: 'deploy/apache.htaccess', source: apacheHtaccess(csp) });
      if (content.site.restricted) {
        const server = nginxRestrictedServer(content.site, { root: '/srv/www/cartes-restreint', checker: 'http://127.0.0.1:4180/check', listen: '443 ssl' });
        this.emitFile({
          type: 'asset',
          fileName: 'deploy/nginx-restricted.conf',
          source: `# nginx server block for the restricted output (docs/deploy.md, "Restricted maps"): copy <outDir>-restricted/ to "alias",\n# point "proxy_pass" at your token checker, add the TLS certificate lines.\n${server}\n`,
        });
      }
      const index = bundle['index.html'];
      if (!index || index.type !== 'asset') this.error('index.html is missing from the bundle');
      const html = String(index.source);
      // The site's "page not found" (404.html), which the server recipes above answer for unknown addresses.
      for (const file of notFoundFiles(content.site, html)) this.emitFile({ type: 'asset', fileName: file.path, source: file.source });
      // The accessibility statement (RGAA) and, for a State service's site, the Marianne font and the logo.
      for (const file of [...accessibilityStatementFiles(content.site, html), ...stateIdentityFiles(content.site)]) {
        this.emitFile({ type: 'asset', fileName: file.path, source: file.source });
      }
      for (const map of content.maps) {
        this.emitFile({ type: 'asset', fileName: map.entry.page, source: mapPage(html, map.entry, content.site, mapPreloads(bundle, map)) });
        const oembed = oembedAnswer(map.entry, content.site);
        if (oembed) this.emitFile({ type: 'asset', fileName: oembedPath(map.entry), source: JSON.stringify(oembed) });
      }
    },
  };
  // Last, on the staged output once every public file is written (the service worker too): the leak
  // check, then the restricted output; the output is put in place only if both succeed (plugin/staging.ts).
  const output = stagedOutput(({ folder: staged, outDir: final }) => {
    if (!content) return;
    checkPublicOutput(staged, content.maps, content.restricted.maps);
    const folder = restrictedOutDir(final);
    writeRestrictedOutput(folder, content.restricted.files);
    if (!content.site.restricted && content.restricted.maps.length) {
      console.log(
        `Cartable: ${content.restricted.maps.length} restricted map(s) written to ${folder} with relative URLs: set "restricted.url" in the site configuration (where that folder is served behind authentication) to make them reachable`,
      );
    }
  });
  return [site, studio, element(projectRoot), pages, output, firstMapChunks()];
}
