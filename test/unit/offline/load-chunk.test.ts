/**
 * Code of an older deployment that is gone: every dynamic import of src/ goes through loadChunk,
 * which announces the new version instead of failing, and passes other failures on.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NEW_VERSION_EVENT, loadChunk } from '../../../src/offline/load-chunk.js';

const SRC = join(import.meta.dirname, '../../../src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Listens for announcements on a stand-in `window` (vitest runs in Node). */
function listen(): { count: () => number } {
  let count = 0;
  const target = new EventTarget();
  target.addEventListener(NEW_VERSION_EVENT, () => count++);
  Object.assign(globalThis, { dispatchEvent: target.dispatchEvent.bind(target) });
  return { count: () => count };
}

/** Whether a promise is still pending after the microtasks queued so far have run. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol('pending');
  const result = await Promise.race([promise.catch(() => 'rejected'), new Promise((resolve) => setImmediate(() => resolve(marker)))]);
  return result === marker;
}

afterEach(() => {
  delete (globalThis as { dispatchEvent?: unknown }).dispatchEvent;
});

describe('loadChunk', () => {
  it('passes a loaded module through', async () => {
    const heard = listen();
    await expect(loadChunk(Promise.resolve({ answer: 42 }))).resolves.toEqual({ answer: 42 });
    expect(heard.count()).toBe(0);
  });

  it('announces the new version for a chunk that is gone, and leaves the action waiting (no uncaught error)', async () => {
    for (const message of [
      'Failed to fetch dynamically imported module: https://x.test/cartes/assets/cartable-share-Bxd2X7jG.js', // Chromium
      'error loading dynamically imported module: https://x.test/a.js', // Firefox
      'Importing a module script failed.', // Safari
      'Unable to preload CSS for https://x.test/assets/a.css', // Vite
    ]) {
      const heard = listen();
      const chunk = loadChunk(Promise.reject(new TypeError(message)));
      expect(await pending(chunk), message).toBe(true);
      expect(heard.count(), message).toBe(1);
    }
  });

  it('passes on a failure of the module itself', async () => {
    const heard = listen();
    await expect(loadChunk(Promise.reject(new ReferenceError('x is not defined')))).rejects.toThrow('x is not defined');
    expect(heard.count()).toBe(0);
  });
});

describe('the dynamic imports of src/', () => {
  it('all go through loadChunk', () => {
    const unguarded: string[] = [];
    let guarded = 0;
    for (const file of sources(SRC)) {
      const code = readFileSync(file, 'utf8');
      for (const match of code.matchAll(/(?<![\w.$])import\(/g)) {
        const before = code.slice(Math.max(0, match.index - 10), match.index);
        if (before.endsWith('loadChunk(') || before.endsWith('tryChunk(')) guarded++;
        // Types (`typeof import('…')`, `import('…').Type`) load nothing.
        else if (!before.endsWith('typeof ') && !/^import\([^)]*\)\.[A-Z]/.test(code.slice(match.index, match.index + 200))) {
          const line = code.slice(0, match.index).split('\n').length;
          unguarded.push(`${relative(SRC, file)}:${line}`);
        }
      }
    }
    expect(guarded).toBeGreaterThan(40);
    expect(unguarded).toEqual([]);
  });
});
