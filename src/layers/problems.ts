/**
 * Every failure of a layer's load as a coded problem the layer list words in the person's language
 * (src/ui/layer-problem.ts). Browser and library messages (« Failed to fetch », « signal timed out »,
 * a parser's complaint) never become a problem's text: unknown errors are logged for developers and
 * shown as unreadable data.
 */
import { RequestError } from '../net/requester.js';
import type { LayerProblem } from './status.js';
import { OutsideProjectionError } from './projection-check/check.js';
import { RangeRefusedError, WrongFormatError } from './answer.js';

export { WrongFormatError };

/** The data ends before its own structure says it should. */
export class TruncatedError extends Error {
  constructor(message = 'the file ends too early') {
    super(message);
    this.name = 'TruncatedError';
  }
}

/**
 * The data cannot be read as the format it should be in; `format` names it ("FlatGeobuf", "GML"…,
 * the only part shown), `reason` says what is wrong for developers.
 */
export class InvalidDataError extends Error {
  constructor(
    readonly format: string,
    reason?: string,
  ) {
    super(reason ?? `unreadable ${format}`);
    this.name = 'InvalidDataError';
  }
}

/** JSON that is not GeoJSON. */
export class NotGeoJsonError extends Error {
  constructor(message = 'not a GeoJSON FeatureCollection, Feature or geometry') {
    super(message);
    this.name = 'NotGeoJsonError';
  }
}

/** Columns a layer names that the file lacks. */
export class MissingColumnsError extends Error {
  constructor(readonly columns: readonly string[]) {
    super(`missing columns: ${columns.join(', ')}`);
    this.name = 'MissingColumnsError';
  }
}

/** A failed request as a problem: each cause its own code. */
export function requestProblemOf(error: RequestError): LayerProblem {
  switch (error.kind) {
    case 'http':
      return { code: 'http', detail: String(error.status) };
    case 'timeout':
    case 'stalled':
    case 'interrupted':
    case 'offline':
    case 'cors':
      return { code: error.kind };
    default:
      // 'network', and 'aborted' (a cancelled load is not shown; should one be, it did not arrive).
      return { code: 'network' };
  }
}

/** Any failure of a layer's load, in words the layer list can show. */
export function problemOf(error: unknown): LayerProblem {
  if (error instanceof RequestError) return requestProblemOf(error);
  if (error instanceof WrongFormatError) return { code: 'wrong-format', detail: error.contentType };
  if (error instanceof OutsideProjectionError) return { code: 'outside-projection', detail: error.projection, likely: error.likely };
  if (error instanceof RangeRefusedError) return { code: 'no-range', detail: String(error.status) };
  if (error instanceof TruncatedError) return { code: 'truncated' };
  // Reading past the end of what was received: the file is shorter than its own structure says.
  if (error instanceof RangeError) return { code: 'truncated' };
  if (error instanceof MissingColumnsError) return { code: 'missing-columns', detail: error.columns.join(', ') };
  if (error instanceof InvalidDataError) return { code: 'invalid-data', detail: error.format };
  if (error instanceof NotGeoJsonError) return { code: 'not-geojson' };
  // JSON.parse (XML is parsed without exceptions: src/ogc/xml.ts).
  if (error instanceof SyntaxError) return { code: 'invalid-json' };
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Unknown projection')) return { code: 'projection', detail: message.replace('Unknown projection: ', '') };
  // The pmtiles and flatgeobuf readers say so when the bytes are not their format.
  if (/wrong magic number|not a flatgeobuf file/i.test(message)) return { code: 'wrong-format' };
  console.warn('cartable: unexpected failure of a layer load', error);
  return { code: 'invalid-data' };
}
