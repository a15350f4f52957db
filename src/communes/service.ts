/**
 * Communes from a WFS 2.0.0 service (GeoServer, e.g. the Géoplateforme's
 * `LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune`): suggestions from CQL filters on the name or the
 * INSEE code (cql.ts), ranked in the browser (rank.ts); an outline by its code, in lon/lat.
 */
import type { CommuneServiceSetting } from '../context/types.js';
import { InvalidResponseError, explainRequestError, refuseOgcWebPage } from '../layers/ogc/problem.js';
import type { Requester } from '../net/requester.js';
import { throwIfServiceException } from '../ogc/exception.js';
import { SERVICE_FIELDS, suggestionOf } from './fields.js';
import { outlineUrl, suggestFilters, suggestUrl, type ServiceRequest } from './cql.js';
import { mergeOutlines } from './packaged-format.js';
import { rankCommunes, type CommuneCandidate } from './rank.js';
import { fetchBounded } from './retry.js';
import { CommuneNotFoundError, type CommuneSource } from './types.js';

interface FeatureCollection {
  readonly features: ReadonlyArray<{ readonly properties?: Record<string, unknown> | null; readonly geometry?: unknown }>;
}

/** The GeoJSON of an answer; the service's own report when it sent one, else InvalidResponseError. */
async function readAnswer(requester: Requester, url: string, signal?: AbortSignal): Promise<FeatureCollection> {
  let response: Response;
  try {
    response = await fetchBounded(requester, url, signal);
  } catch (error) {
    throw await explainRequestError(error);
  }
  await refuseOgcWebPage(response);
  const text = await response.text();
  let json: Partial<FeatureCollection> | null;
  try {
    json = JSON.parse(text) as Partial<FeatureCollection> | null;
  } catch {
    throwIfServiceException(text); // GeoServer may say why in XML, even with 200.
    throw new InvalidResponseError('JSON');
  }
  if (!json || !Array.isArray(json.features)) throw new InvalidResponseError('GeoJSON');
  return json as FeatureCollection;
}

export function createServiceSource(setting: CommuneServiceSetting, requester: Requester): CommuneSource {
  const fields = { ...SERVICE_FIELDS, ...setting.fields };
  const service: ServiceRequest = { ...setting.service, fields };
  return {
    async suggest(text, options = {}) {
      const filters = suggestFilters(text, fields);
      if (!filters.length) return [];
      const answers = await Promise.all(filters.map((filter) => readAnswer(requester, suggestUrl(service, filter), options.signal)));
      const candidates: CommuneCandidate[] = [];
      for (const answer of answers) {
        for (const feature of answer.features) {
          const commune = suggestionOf(feature.properties, fields);
          if (commune) candidates.push({ commune });
        }
      }
      // The answers carry no geometry: `territory` cannot weigh here (population and name do).
      return rankCommunes(candidates, text, options);
    },
    async outline(code, signal) {
      const wanted = code.trim().toUpperCase();
      const answer = await readAnswer(requester, outlineUrl(service, wanted), signal);
      const features = answer.features.filter((f) => suggestionOf(f.properties, fields)?.code === wanted);
      const commune = features.length ? suggestionOf(features[0]!.properties, fields) : undefined;
      const geometry = mergeOutlines(features.map((f) => f.geometry));
      if (!commune || !geometry) throw new CommuneNotFoundError(wanted);
      return { commune, geometry };
    },
  };
}
