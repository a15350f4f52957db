import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fileNameOf, readLinkedFiles } from '../../../src/cli/linked-files.js';
import type { LinkedFileKind } from '../../../src/interop/linked-files.js';

const folder = mkdtempSync(join(tmpdir(), 'cartable-linked-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('linked files read by the command line (--templates, --styles)', () => {
  it('names a file by the last part of its address, decoded, without query', () => {
    expect(fileNameOf('https://kartenn.example.org/styles/lyc%C3%A9e.sld?v=2#x')).toBe('lycée.sld');
    expect(fileNameOf('templates/global.port.mst')).toBe('global.port.mst');
    expect(fileNameOf('https://example.org/')).toBe('');
  });

  it('reads each kind from its own folder, says each file it cannot read, and refuses files over 1 MB', async () => {
    writeFileSync(join(folder, 'port.sld'), '<StyledLayerDescriptor/>');
    writeFileSync(join(folder, 'big.sld'), 'x'.repeat(1024 * 1024 + 1));
    const wanted = new Map<string, LinkedFileKind>([
      ['https://example.org/styles/port.sld', 'style'],
      ['https://example.org/styles/big.sld', 'style'],
      ['https://example.org/styles/absent.sld', 'style'],
      ['https://example.org/tpl/port.mst', 'template'],
    ]);
    const lines: string[] = [];
    const files = await readLinkedFiles(wanted, { style: folder }, (line) => lines.push(line));
    expect([...files]).toEqual([['https://example.org/styles/port.sld', '<StyledLayerDescriptor/>']]);
    expect(lines.sort()).toEqual([`${folder}: style absent.sld not read: no such file\n`, `${folder}: style big.sld not read: too large (1024 KB; at most 1 MB)\n`]);
  });
});
