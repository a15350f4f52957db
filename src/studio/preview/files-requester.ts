import type { PackagedFile } from '../model/edits.js';
import type { Requester } from '../../net/requester.js';
import { isDevelopment, STUDIO_ROUTE } from '../save/dev-server.js';

/**
 * The preview's requester: the files the document will package (dropped, not yet saved) answered
 * from memory at the address the document gives them (maps/<file>). Under the development server,
 * the data files already in the maps folder are read through the studio endpoint (files/<path>):
 * the server itself only serves them packaged, under the build's names. Every other request as usual.
 */
export function filesRequester(base: Requester, files: ReadonlyMap<string, PackagedFile>, mapsUrl: string): Requester {
  const fileOf = (url: string): string | undefined => (url.startsWith(mapsUrl) ? decodeURIComponent(url.slice(mapsUrl.length).split(/[?#]/)[0]!) : undefined);
  const endpoint = isDevelopment() ? new URL(`../${STUDIO_ROUTE}files/`, mapsUrl).href : undefined;
  /** A data file of the maps folder (in a sub-folder: documents are at the top) on the development server. */
  const onServer = (path: string | undefined): string | undefined =>
    endpoint && path?.includes('/') ? `${endpoint}${path.split('/').map(encodeURIComponent).join('/')}` : undefined;
  return {
    prepare: (url) => base.prepare(onServer(fileOf(new URL(url, mapsUrl).href)) ?? url),
    fetch: (url, init) => {
      const path = fileOf(new URL(url, mapsUrl).href);
      const file = path === undefined ? undefined : files.get(path);
      if (!file) return base.fetch(onServer(path) ?? url, init);
      return Promise.resolve(new Response(file.bytes.slice(), { status: 200, headers: { 'Content-Type': file.type || 'application/octet-stream' } }));
    },
  };
}
