/**
 * The fault matrix's maps and stand-in servers: for one fault, a map of the tests' own with one layer
 * of each kind and a WMTS basemap, each reading from its own path (`/faults/<fault>/<kind>/…`) so that
 * requests are counted per layer; the fixtures that answer them with the fault until the test says
 * the server has recovered; and what each layer should then say (its problem, in exact words).
 */
import type { Request, Route } from 'playwright-core';
import type { Fixture, LayerStateSnapshot } from './harness.js';
import { SITE_FIXTURES } from './remote-map.js';
import { EXCEPTION_TEXT, KINDS, SHARED_FILES_PRESENT, faultyAnswer, goodAnswer, type Answer, type Fault, type Kind } from './fault-answers.js';

export { FAULTS, KINDS, TILE_KINDS, type Fault, type Kind } from './fault-answers.js';

/** Where the layers of the routed faults live: the Géoplateforme (allowed by the site's CSP). */
export const DATA_ORIGIN = 'https://data.geopf.fr';
/** The basemap's service: another host (added to the suite's allowed origins), so that it gets an alert of its own. */
export const BASEMAP_ORIGIN = 'https://wxs.ign.fr';

/** Titles a person reads (in the layer list and the alerts). */
export const TITLES: Record<Kind, string> = {
  geojson: 'Lieux (GeoJSON)',
  csv: 'Lieux (CSV)',
  flatgeobuf: 'Pays (FlatGeobuf)',
  pmtiles: 'Fond Toner (PMTiles)',
  wfs: 'Lieux (WFS)',
  wms: 'Carte (WMS)',
  wmts: 'Tuiles (WMTS)',
  xyz: 'Tuiles (XYZ)',
  basemap: 'Plan (WMTS)',
};
/** The basemap's layer id; the others are their kind's name. */
export const BASEMAP_ID = 'fond';
export const idOf = (kind: Kind): string => (kind === 'basemap' ? BASEMAP_ID : kind);

/** The kinds whose server misbehaves in each fault (the others answer well). */
export function faultyKinds(fault: Fault): Kind[] {
  const kinds: Kind[] =
    fault === 'exception' ? ['wfs', 'wms', 'wmts', 'basemap'] : fault === 'truncated' ? ['csv', 'flatgeobuf', 'pmtiles'] : [...KINDS];
  return SHARED_FILES_PRESENT ? kinds : kinds.filter((k) => k !== 'flatgeobuf' && k !== 'pmtiles');
}
/** The layer kinds on the map of a fault: the faulty ones and the basemap. */
const mapKinds = (fault: Fault): Kind[] => [...new Set<Kind>([...faultyKinds(fault), 'basemap'])];

const style = (color: string) => ({ symbol: { fill: { color: `${color}66` }, stroke: { color, width: 1 }, marker: { shape: 'circle', radius: 6, fill: { color } } } });

function layerDef(kind: Kind, base: string): Record<string, unknown> {
  const common = { id: idOf(kind), title: TITLES[kind] };
  switch (kind) {
    case 'geojson':
      return { ...common, type: 'geojson', url: `${base}/lieux.geojson`, style: style('#a0522d') };
    case 'csv':
      return { ...common, type: 'csv', url: `${base}/lieux.csv`, xField: 'lon', yField: 'lat', style: style('#1565c0') };
    case 'flatgeobuf':
      return { ...common, type: 'flatgeobuf', url: `${base}/pays.fgb`, style: style('#2e7d32') };
    case 'pmtiles':
      return { ...common, type: 'pmtiles', url: `${base}/toner.pmtiles`, opacity: 0.5 };
    case 'wfs':
      return { ...common, type: 'wfs', url: `${base}/ows`, typeName: 'faults:lieux', version: '2.0.0', outputFormat: 'application/json', style: style('#6a1b9a') };
    case 'wms':
      return { ...common, type: 'wms', url: `${base}/wms`, layers: 'FAULTS', infoFormat: 'json' };
    case 'wmts':
      return { ...common, type: 'wmts', url: `${base}/wmts`, layer: 'FAULTS-TUILES', matrixSet: 'PM', format: 'image/png', style: 'normal' };
    case 'xyz':
      return { ...common, type: 'xyz', url: `${base}/{z}/{x}/{y}.png` };
    case 'basemap':
      return { ...common, type: 'wmts', url: `${base}/wmts`, layer: 'FAULTS-FOND', matrixSet: 'PM', format: 'image/png', style: 'normal', active: true };
  }
}

/** Lon/lat of the maps' centre (Grenoble), zoom 8: the places, the countries and the tiles are in view. */
export const CENTRE = [5.72, 45.19] as const;

/** Where each kind's server is: an origin (scheme, host, port). */
export type Origins = (kind: Kind) => string;
/** The routed faults' servers: the Géoplateforme for the layers, another host for the basemap. */
export const ROUTED_ORIGINS: Origins = (kind) => (kind === 'basemap' ? BASEMAP_ORIGIN : DATA_ORIGIN);

/** The map of `fault`; `origins`: where each of its layers is served from. */
export function faultMap(fault: Fault, origins: Origins) {
  const base = (kind: Kind) => `${origins(kind)}/faults/${fault}/${kind}`;
  const kinds = mapKinds(fault);
  return {
    version: 1,
    id: `pannes-${fault}`,
    title: `Pannes : ${fault}`,
    view: { center: [...CENTRE], zoom: 8 },
    // A second basemap, so that the map offers a basemap chooser (which tells the failure too).
    basemaps: [layerDef('basemap', base('basemap')), { type: 'empty', id: 'sans-fond', title: 'Sans fond' }],
    layers: kinds.filter((k) => k !== 'basemap').map((k) => layerDef(k, base(k))),
  };
}

/** The path that opens the map of `fault` (`lang`: the page's language). */
export const faultMapPath = (fault: Fault, lang?: 'en'): string =>
  `?context=${encodeURIComponent(`${SITE_FIXTURES}pannes-${fault}.json`)}${lang ? `&lang=${lang}` : ''}`;

/** The layers the map of `fault` shows, in the order the alerts name them (the basemap first). */
export const layersOf = (fault: Fault): Kind[] => ['basemap', ...mapKinds(fault).filter((k) => k !== 'basemap')];

/** Fixtures of one fault's map: its document, and one counted fixture per kind (the WMS legend apart). */
export interface FaultServers {
  readonly fixtures: Fixture[];
  /** The fixture name that counts `kind`'s requests. */
  nameOf(kind: Kind): string;
  /** The servers answer well from now on. */
  recover(): void;
  /** Lets go of the requests held without an answer (the end of a test). */
  releaseHeld(): Promise<void>;
}

const pathMatches = (url: URL, origin: string, fault: Fault, kind: Kind): boolean =>
  url.origin === origin && url.pathname.startsWith(`/faults/${fault}/${kind}/`);
const isLegend = (url: URL): boolean =>
  [...url.searchParams].some(([key, value]) => key.toLowerCase() === 'request' && value.toLowerCase() === 'getlegendgraphic');

async function fulfil(route: Route, answer: Exclude<Answer, 'hold'>): Promise<void> {
  await route.fulfill({ status: answer.status, headers: { ...answer.headers }, body: answer.body });
}

/** Routes for the map of a routed fault (every fault but stall and cors, which misbehavingServer serves). */
export function faultServers(fault: Fault, origins: Origins = ROUTED_ORIGINS): FaultServers {
  let recovered = false;
  const held: Array<() => Promise<void>> = [];
  const faulty = new Set(faultyKinds(fault));
  const respond = (kind: Kind) => async (route: Route, request: Request) => {
    const url = new URL(request.url());
    const range = (await request.allHeaders()).range;
    const answer = recovered || !faulty.has(kind) ? goodAnswer(kind, url, range) : faultyAnswer(fault, kind, url, range);
    if (answer !== 'hold') return fulfil(route, answer);
    // Never answered: the page gives up by itself; the route is let go of at the end.
    await new Promise<void>((resolve) => held.push(() => route.abort('timedout').catch(() => undefined).then(resolve)));
  };
  const document: Fixture = {
    name: `faults ${fault} document`,
    match: (url) => url.pathname.endsWith(`/${SITE_FIXTURES}pannes-${fault}.json`),
    respond: (route) => route.fulfill({ status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(faultMap(fault, origins)) }),
  };
  const legend: Fixture = {
    name: `faults ${fault} wms legend`,
    match: (url) => pathMatches(url, origins('wms'), fault, 'wms') && isLegend(url),
    respond: respond('wms'),
  };
  const perKind: Fixture[] = KINDS.map((kind) => ({
    name: `faults ${fault} ${kind}`,
    match: (url: URL) => pathMatches(url, origins(kind), fault, kind),
    respond: respond(kind),
  }));
  return {
    fixtures: [document, legend, ...perKind],
    nameOf: (kind) => `faults ${fault} ${kind}`,
    recover: () => void (recovered = true),
    releaseHeld: async () => void (await Promise.all(held.splice(0).map((release) => release()))),
  };
}

/** What the layer of `kind` should report once `fault` has struck it (undefined: it loads). */
export function expectedProblem(fault: Fault, kind: Kind): LayerStateSnapshot['problem'] | undefined {
  if (!faultyKinds(fault).includes(kind)) return undefined;
  switch (fault) {
    case 'http500':
      return { code: 'http', detail: '500' };
    case 'http404':
      return { code: 'http', detail: '404' };
    case 'held':
      return { code: 'timeout' };
    case 'stall':
      return { code: 'stalled' };
    case 'portal':
      return { code: 'wrong-format', detail: 'text/html' };
    case 'cors':
      return { code: 'cors' };
    case 'exception':
      return { code: 'service', detail: EXCEPTION_TEXT[kind] };
    case 'truncated':
      return { code: 'truncated' };
    case 'malformed':
      if (kind === 'geojson') return { code: 'invalid-json' };
      if (kind === 'csv') return { code: 'missing-columns', detail: 'lon, lat' };
      // The bytes are not a FlatGeobuf file or a PMTiles archive at all.
      if (kind === 'flatgeobuf' || kind === 'pmtiles') return { code: 'wrong-format' };
      if (kind === 'wfs') return { code: 'invalid-data', detail: 'JSON' };
      return { code: 'invalid-data', detail: 'image/png' };
  }
}

/** A problem in the exact words the person reads (French; English for the one English run). */
export function expectedText(problem: NonNullable<LayerStateSnapshot['problem']>, lang: 'fr' | 'en' = 'fr'): string {
  const { code, detail } = problem;
  if (lang === 'en') {
    if (code === 'http' && detail === '500') return 'Server error (500): try again later';
    throw new Error(`no English text in this test for ${JSON.stringify(problem)}`);
  }
  if (code === 'http') return detail === '404' ? 'Données introuvables (erreur 404)' : `Erreur du serveur (${detail}) : réessayer plus tard`;
  if (code === 'timeout') return 'Le service ne répond pas (délai dépassé)';
  if (code === 'stalled') return 'Le transfert des données s’est arrêté en route ou est trop lent (délai dépassé)';
  if (code === 'cors') return 'Lecture refusée par le navigateur : le serveur répond mais n’autorise pas ce site (CORS)';
  if (code === 'truncated') return 'Le fichier s’arrête avant la fin (tronqué)';
  if (code === 'invalid-json') return 'Les données reçues sont illisibles (JSON invalide)';
  if (code === 'missing-columns') return `Colonnes absentes du fichier : ${detail}`;
  if (code === 'invalid-data') return `Les données reçues sont illisibles (format attendu : ${detail})`;
  if (code === 'service') return `Le service a renvoyé une erreur : ${detail}`;
  if (code === 'wrong-format' && detail === 'text/html') {
    return "Le serveur a renvoyé une page web (text/html) au lieu des données : portail de connexion, page d'erreur ou adresse erronée ?";
  }
  if (code === 'wrong-format') return 'Les données reçues ne sont pas au format attendu';
  throw new Error(`no expected text for ${JSON.stringify(problem)}`);
}
