import { RequestError } from '../net/requester.js';
import type { LayerProblem } from '../state/store.js';
import { RangeRefusedError } from './range-read.js';

/** The data ends before its own structure says it should. */
export class TruncatedError extends Error {
  constructor(message = 'the file ends too early') {
    super(message);
    this.name = 'TruncatedError';
  }
}

/** The data is not in the format the layer expects; the message says what was found. */
export class InvalidDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidDataError';
  }
}

/** Columns a layer names that the file lacks. */
export class MissingColumnsError extends Error {
  constructor(readonly columns: readonly string[]) {
    super(`missing columns: ${columns.join(', ')}`);
    this.name = 'MissingColumnsError';
  }
}

/** Any failure of the file and tile kinds in words the layer list can show. */
export function problemOf(error: unknown): LayerProblem {
  if (error instanceof RequestError) {
    if (error.kind === 'http') return { code: 'http', detail: String(error.status) };
    if (error.kind === 'timeout') return { code: 'timeout' };
    return { code: navigator.onLine === false ? 'offline' : 'network' };
  }
  if (error instanceof RangeRefusedError) return { code: 'no-range', detail: String(error.status) };
  if (error instanceof TruncatedError) return { code: 'truncated' };
  // Reading past the end of what was received: the file is shorter than its own structure says.
  if (error instanceof RangeError) return { code: 'truncated' };
  if (error instanceof MissingColumnsError) return { code: 'missing-columns', detail: error.columns.join(', ') };
  const message = error instanceof Error ? error.message : String(error);
  if (message.startsWith('Unknown projection')) return { code: 'projection', detail: message.replace('Unknown projection: ', '') };
  return { code: 'invalid-data', detail: message };
}
