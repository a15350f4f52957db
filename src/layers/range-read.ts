import { RequestError, type Requester } from '../net/requester.js';
import { RangeRefusedError, refuseWebPage } from './answer.js';

export { RangeRefusedError };

/** Reads byte ranges of one file through the requester, and counts what it fetched. */
export interface RangeReader {
  readonly url: string;
  read(offset: number, length: number, signal?: AbortSignal): Promise<ArrayBuffer>;
  /** Bytes received so far, and the number of requests. */
  readonly stats: { bytes: number; requests: number };
}

/** The HTTP Range header for `length` bytes from `offset`. */
export const rangeHeader = (offset: number, length: number): string => `bytes=${offset}-${offset + length - 1}`;

export function createRangeReader(requester: Requester, url: string): RangeReader {
  const stats = { bytes: 0, requests: 0 };
  return {
    url,
    stats,
    async read(offset, length, signal) {
      stats.requests += 1;
      let response: Response;
      try {
        response = await requester.fetch(url, { headers: { Range: rangeHeader(offset, length) }, signal });
      } catch (error) {
        // 416: the range lies past the end of the file: the file is shorter than it says.
        if (error instanceof RequestError && error.status === 416) return new ArrayBuffer(0);
        throw error;
      }
      // A captive portal or an error page (with 200, or 206 from a proxy that honours ranges) is no refusal of ranges.
      refuseWebPage(response);
      if (response.status !== 206) {
        await response.body?.cancel().catch(() => undefined);
        throw new RangeRefusedError(url, response.status);
      }
      const data = await response.arrayBuffer();
      stats.bytes += data.byteLength;
      return data;
    },
  };
}
