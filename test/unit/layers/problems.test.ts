/**
 * Every failure of a layer's load, from the error a loader meets to the words the layer list shows,
 * in French and in English: each cause its own code and its own message, never the browser's words.
 */
import { configureLocalization } from '@lit/localize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceExceptionError } from '../../../src/ogc/exception.js';
import { InvalidResponseError, NotOfferedError, problemOf as ogcProblemOf } from '../../../src/layers/ogc/problem.js';
import { InvalidDataError, MissingColumnsError, NotGeoJsonError, TruncatedError, WrongFormatError, problemOf } from '../../../src/layers/problems.js';
import { OutsideProjectionError } from '../../../src/layers/projection-check/check.js';
import { RangeRefusedError } from '../../../src/layers/range-read.js';
import { RequestError, type RequestFailureKind } from '../../../src/net/requester.js';
import type { LayerProblem } from '../../../src/state/store.js';
import { describeLayerProblem } from '../../../src/ui/layer-problem.js';

const request = (kind: RequestFailureKind, status?: number) => new RequestError({ kind, url: 'https://x.example/a', status, message: 'our words' });

/** Each cause: the error met, the problem it becomes, its French and English words. */
const CAUSES: Array<{ cause: string; error: unknown; problem: LayerProblem; fr: string; en: string }> = [
  { cause: 'not found', error: request('http', 404), problem: { code: 'http', detail: '404' }, fr: 'Données introuvables (erreur 404)', en: 'Data not found (error 404)' },
  { cause: 'server error', error: request('http', 503), problem: { code: 'http', detail: '503' }, fr: 'Erreur du serveur (503) : réessayer plus tard', en: 'Server error (503): try again later' },
  { cause: 'access refused', error: request('http', 403), problem: { code: 'http', detail: '403' }, fr: 'Accès refusé par le serveur (erreur 403)', en: 'Access refused by the server (error 403)' },
  { cause: 'other HTTP error', error: request('http', 418), problem: { code: 'http', detail: '418' }, fr: 'Le service a répondu par une erreur (418)', en: 'The service answered with an error (418)' },
  { cause: 'no answer in time', error: request('timeout'), problem: { code: 'timeout' }, fr: 'Le service ne répond pas (délai dépassé)', en: 'The service does not answer (time limit reached)' },
  {
    cause: 'a body that stalls',
    error: request('stalled'),
    problem: { code: 'stalled' },
    fr: 'Le transfert des données s’est arrêté en route ou est trop lent (délai dépassé)',
    en: 'The data transfer stopped midway or is too slow (time limit reached)',
  },
  { cause: 'connection cut', error: request('interrupted'), problem: { code: 'interrupted' }, fr: 'La connexion a été coupée avant la fin des données', en: 'The connection was cut before the end of the data' },
  { cause: 'offline', error: request('offline'), problem: { code: 'offline' }, fr: 'Hors ligne : données indisponibles', en: 'Offline: data unavailable' },
  {
    cause: 'refused by the browser (CORS)',
    error: request('cors'),
    problem: { code: 'cors' },
    fr: 'Lecture refusée par le navigateur : le serveur répond mais n’autorise pas ce site (CORS)',
    en: 'Reading refused by the browser: the server answers but does not allow this site (CORS)',
  },
  {
    cause: 'unreachable',
    error: request('network'),
    problem: { code: 'network' },
    fr: 'Service injoignable (serveur arrêté, adresse erronée ou réseau coupé)',
    en: 'Service unreachable (server down, wrong address or network down)',
  },
  {
    cause: 'an HTML page instead of the data',
    error: new WrongFormatError('text/html'),
    problem: { code: 'wrong-format', detail: 'text/html' },
    fr: 'Le serveur a renvoyé une page web (text/html) au lieu des données : portail de connexion, page d\'erreur ou adresse erronée ?',
    en: 'The server sent a web page (text/html) instead of the data: a sign-in portal, an error page or a wrong address?',
  },
  {
    cause: 'another format',
    error: new WrongFormatError('application/json'),
    problem: { code: 'wrong-format', detail: 'application/json' },
    fr: 'Les données reçues ne sont pas au format attendu (reçu : application/json)',
    en: 'The data received is not in the expected format (received: application/json)',
  },
  { cause: 'another format, unnamed', error: new WrongFormatError(), problem: { code: 'wrong-format', detail: undefined }, fr: 'Les données reçues ne sont pas au format attendu', en: 'The data received is not in the expected format' },
  {
    cause: 'Lambert-93 read as degrees',
    error: new OutsideProjectionError('EPSG:4326', 'EPSG:2154'),
    problem: { code: 'outside-projection', detail: 'EPSG:4326', likely: 'EPSG:2154' },
    fr: 'Coordonnées hors de la projection EPSG:4326 : les données semblent en Lambert-93 (EPSG:2154)',
    en: 'Coordinates outside the projection EPSG:4326: the data seems to be in Lambert-93 (EPSG:2154)',
  },
  {
    cause: 'coordinates that fit no projection known',
    error: new OutsideProjectionError('EPSG:2154'),
    problem: { code: 'outside-projection', detail: 'EPSG:2154', likely: undefined },
    fr: 'Coordonnées hors de la projection EPSG:2154 : vérifier la projection indiquée pour ces données',
    en: 'Coordinates outside the projection EPSG:2154: check the projection given for this data',
  },
  { cause: 'a file cut short', error: new TruncatedError(), problem: { code: 'truncated' }, fr: 'Le fichier s’arrête avant la fin (tronqué)', en: 'The file ends too early (truncated)' },
  {
    cause: 'no range requests',
    error: new RangeRefusedError('u', 200),
    problem: { code: 'no-range', detail: '200' },
    fr: 'Le serveur refuse la lecture partielle (requêtes Range) : lire le fichier en entier',
    en: 'The server refuses partial reads (Range requests): read the file whole',
  },
  { cause: 'columns missing', error: new MissingColumnsError(['lon', 'lat']), problem: { code: 'missing-columns', detail: 'lon, lat' }, fr: 'Colonnes absentes du fichier : lon, lat', en: 'Columns missing from the file: lon, lat' },
  {
    cause: 'unreadable data of a known format',
    error: new InvalidDataError('FlatGeobuf', 'unreadable FlatGeobuf header'),
    problem: { code: 'invalid-data', detail: 'FlatGeobuf' },
    fr: 'Les données reçues sont illisibles (format attendu : FlatGeobuf)',
    en: 'The data received cannot be read (expected format: FlatGeobuf)',
  },
  { cause: 'JSON that is not GeoJSON', error: new NotGeoJsonError(), problem: { code: 'not-geojson' }, fr: 'Les données reçues ne sont pas du GeoJSON', en: 'The data received is not GeoJSON' },
  { cause: 'malformed JSON', error: new SyntaxError('Unexpected token < in JSON at position 0'), problem: { code: 'invalid-json' }, fr: 'Les données reçues sont illisibles (JSON invalide)', en: 'The data received cannot be read (invalid JSON)' },
  // A raw browser error that reached the classifier anyway: its words stay out.
  { cause: 'a raw « signal timed out »', error: new DOMException('signal timed out', 'TimeoutError'), problem: { code: 'invalid-data' }, fr: 'Les données reçues sont illisibles', en: 'The data received cannot be read' },
  { cause: 'a raw « Failed to fetch »', error: new TypeError('Failed to fetch'), problem: { code: 'invalid-data' }, fr: 'Les données reçues sont illisibles', en: 'The data received cannot be read' },
];

const OGC_CAUSES: Array<{ cause: string; error: unknown; problem: LayerProblem; fr: string; en: string }> = [
  {
    cause: 'an exception report',
    error: new ServiceExceptionError('Layer X is not defined', 'LayerNotDefined'),
    problem: { code: 'service', detail: 'Layer X is not defined' },
    fr: 'Le service a renvoyé une erreur : Layer X is not defined',
    en: 'The service returned an error: Layer X is not defined',
  },
  { cause: 'a layer the service lacks', error: new NotOfferedError('ORTHO'), problem: { code: 'not-offered', detail: 'ORTHO' }, fr: 'Le service ne propose pas la couche ORTHO', en: 'The service does not offer the layer ORTHO' },
  { cause: 'malformed GML', error: new InvalidResponseError('GML'), problem: { code: 'invalid-data', detail: 'GML' }, fr: 'Les données reçues sont illisibles (format attendu : GML)', en: 'The data received cannot be read (expected format: GML)' },
  { cause: 'a body that stalls, for a service', error: request('stalled'), problem: { code: 'stalled' }, fr: 'Le transfert des données s’est arrêté en route ou est trop lent (délai dépassé)', en: 'The data transfer stopped midway or is too slow (time limit reached)' },
];

let setLocale: (locale: string) => Promise<void>;
const silenced = console.warn;

beforeAll(() => {
  // @lit/localize announces locale changes on window.
  (globalThis as { window?: unknown }).window ??= new EventTarget();
  ({ setLocale } = configureLocalization({ sourceLocale: 'fr', targetLocales: ['en'], loadLocale: () => import('../../../src/i18n/locales/en.js') }));
  // Unexpected errors are logged for developers: not in the test output.
  console.warn = () => undefined;
});
afterAll(async () => {
  console.warn = silenced;
  await setLocale('fr');
});

describe.each([
  ['any layer', problemOf, CAUSES],
  ['an OGC layer', ogcProblemOf, OGC_CAUSES],
] as const)('the problem of %s', (_name, classify, causes) => {
  it.each(causes)('$cause: its own code', ({ error, problem }) => {
    expect(classify(error)).toEqual(problem);
  });

  it.each(causes)('$cause: French, then English words', async ({ problem, fr, en }) => {
    await setLocale('fr');
    expect(describeLayerProblem(problem)).toBe(fr);
    await setLocale('en');
    expect(describeLayerProblem(problem)).toBe(en);
  });
});

describe('the words of a problem', () => {
  it('never carry a browser’s or a library’s own message', async () => {
    for (const { error } of CAUSES) {
      for (const locale of ['fr', 'en']) {
        await setLocale(locale);
        expect(describeLayerProblem(problemOf(error))).not.toMatch(/Failed to fetch|signal timed out|our words|Unexpected token|header/);
      }
    }
  });

  it('say « not the expected format » when a file reader finds other bytes than its format', () => {
    expect(problemOf(new Error('Wrong magic number for PMTiles archive'))).toEqual({ code: 'wrong-format' });
    expect(problemOf(new Error('Not a FlatGeobuf file'))).toEqual({ code: 'wrong-format' });
  });

  it('differ from one cause to the next', () => {
    const texts = CAUSES.filter((c) => c.problem.code !== 'invalid-data' || c.problem.detail).map((c) => c.fr);
    expect(new Set(texts).size).toBe(texts.length);
  });
});
