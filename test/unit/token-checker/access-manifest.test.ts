import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AccessFile, mayRead, parseAccessManifest } from '../../../src/token-checker/access-manifest.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function accessFile(content: unknown): string {
  const folder = mkdtempSync(join(tmpdir(), 'cartable-access-'));
  folders.push(folder);
  const path = join(folder, 'access.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('access.json as the token checker reads it', () => {
  it('lists each file with its groups; a file it does not list is nobody’s, whatever its name', () => {
    const rules = parseAccessManifest(JSON.stringify({ version: 1, files: { 'maps/a.json': ['agents'], 'catalog.json': [] } }));
    expect(rules.get('maps/a.json')).toEqual(['agents']);
    expect(rules.get('catalog.json')).toEqual([]);
    for (const name of ['maps/b.json', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(rules.get(name)).toBeUndefined();
  });

  it('refuses what is not a manifest, saying why', () => {
    expect(() => parseAccessManifest('{"version":2,"files":{}}')).toThrow(/version/);
    expect(() => parseAccessManifest('{"version":1,"files":[]}')).toThrow(/"files" must be an object/);
    expect(() => parseAccessManifest('{"version":1,"files":{"a.json":"agents"}}')).toThrow(/a\.json/);
    expect(() => parseAccessManifest('{"version":1,"files":{"a.json":[3]}}')).toThrow(/a\.json/);
    expect(() => parseAccessManifest('{"version":1,')).toThrow();
  });

  it('lets a file to one of its groups, or to anyone signed in when it has none', () => {
    expect(mayRead(['agents', 'direction'], ['visiteurs', 'direction'])).toBe(true);
    expect(mayRead(['agents'], ['visiteurs'])).toBe(false);
    expect(mayRead(['agents'], [])).toBe(false);
    expect(mayRead([], [])).toBe(true);
  });

  it('is read again when a deployment changes it, and lets nothing through while it is broken or gone', () => {
    const path = accessFile({ version: 1, files: { 'maps/a.json': ['agents'] } });
    const access = new AccessFile(path);
    expect(access.rules().get('maps/a.json')).toEqual(['agents']);
    writeFileSync(path, JSON.stringify({ version: 1, files: { 'maps/a.json': ['agents', 'visiteurs'], 'maps/b.json': [] } }));
    expect(access.rules().get('maps/a.json')).toEqual(['agents', 'visiteurs']);
    expect(access.rules().get('maps/b.json')).toEqual([]);
    // Half copied: no rules at all until the copy ends.
    writeFileSync(path, '{"version":1,"files":{"maps/a.json":["age');
    expect(() => access.rules()).toThrow(/access\.json/);
    // Replaced by a rename, as an atomic deployment does.
    writeFileSync(`${path}.new`, JSON.stringify({ version: 1, files: { 'maps/c.json': ['direction'] } }));
    renameSync(`${path}.new`, path);
    expect(access.rules().get('maps/a.json')).toBeUndefined();
    expect(access.rules().get('maps/c.json')).toEqual(['direction']);
    rmSync(path);
    expect(() => access.rules()).toThrow(/access\.json/);
  });

  it('will not start without a valid file', () => {
    expect(() => new AccessFile(join(tmpdir(), 'cartable-nowhere', 'access.json'))).toThrow(/access\.json/);
    expect(() => new AccessFile(accessFile('[]'))).toThrow(/version/);
  });
});
