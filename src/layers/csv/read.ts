import { MissingColumnsError, TruncatedError } from '../problems.js';
import { checkFlatCoordinates } from '../projection-check/geometries.js';
import { refuseWebPage } from '../answer.js';
import { readCsvPoints, type CsvOptions, type CsvPoints } from './parse.js';

/** Files up to this size are parsed on the main thread when no worker can be started. */
export const MAIN_THREAD_LIMIT = 4 * 1024 * 1024;

/** Parses CSV bytes in a module worker; `where` tells which thread did it (for tests). */
export async function parseCsv(bytes: ArrayBuffer, options: CsvOptions): Promise<CsvPoints & { where: 'worker' | 'main' }> {
  const size = bytes.byteLength;
  let worker: Worker | undefined;
  try {
    worker = new Worker(new URL('./csv.worker.ts', import.meta.url), { type: 'module', name: 'cartable-csv' });
  } catch {
    worker = undefined;
  }
  if (worker) {
    // Keep a copy for the fallback only when the file is small: the bytes are transferred to the worker.
    const copy = size <= MAIN_THREAD_LIMIT ? bytes.slice(0) : undefined;
    try {
      const points = await new Promise<CsvPoints>((resolve, reject) => {
        worker!.onmessage = (event: MessageEvent<{ points?: CsvPoints; error?: string }>) =>
          event.data.points ? resolve(event.data.points) : reject(new Error(event.data.error ?? 'CSV worker failed'));
        worker!.onerror = (event) => {
          event.preventDefault();
          reject(new WorkerStartError(event.message || 'the CSV worker could not start'));
        };
        worker!.postMessage({ bytes, options: { ...options, fields: options.fields.map(({ name, type }) => ({ name, type })) } }, [bytes]);
      });
      return { ...points, where: 'worker' };
    } catch (error) {
      if (!(error instanceof WorkerStartError) || !copy) throw error;
      bytes = copy;
    } finally {
      worker.terminate();
    }
  } else if (size > MAIN_THREAD_LIMIT) {
    throw new Error('no worker available to parse a large CSV file');
  }
  return { ...readCsvPoints(new TextDecoder('utf-8').decode(bytes), options), where: 'main' };
}

class WorkerStartError extends Error {}

/**
 * The points of a CSV answer, checked before they are drawn: a web page instead of the file, columns
 * missing, a file that ends inside a record, coordinates all outside `projection` each throw their
 * own error (a truncated file would otherwise show its first rows and « 1 objet illisible »).
 */
export async function readCsvAnswer(response: Response, options: CsvOptions & { readonly projection: string }): Promise<CsvPoints> {
  refuseWebPage(response);
  const { projection, ...csv } = options;
  const points = await parseCsv(await response.arrayBuffer(), csv);
  if (points.missing.length) throw new MissingColumnsError(points.missing);
  if (points.truncated) throw new TruncatedError('the file ends inside a record');
  checkFlatCoordinates(points.coordinates, projection);
  return points;
}
