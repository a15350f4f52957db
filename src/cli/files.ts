import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A file's bytes, or a plain sentence saying why they cannot be read. */
export function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path}: is a folder, not a file` : code === 'EACCES' ? `${path}: not allowed to read it` : `${path}: cannot be read (${code ?? String(error)})`,
    );
  }
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the target, renamed
 * over it only once it is fully written, so a failure never leaves half a document.
 */
export function writeWhole(path: string, text: string): void {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was written.
    }
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${path}: cannot be written (${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'not allowed' : (code ?? String(error))})`);
  }
}

/** A failure the tool explains in one sentence (no stack trace). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
