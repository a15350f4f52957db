/**
 * What is wrong with a document, in French and in English. A problem carries what is wrong as data
 * (a ProblemDetail); the build and the CLI print its English text, the page says it in its own
 * language. The page loads this module only to list problems: a map without any never pays for it.
 */
import { IMAGE_URL_PATTERN } from './schema/image-url.js';

/** Limits of a number, as the schema gives them. */
export interface Bounds {
  readonly minimum?: number;
  readonly exclusiveMinimum?: number;
  readonly maximum?: number;
  readonly exclusiveMaximum?: number;
}

/** Two numbers in the wrong order: "min" (3) must be below "max" (2). */
interface Order {
  readonly low: string;
  readonly lowValue: number;
  readonly high: string;
  readonly highValue: number;
}

export type ProblemDetail =
  // From the schema (ajv's keywords, in plain words)
  | { readonly kind: 'type'; readonly types: readonly string[]; readonly bounds?: Bounds; readonly got: unknown }
  | { readonly kind: 'required'; readonly name: string }
  | { readonly kind: 'unknown-property' }
  | { readonly kind: 'enum'; readonly allowed: readonly unknown[]; readonly got: unknown }
  | { readonly kind: 'const'; readonly allowed: unknown; readonly got: unknown }
  | { readonly kind: 'unknown-kind'; readonly tag: string; readonly value: unknown; readonly known: readonly string[] }
  | { readonly kind: 'pattern'; readonly pattern: string; readonly description?: string; readonly got: unknown }
  | { readonly kind: 'min-items' | 'max-items' | 'max-length'; readonly limit: number }
  | { readonly kind: 'empty' | 'unique-items' | 'name-not-allowed' | 'no-allowed-form' }
  | { readonly kind: 'only-one-of' | 'one-of-needed'; readonly names: readonly string[] }
  | { readonly kind: 'other'; readonly keyword: string; readonly message?: string }
  // Reading the document
  | { readonly kind: 'not-an-object' | 'json-cut-short' | 'document-missing' }
  | { readonly kind: 'json-syntax'; readonly line: number; readonly column: number }
  | { readonly kind: 'json-unreadable'; readonly reason: string }
  // What the schema cannot say (checks.ts)
  | { readonly kind: 'undeclared-field' | 'id-field-not-declared'; readonly field: string }
  | ({ readonly kind: 'order' } & Order)
  | { readonly kind: 'template'; readonly reason: string }
  | { readonly kind: 'unknown-projection'; readonly code: string }
  | { readonly kind: 'zoom-needs-web-mercator'; readonly projection: string }
  | { readonly kind: 'above'; readonly limit: string; readonly value: number }
  | { readonly kind: 'active-basemaps'; readonly count: number }
  | { readonly kind: 'duplicate-id'; readonly id: string; readonly first: string }
  | { readonly kind: 'table-needs-id-field' | 'center-needs-scale' | 'extent-order' | 'points-table' }
  // A layer's charts (check-charts.ts)
  | { readonly kind: 'charts-need-table' }
  | { readonly kind: 'chart-option'; readonly option: string; readonly types: readonly string[]; readonly type: string }
  | { readonly kind: 'histogram-needs-number'; readonly field: string; readonly type: string }
  | { readonly kind: 'pie-needs-few-values'; readonly field: string; readonly count?: number; readonly limit: number };

/** A value as a person would type it in the document, shortened. */
export function showValue(value: unknown, nothing = 'nothing'): string {
  let text: string;
  try {
    text = value === undefined ? nothing : JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

const quoted = (names: readonly string[]): string => names.map((n) => `"${n}"`).join(', ');

type Texts = { readonly [K in ProblemDetail['kind']]: (detail: ProblemDetail & { readonly kind: K }) => string };

interface Words {
  readonly types: Readonly<Record<string, string>>;
  readonly or: string;
  readonly and: string;
  readonly nothing: string;
}

function wordsFor(words: Words) {
  const show = (value: unknown): string => showValue(value, words.nothing);
  const types = (names: readonly string[]): string => names.map((t) => words.types[t] ?? t).join(` ${words.or} `);
  const bounds = (b: Bounds | undefined): string => {
    const parts = [
      b?.minimum !== undefined ? `≥ ${b.minimum}` : '',
      b?.exclusiveMinimum !== undefined ? `> ${b.exclusiveMinimum}` : '',
      b?.maximum !== undefined ? `≤ ${b.maximum}` : '',
      b?.exclusiveMaximum !== undefined ? `< ${b.exclusiveMaximum}` : '',
    ].filter(Boolean);
    return parts.length ? ` ${parts.join(` ${words.and} `)}` : '';
  };
  return { show, types, bounds };
}

const en = wordsFor({
  types: { number: 'a number', integer: 'a whole number', string: 'a text', boolean: 'true or false', object: 'an object', array: 'a list', null: 'null' },
  or: 'or',
  and: 'and',
  nothing: 'nothing',
});

const fr = wordsFor({
  types: { number: 'un nombre', integer: 'un nombre entier', string: 'un texte', boolean: 'true ou false', object: 'un objet', array: 'une liste', null: 'null' },
  or: 'ou',
  and: 'et',
  nothing: 'rien',
});

/** French for the described patterns of the schemas (the descriptions themselves are in English). */
export const FRENCH_PATTERNS: Readonly<Record<string, string>> = {
  '^[A-Za-z0-9][A-Za-z0-9_.-]*$': 'un identifiant : lettres, chiffres, « _ », « . » et « - », commençant par une lettre ou un chiffre',
  '^(https?://|\\./|\\.\\./|/|[A-Za-z0-9_])': 'une adresse http(s) ou un chemin relatif au document',
  '^(#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|rgba?\\([0-9.,\\s%]+\\)|[a-z]+)$':
    'une couleur CSS : #rgb, #rrggbb, #rrggbbaa, rgb(), rgba() ou un nom de couleur',
  '^(EPSG:[0-9]+|CRS:84|OGC:CRS84)$': 'un système de coordonnées, par exemple « EPSG:2154 » (Lambert-93), « EPSG:3857 », « EPSG:4326 »',
  '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$': 'la date de mise à jour des données : AAAA, AAAA-MM ou AAAA-MM-JJ',
  '^(?!.*\\.\\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\\.(geo)?json$': 'un chemin sous maps/ vers un fichier GeoJSON de points en longitude/latitude (sans « .. »)',
  [IMAGE_URL_PATTERN]: 'une adresse http(s) ou un chemin relatif au document ; les autres schémas (javascript:, data:…) et les adresses « //hôte » sont refusés',
  '^https?://': 'une adresse http(s)',
  '^image/': 'un format d’image (FORMAT)',
  '^https?://[^/?#]+$': 'un protocole, un hôte et un port, sans chemin : « https://data.geopf.fr »',
  '^(https://[^/?#@]+|http://(127\\.0\\.0\\.1|localhost)(:[0-9]+)?)/([^?#]*/)?$':
    'l’adresse absolue du dossier de la sortie restreinte, terminée par « / » : https (http seulement pour 127.0.0.1 ou localhost, pour les tests)',
  '\\{url\\}': 'un modèle d’adresse de proxy contenant {url}',
  '^[A-Za-z_][A-Za-z0-9_]*$': 'un nom d’attribut : lettres sans accent, chiffres et « _ », commençant par une lettre ou « _ »',
};

const ENGLISH: Texts = {
  type: (d) => `must be ${en.types(d.types)}${en.bounds(d.bounds)}, got ${en.show(d.got)}`,
  required: (d) => `missing required property "${d.name}"`,
  'unknown-property': () => 'unknown property',
  enum: (d) => `must be one of ${d.allowed.map(en.show).join(', ')}, got ${en.show(d.got)}`,
  const: (d) => `must be ${en.show(d.allowed)}, got ${en.show(d.got)}`,
  'unknown-kind': (d) => `${en.show(d.value)} is not a known ${d.tag}; known: ${quoted(d.known)}`,
  pattern: (d) =>
    `${d.description ? `expected ${d.description.charAt(0).toLowerCase()}${d.description.slice(1).replace(/\.$/, '')}` : 'has the wrong form'}, got ${en.show(d.got)}`,
  'min-items': (d) => `must hold at least ${d.limit} item(s)`,
  'max-items': (d) => `must hold at most ${d.limit} item(s)`,
  'max-length': (d) => `must be at most ${d.limit} characters long`,
  empty: () => 'must not be empty',
  'unique-items': () => 'must not hold the same value twice',
  'name-not-allowed': () => 'is not an allowed name here',
  'no-allowed-form': () => 'matches none of the allowed forms',
  'only-one-of': (d) => `give only one of ${quoted(d.names)}`,
  'one-of-needed': (d) => `needs one of ${quoted(d.names)}`,
  other: (d) => d.message ?? `is not valid (${d.keyword})`,
  'not-an-object': () => 'must be a JSON object (a map context document)',
  'json-cut-short': () => 'not valid JSON: the text ends too early',
  'document-missing': () => 'the document does not exist (HTTP 404)',
  'json-syntax': (d) => `not valid JSON: at line ${d.line}, column ${d.column}`,
  'json-unreadable': (d) => `not valid JSON (${d.reason})`,
  'undeclared-field': (d) => `names the field "${d.field}", which the layer's "fields" list does not declare`,
  'id-field-not-declared': (d) => `"${d.field}" is not one of the layer's "fields"`,
  order: (d) => `"${d.low}" (${d.lowValue}) must be below "${d.high}" (${d.highValue})`,
  template: (d) => `template: ${d.reason}`,
  'unknown-projection': (d) => `"${d.code}" is not a projection Cartable knows (see the README for the list)`,
  'zoom-needs-web-mercator': (d) => `zoom levels are for Web-Mercator maps; give a "resolution" or a "scale" for ${d.projection}`,
  above: (d) => `must not be above "${d.limit}" (${d.value})`,
  'active-basemaps': (d) => `only one basemap may be active, ${d.count} are`,
  'duplicate-id': (d) => `id "${d.id}" is already used at ${d.first}`,
  'table-needs-id-field': () => 'a table needs the layer\'s "idField" (rows lead to their feature by it)',
  'center-needs-scale': () => 'a "center" needs a "zoom", a "resolution" or a "scale"',
  'extent-order': () => 'must be [minx, miny, maxx, maxy] with min below max',
  'points-table': () => 'a "points" layer draws no feature objects for a table: use a "geojson" layer for a table',
  'charts-need-table': () => 'charts count the rows of the layer\'s table: give the layer a "table"',
  'chart-option': (d) => `"${d.option}" is for ${quoted(d.types)} charts only, not "${d.type}"`,
  'histogram-needs-number': (d) => `a histogram needs a number field: "${d.field}" is of type "${d.type}"`,
  'pie-needs-few-values': (d) =>
    d.count === undefined
      ? `a pie needs the values of "${d.field}" known and few (at most ${d.limit}): categorise the layer's style on "${d.field}" or give the chart's "values"; or use a "bar" chart`
      : `a pie reads with at most ${d.limit} slices: "${d.field}" has ${d.count} categories; use a "bar" chart`,
};

const FRENCH: Texts = {
  type: (d) => `doit être ${fr.types(d.types)}${fr.bounds(d.bounds)} (trouvé : ${fr.show(d.got)})`,
  required: (d) => `propriété obligatoire absente : "${d.name}"`,
  'unknown-property': () => 'propriété inconnue',
  enum: (d) => `doit être l’une des valeurs ${d.allowed.map(fr.show).join(', ')} (trouvé : ${fr.show(d.got)})`,
  const: (d) => `doit valoir ${fr.show(d.allowed)} (trouvé : ${fr.show(d.got)})`,
  'unknown-kind': (d) => `${fr.show(d.value)} n’est pas une valeur connue de "${d.tag}" ; valeurs connues : ${quoted(d.known)}`,
  pattern: (d) => {
    const expected = FRENCH_PATTERNS[d.pattern];
    return `${expected ? `attendu : ${expected}` : 'n’a pas la forme attendue'} (trouvé : ${fr.show(d.got)})`;
  },
  'min-items': (d) => `doit contenir au moins ${d.limit} élément(s)`,
  'max-items': (d) => `doit contenir au plus ${d.limit} élément(s)`,
  'max-length': (d) => `doit faire au plus ${d.limit} caractères`,
  empty: () => 'ne doit pas être vide',
  'unique-items': () => 'ne doit pas contenir deux fois la même valeur',
  'name-not-allowed': () => 'n’est pas un nom permis ici',
  'no-allowed-form': () => 'ne correspond à aucune des formes permises',
  'only-one-of': (d) => `un seul de ${quoted(d.names)} est permis`,
  'one-of-needed': (d) => `il faut l’un de ${quoted(d.names)}`,
  other: (d) => `n’est pas valide (${d.keyword})`,
  'not-an-object': () => 'doit être un objet JSON (un document de carte)',
  'json-cut-short': () => 'JSON invalide : le texte s’arrête trop tôt',
  'document-missing': () => 'le document n’existe pas (HTTP 404)',
  'json-syntax': (d) => `JSON invalide : ligne ${d.line}, colonne ${d.column}`,
  'json-unreadable': (d) => `JSON invalide (${d.reason})`,
  'undeclared-field': (d) => `nomme le champ "${d.field}", que la liste "fields" de la couche ne déclare pas`,
  'id-field-not-declared': (d) => `"${d.field}" n’est pas l’un des champs ("fields") de la couche`,
  order: (d) => `"${d.low}" (${d.lowValue}) doit être inférieur à "${d.high}" (${d.highValue})`,
  template: (d) => `modèle : ${d.reason}`,
  'unknown-projection': (d) => `"${d.code}" n’est pas une projection connue de Cartable (liste dans le README)`,
  'zoom-needs-web-mercator': (d) =>
    `les niveaux de zoom sont réservés aux cartes en Web-Mercator ; donnez une "resolution" ou une "scale" pour ${d.projection}`,
  above: (d) => `ne doit pas dépasser "${d.limit}" (${d.value})`,
  'active-basemaps': (d) => `un seul fond de carte peut être actif, ${d.count} le sont`,
  'duplicate-id': (d) => `l’identifiant "${d.id}" est déjà utilisé en ${d.first}`,
  'table-needs-id-field': () => 'un tableau a besoin du "idField" de la couche (chaque ligne mène à son objet par lui)',
  'center-needs-scale': () => 'un "center" demande un "zoom", une "resolution" ou une "scale"',
  'extent-order': () => 'doit être [minx, miny, maxx, maxy] avec min inférieur à max',
  'points-table': () => 'une couche "points" ne dessine pas d’objets pour un tableau : utilisez une couche "geojson" pour un tableau',
  'charts-need-table': () => 'les graphiques comptent les lignes du tableau de la couche : donnez-lui un "table"',
  'chart-option': (d) => `"${d.option}" ne sert qu’aux graphiques ${quoted(d.types)}, pas "${d.type}"`,
  'histogram-needs-number': (d) => `un histogramme demande un champ numérique : "${d.field}" est de type "${d.type}"`,
  'pie-needs-few-values': (d) =>
    d.count === undefined
      ? `un camembert demande des valeurs de "${d.field}" connues et peu nombreuses (${d.limit} au plus) : catégorisez le style de la couche sur "${d.field}" ou donnez les "values" du graphique ; sinon, utilisez un graphique "bar"`
      : `un camembert se lit avec ${d.limit} parts au plus : "${d.field}" a ${d.count} catégories ; utilisez un graphique "bar"`,
};

/** What is wrong, in French ('fr') or English (any other language). */
export function problemText(detail: ProblemDetail, language: string): string {
  const texts = language === 'fr' ? FRENCH : ENGLISH;
  return (texts[detail.kind] as (d: ProblemDetail) => string)(detail);
}

/** A problem in the page's language (one made without a detail keeps its English message). */
export function sayProblem(problem: { readonly message: string; readonly detail?: ProblemDetail }, language: string): string {
  return problem.detail ? problemText(problem.detail, language) : problem.message;
}
