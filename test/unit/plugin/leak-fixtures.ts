/** Public outputs for the leak check's tests: written to temp folders, removed after each test. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach } from 'vitest';
import type { BuiltMap } from '../../../plugin/maps.js';
import { minimalDocument } from '../context/fixtures.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A public output made of the public maps' files, plus an app-like page and script, plus `extra` files. */
export function publicOutput(maps: readonly BuiltMap[], extra: Record<string, string> = {}): string {
  const folder = mkdtempSync(join(tmpdir(), 'cartable-public-'));
  folders.push(folder);
  const files: Record<string, string | Uint8Array> = {
    'index.html': '<!doctype html><title>Cartes</title><script type="module" src="./assets/index.js"></script>',
    'assets/index.js': 'const ready=!0;export{ready};',
    ...Object.fromEntries(maps.flatMap((m) => m.outputs).map((o) => [o.path, o.source])),
    ...extra,
  };
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), source);
  }
  return folder;
}

/**
 * The documents of a split project: a restricted map, and a public map whose layer packages
 * data/sites.geojson and withholds the records whose "niveau" is "Réservé".
 */
export function splitDocuments(restricted: { id: string; title: Record<string, string> }, publicId: string) {
  const closed = minimalDocument();
  closed.id = restricted.id;
  closed.title = restricted.title;
  closed.access = { level: 'restricted' };
  const open = minimalDocument();
  open.id = publicId;
  delete open.layers[0].url;
  open.layers[0].file = 'data/sites.geojson';
  open.layers[0].confidential = { field: 'niveau', values: ['Réservé'] };
  return { closed, open };
}
