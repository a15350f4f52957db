import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support.js';

// A copy of what the command runs from, as a fresh clone has it: no src/generated/ (npm run generate never ran).
const clone = mkdtempSync(join(tmpdir(), 'cartable-fresh-'));
afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('cartable on a fresh clone', () => {
  it('compiles the validators it needs on its first run, then answers', () => {
    for (const folder of ['bin', 'scripts', 'plugin', 'src', 'collector']) {
      cpSync(resolve(ROOT, folder), join(clone, folder), { recursive: true, filter: (path) => !path.includes('/src/generated') });
    }
    cpSync(resolve(ROOT, 'package.json'), join(clone, 'package.json'));
    symlinkSync(resolve(ROOT, 'node_modules'), join(clone, 'node_modules'));
    expect(existsSync(join(clone, 'src/generated'))).toBe(false);

    const help = spawnSync(process.execPath, [join(clone, 'bin/cartable.js'), '--help'], { cwd: clone, encoding: 'utf8', timeout: 120_000 });
    expect(help.stderr).toBe('');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: cartable <command>');
    expect(existsSync(join(clone, 'src/generated/validators.js')) && existsSync(join(clone, 'src/generated/site-validator.js'))).toBe(true);

    const validate = spawnSync(process.execPath, [join(clone, 'bin/cartable.js'), 'validate', resolve(ROOT, 'site.config.json')], { cwd: clone, encoding: 'utf8', timeout: 120_000 });
    expect(validate.status).toBe(0);
  }, 240_000);
});
