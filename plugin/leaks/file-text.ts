/**
 * A public file read as text a piece at a time, for the leak check: a large file (a packaged data set
 * of hundreds of megabytes) is never held whole as a string, and no file is too long for one. Each
 * piece overlaps the one before by `overlap` characters or more, so that any string that long lies
 * whole in one piece, and starts where no run of base64 crosses its start (leaks/decoded.ts decodes
 * each run from its beginning).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Pieces of about this many bytes (the whole file when it is not longer). */
export const PIECE_BYTES = 16 << 20;

// Bytes that may continue a base64 run (decodedBase64: its alphabets, and line breaks in a wrapped encoding).
const IN_RUN = new Uint8Array(256);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_\n\r') IN_RUN[c.charCodeAt(0)] = 1;

/** Moves a byte offset back to the start of the UTF-8 character it falls in. */
function charStart(bytes: Uint8Array, at: number): number {
  while (at > 0 && (bytes[at]! & 0xc0) === 0x80) at--;
  return at;
}

/** The text of the file at `path`, in overlapping pieces of about `pieceBytes` bytes. */
export function* textPieces(path: string, overlap: number, pieceBytes = PIECE_BYTES): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    const total = fstatSync(fd).size;
    // A character takes at most 4 bytes.
    const overlapBytes = 4 * overlap;
    let start = 0;
    let length = Math.max(pieceBytes, 2 * overlapBytes);
    while (start < total) {
      const bytes = new Uint8Array(Math.min(length, total - start));
      readSync(fd, bytes, 0, bytes.length, start);
      if (start + bytes.length >= total) {
        yield Buffer.from(bytes.buffer).toString('utf8');
        return;
      }
      // Before the last character, which may go on in the bytes not read yet.
      const cut = charStart(bytes, bytes.length - 1);
      // The next piece starts `overlap` before the cut, or earlier, where the base64 run that crosses it begins.
      let next = charStart(bytes, cut - overlapBytes);
      if (IN_RUN[bytes[next]!]) while (next > 0 && IN_RUN[bytes[next - 1]!]) next--;
      if (next === 0) {
        length *= 2; // One run fills the whole piece: read a longer one.
        continue;
      }
      yield Buffer.from(bytes.buffer, 0, cut).toString('utf8');
      start += next;
    }
  } finally {
    closeSync(fd);
  }
}
