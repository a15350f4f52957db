/**
 * The staged output (plugin/staging.ts): a build's output takes the place of the previous one whole,
 * or is written over it when the build does not empty its outDir; staging folders of builds that
 * no longer run are removed, and nothing else.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { publishStaged, removeStaleStaging, stagingFolder } from '../../../plugin/staging.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A temp folder holding `files` (path → text) under each named sub-folder. */
function tree(content: Record<string, Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'cartable-staging-'));
  folders.push(root);
  for (const [folder, files] of Object.entries(content)) {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(root, folder, path, '..'), { recursive: true });
      writeFileSync(join(root, folder, path), text);
    }
  }
  return root;
}

/** Every file under `folder` (its path → its text). */
const read = (folder: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(join(folder, name)).isFile())
      .map((name) => [name, readFileSync(join(folder, name), 'utf8')]),
  );

describe('publishStaged', () => {
  it('replaces the previous output whole, keeping its .git folder', () => {
    const root = tree({
      dist: { 'old.js': 'old', 'index.html': 'before', '.git/HEAD': 'ref: gh-pages' },
      'dist.partial-1': { 'index.html': 'after', 'assets/app.js': 'new' },
    });
    const outDir = join(root, 'dist');
    publishStaged({ folder: join(root, 'dist.partial-1'), outDir, replace: true });
    expect(read(outDir)).toEqual({ 'index.html': 'after', 'assets/app.js': 'new', '.git/HEAD': 'ref: gh-pages' });
    expect(readdirSync(root)).toEqual(['dist']);
  });

  it('creates the output when there was none', () => {
    const root = tree({ 'site.partial-1': { 'index.html': 'first' } });
    publishStaged({ folder: join(root, 'site.partial-1'), outDir: join(root, 'site'), replace: true });
    expect(read(join(root, 'site'))).toEqual({ 'index.html': 'first' });
    expect(readdirSync(root)).toEqual(['site']);
  });

  it('writes over the output, keeping its other files, when the build does not empty it', () => {
    const root = tree({ www: { 'autre.txt': 'kept', 'index.html': 'before' }, 'www.partial-1': { 'index.html': 'after' } });
    publishStaged({ folder: join(root, 'www.partial-1'), outDir: join(root, 'www'), replace: false });
    expect(read(join(root, 'www'))).toEqual({ 'autre.txt': 'kept', 'index.html': 'after' });
    expect(readdirSync(root)).toEqual(['www']);
  });
});

describe('removeStaleStaging', () => {
  it('removes the staging folders of builds that no longer run, and no other folder', () => {
    // A process that has ended: its id is free (or reused by a process that is not a build of this outDir).
    const ended = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(ended.stdout.trim());
    const root = tree({
      dist: { 'index.html': 'kept' },
      [`dist.partial-${deadPid}`]: { 'index.html': 'stale' },
      [`dist.partial-${process.ppid}`]: { 'index.html': 'a running build' },
      [`dist.partial-${process.pid}`]: { 'index.html': 'this build' },
      'dist.partial-notes': { 'a.txt': 'not a staging folder' },
      [`other.partial-${deadPid}`]: { 'a.txt': 'another output' },
    });
    removeStaleStaging(join(root, 'dist'));
    expect(readdirSync(root).sort()).toEqual(
      ['dist', `dist.partial-${process.ppid}`, `dist.partial-${process.pid}`, 'dist.partial-notes', `other.partial-${deadPid}`].sort(),
    );
  });

  it('names the staging folder after the output and the process', () => {
    expect(stagingFolder('/srv/www/cartes', 42)).toBe('/srv/www/cartes.partial-42');
  });
});
