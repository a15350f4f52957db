/**
 * Real builds of small projects for the build tests: vite.config.ts's settings with the Cartable
 * plugins on a temp project, and the outputs of a "previous build" to compare before and after.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build, createLogger, type Logger } from 'vite';
import { cartable } from '../../../plugin/plugin.js';
import { pwa } from '../../../plugin/pwa.js';
import { loadSiteConfig } from '../../../plugin/site.js';

export const ROOT = resolve(import.meta.dirname, '../../..');

/** Writes a project's files (path → text, or a value written as JSON) under `root`, with the repository's site configuration. */
export function writeProject(root: string, files: Record<string, unknown>): void {
  const site = JSON.parse(readFileSync(join(ROOT, 'site.config.json'), 'utf8')) as Record<string, unknown>;
  delete site.$schema;
  delete site.sources; // Paths relative to the repository, for maps these projects do not have.
  for (const [path, content] of Object.entries({ 'site.config.json': site, ...files })) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  // The <cartable-map> element is built from the project's src/.
  symlinkSync(join(ROOT, 'src'), join(root, 'src'));
}

/** Writes files (path → text) under `folder`: the output of a previous build. */
export function writeFiles(folder: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(folder, path, '..'), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
}

/** Every file under `folder`, with its bytes (base64), to compare a folder before and after. */
export const snapshot = (folder: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(folder, { recursive: true, encoding: 'utf8' })
      .filter((name) => statSync(join(folder, name)).isFile())
      .map((name) => [name, readFileSync(join(folder, name)).toString('base64')]),
  );

/** A Vite logger that keeps the warnings and says nothing. */
function collectingLogger(warnings: string[]): Logger {
  const logger = createLogger('warn', { allowClearScreen: false });
  return { ...logger, info: () => undefined, warn: (message) => void warnings.push(message), warnOnce: (message) => void warnings.push(message), error: () => undefined };
}

/** Builds the project at `projectRoot` into outDir (its restricted output into restrictedDir): the error's message, '' when it succeeds. */
export async function buildProject(projectRoot: string, outDir: string, restrictedDir: string, warnings?: string[]): Promise<string> {
  const saved = { config: process.env.CARTABLE_SITE_CONFIG, restricted: process.env.CARTABLE_RESTRICTED_OUT_DIR };
  delete process.env.CARTABLE_SITE_CONFIG;
  process.env.CARTABLE_RESTRICTED_OUT_DIR = restrictedDir;
  try {
    const { site } = loadSiteConfig(projectRoot);
    await build({
      root: ROOT,
      configFile: false,
      base: './',
      // `warnings`: the build's warnings are collected there.
      ...(warnings ? { logLevel: 'warn' as const, customLogger: collectingLogger(warnings) } : { logLevel: 'silent' as const }),
      plugins: [cartable({ projectRoot }), pwa(site!)],
      build: { outDir, emptyOutDir: true, target: 'es2022', assetsInlineLimit: 0, sourcemap: true, reportCompressedSize: false },
    });
    return '';
  } catch (error) {
    return (error as Error).message;
  } finally {
    for (const [name, value] of [['CARTABLE_SITE_CONFIG', saved.config], ['CARTABLE_RESTRICTED_OUT_DIR', saved.restricted]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
