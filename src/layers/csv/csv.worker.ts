/// <reference lib="webworker" />
/**
 * Parses a CSV file off the main thread: receives its bytes (transferred), answers with its points
 * (the coordinates transferred back).
 */
import { readCsvPoints, type CsvOptions } from './parse.js';

export interface CsvRequest {
  readonly bytes: ArrayBuffer;
  readonly options: CsvOptions;
}

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<CsvRequest>) => {
  try {
    const text = new TextDecoder('utf-8').decode(event.data.bytes);
    const points = readCsvPoints(text, event.data.options);
    scope.postMessage({ points }, [points.coordinates.buffer]);
  } catch (error) {
    scope.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};
