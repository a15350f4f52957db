/**
 * The restricted output's access.json, as the token checker reads it: for each file, the groups
 * whose members may read it (empty: any signed-in person). A file it does not list is nobody's.
 * It is read again whenever the file changes (a new deployment), and a file that cannot be read or
 * is not a valid manifest lets nothing through until it is fixed.
 */
import { readFileSync, statSync } from 'node:fs';

export type AccessRules = ReadonlyMap<string, readonly string[]>;

/** The rules of an access.json text; throws, saying what is wrong, when it is not `{ version: 1, files: { path: [groups] } }`. */
export function parseAccessManifest(text: string): AccessRules {
  const manifest = JSON.parse(text) as { version?: unknown; files?: unknown };
  if (manifest?.version !== 1) throw new Error('"version" must be 1');
  if (!manifest.files || typeof manifest.files !== 'object' || Array.isArray(manifest.files)) throw new Error('"files" must be an object');
  const rules = new Map<string, readonly string[]>();
  for (const [path, groups] of Object.entries(manifest.files)) {
    if (!Array.isArray(groups) || !groups.every((g) => typeof g === 'string')) throw new Error(`"files" / "${path}" must be a list of group names`);
    rules.set(path, Object.freeze([...groups]));
  }
  return rules;
}

/** Whether a person in `groups` may read a file the rules list with `needed` (empty: anyone signed in). */
export function mayRead(needed: readonly string[], groups: readonly string[]): boolean {
  return needed.length === 0 || needed.some((group) => groups.includes(group));
}

/** access.json on disk, read again when its size, time or inode changes. */
export class AccessFile {
  readonly path: string;
  #stamp = '';
  #rules?: AccessRules;
  #problem?: Error;

  constructor(path: string) {
    this.path = path;
    this.rules(); // Fails at start when the file is not there or not valid.
  }

  /** The current rules; throws while the file cannot be read or is invalid. */
  rules(): AccessRules {
    let stamp: string;
    try {
      const stat = statSync(this.path);
      stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
    } catch (error) {
      throw new Error(`${this.path}: ${(error as Error).message}`);
    }
    if (stamp !== this.#stamp) {
      this.#stamp = stamp;
      try {
        this.#rules = parseAccessManifest(readFileSync(this.path, 'utf8'));
        this.#problem = undefined;
      } catch (error) {
        this.#rules = undefined;
        this.#problem = new Error(`${this.path}: ${(error as Error).message}`);
      }
    }
    if (!this.#rules) throw this.#problem!;
    return this.#rules;
  }
}
