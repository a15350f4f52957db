import type { SiteConfig } from '../../context/types.js';
import { isObject, type JsonObject, type JsonValue } from '../model/json.js';

const GEOPF_WMTS = 'https://data.geopf.fr/wmts';
const IGN = ['IGN – Géoplateforme'];

/** Géoplateforme basemaps (WMTS, no key needed), written as the shipped maps write them (maps/geosites.json). */
export const GEOPLATEFORME_BASEMAPS: readonly JsonObject[] = [
  {
    type: 'wmts',
    id: 'plan-ign',
    title: { fr: 'Plan IGN', en: 'IGN map' },
    url: GEOPF_WMTS,
    layer: 'GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2',
    matrixSet: 'PM',
    format: 'image/png',
    style: 'normal',
    maxZoom: 19,
    attributions: IGN,
  },
  {
    type: 'wmts',
    id: 'ortho',
    title: { fr: 'Photographies aériennes', en: 'Aerial photographs' },
    url: GEOPF_WMTS,
    layer: 'ORTHOIMAGERY.ORTHOPHOTOS',
    matrixSet: 'PM',
    format: 'image/jpeg',
    style: 'normal',
    maxZoom: 19,
    attributions: IGN,
  },
  {
    type: 'wmts',
    id: 'cadastre',
    title: { fr: 'Parcelles cadastrales', en: 'Cadastral parcels' },
    url: GEOPF_WMTS,
    layer: 'CADASTRALPARCELS.PARCELLAIRE_EXPRESS',
    matrixSet: 'PM',
    format: 'image/png',
    style: 'PCI vecteur',
    maxZoom: 19,
    attributions: IGN,
  },
];

/** No basemap at all: the layers over the page's background. */
export const EMPTY_BASEMAP: JsonObject = { type: 'empty', id: 'aucun', title: { fr: 'Sans fond de carte', en: 'No basemap' } };

/** One basemap a person may pick, and where it comes from (said next to it). */
export interface BasemapChoice {
  readonly basemap: JsonObject;
  readonly origin: 'site' | 'geoplateforme' | 'empty' | 'document';
}

const idOf = (basemap: JsonValue | undefined): string | undefined => (isObject(basemap) && typeof basemap.id === 'string' ? basemap.id : undefined);

/** A choice as written in a document: never `active` (the document says which one is). */
function asChoice(basemap: JsonObject): JsonObject {
  const { active: _active, ...rest } = basemap;
  return rest;
}

/**
 * The basemaps offered: the site's default (site configuration `defaultBasemap`), the Géoplateforme's,
 * « Sans fond de carte », then those of the document that none of these are (kept as they are written).
 * One per id, the first listed wins.
 */
export function basemapChoices(site: SiteConfig | undefined, documentBasemaps: JsonValue | undefined): BasemapChoice[] {
  const choices: BasemapChoice[] = [];
  const seen = new Set<string>();
  const add = (basemap: JsonObject, origin: BasemapChoice['origin']): void => {
    const id = idOf(basemap);
    if (!id || seen.has(id)) return;
    seen.add(id);
    choices.push({ basemap: asChoice(basemap), origin });
  };
  if (site?.defaultBasemap) add(site.defaultBasemap as unknown as JsonObject, 'site');
  for (const basemap of GEOPLATEFORME_BASEMAPS) add(basemap, 'geoplateforme');
  add(EMPTY_BASEMAP, 'empty');
  if (Array.isArray(documentBasemaps)) for (const basemap of documentBasemaps) if (isObject(basemap)) add(basemap, 'document');
  return choices;
}

/** The index in the document's basemaps of the basemap with this id (-1: not in the document). */
export function indexOfBasemap(documentBasemaps: JsonValue | undefined, id: string): number {
  return Array.isArray(documentBasemaps) ? documentBasemaps.findIndex((b) => idOf(b) === id) : -1;
}

/** The id of the basemap shown at opening: the one marked active, else the first (as the viewer reads it). */
export function activeBasemapId(documentBasemaps: JsonValue | undefined): string | undefined {
  if (!Array.isArray(documentBasemaps)) return undefined;
  return idOf(documentBasemaps.find((b) => isObject(b) && b.active === true)) ?? idOf(documentBasemaps[0]);
}
