import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: where a person runs the command. */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface CommandRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The `cartable` command as a person runs it (bin/cartable.js, in the project folder), without
 * blocking: a server the test runs in the same process (a base address to fetch from) can answer it.
 */
export function runCartable(...args: string[]): Promise<CommandRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'bin/cartable.js'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
