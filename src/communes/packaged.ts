/**
 * Communes packaged by the build (packaged-format.ts): the list is read once and ranked like the
 * service's answers (rank.ts); an outline is one small file per commune.
 */
import type { PackagedCommunesSetting } from '../context/types.js';
import { InvalidResponseError } from '../layers/ogc/problem.js';
import { RequestError, type Requester } from '../net/requester.js';
import { readOutlineFeature, readPackagedList } from './packaged-format.js';
import { rankCommunes, type CommuneCandidate } from './rank.js';
import { fetchBounded } from './retry.js';
import { CommuneNotFoundError, type CommuneSource } from './types.js';

async function readJson(response: Response): Promise<unknown> {
  try {
    return JSON.parse(await response.text()) as unknown;
  } catch {
    throw new InvalidResponseError('JSON');
  }
}

/** `resolveUrl`: the document's URLs (relative to it) as the browser requests them. */
export function createPackagedSource(setting: PackagedCommunesSetting, requester: Requester, resolveUrl: (url: string) => string): CommuneSource {
  const listUrl = resolveUrl(setting.packaged.list);
  const folder = resolveUrl(setting.packaged.outlines);
  let list: Promise<CommuneCandidate[]> | undefined;
  const candidates = (signal?: AbortSignal): Promise<CommuneCandidate[]> => {
    // Read without the caller's signal: one cancelled suggestion must not cancel the list for the next.
    list ??= fetchBounded(requester, listUrl).then(readJson).then((value) => {
      try {
        return readPackagedList(value);
      } catch {
        throw new InvalidResponseError('JSON');
      }
    });
    list.catch(() => (list = undefined)); // A failure is not kept: the next suggestion asks again.
    if (!signal) return list;
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new RequestError({ kind: 'aborted', url: listUrl, message: 'cancelled' }));
      signal.addEventListener('abort', () => reject(new RequestError({ kind: 'aborted', url: listUrl, message: 'cancelled' })), { once: true });
      list!.then(resolve, reject);
    });
  };
  return {
    async suggest(text, options = {}) {
      return rankCommunes(await candidates(options.signal), text, options);
    },
    async outline(code, signal) {
      const wanted = code.trim().toUpperCase();
      // Codes are letters and digits only: anything else names no file.
      if (!/^[0-9A-Z]{5}$/.test(wanted)) throw new CommuneNotFoundError(wanted);
      let response: Response;
      try {
        response = await fetchBounded(requester, new URL(`${wanted}.json`, folder).href, signal);
      } catch (error) {
        if (error instanceof RequestError && error.kind === 'http' && error.status === 404) throw new CommuneNotFoundError(wanted);
        throw error;
      }
      try {
        return readOutlineFeature(await readJson(response), { name: wanted, code: wanted });
      } catch (error) {
        throw error instanceof InvalidResponseError ? error : new InvalidResponseError('GeoJSON');
      }
    },
  };
}
