import type { PackagedFile } from '../model/edits.js';
import type { Requester } from '../../net/requester.js';

/**
 * The preview's requester: the files the document will package (dropped, not yet saved) answered
 * from memory at the address the document gives them (maps/<file>); every other request as usual.
 */
export function filesRequester(base: Requester, files: ReadonlyMap<string, PackagedFile>, mapsUrl: string): Requester {
  const fileAt = (url: string): PackagedFile | undefined => {
    if (!url.startsWith(mapsUrl)) return undefined;
    return files.get(decodeURIComponent(url.slice(mapsUrl.length).split(/[?#]/)[0]!));
  };
  return {
    prepare: (url) => base.prepare(url),
    fetch: (url, init) => {
      const file = fileAt(new URL(url, mapsUrl).href);
      if (!file) return base.fetch(url, init);
      return Promise.resolve(new Response(file.bytes.slice(), { status: 200, headers: { 'Content-Type': file.type || 'application/octet-stream' } }));
    },
  };
}
