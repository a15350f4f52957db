/**
 * A build never leaves its output half-updated: Vite writes into a staging folder beside the output
 * (`<outDir>.partial-<pid>`), every later step (service worker, <cartable-map> element, leak check)
 * works there, and the folder takes the output's place only once all of them have succeeded. A
 * failed build removes its staging folder: the previous output stays as it was, and an output that
 * fails the leak check is never written where it could be deployed.
 */
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';

export interface StagedOutput {
  /** Where Vite and the later steps write: the staging folder. */
  readonly folder: string;
  /** Where the output goes once the build has succeeded (the outDir asked for). */
  readonly outDir: string;
  /** True when the build replaces outDir (Vite's emptyOutDir), false when it writes over it. */
  readonly replace: boolean;
}

export const stagingFolder = (outDir: string, pid = process.pid): string => `${outDir}.partial-${pid}`;

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes the staging folders of builds of outDir that no longer run (killed midway). */
export function removeStaleStaging(outDir: string): void {
  const parent = dirname(outDir);
  const prefix = `${basename(outDir)}.partial-`;
  if (!existsSync(parent)) return;
  for (const name of readdirSync(parent)) {
    const pid = name.startsWith(prefix) ? Number(name.slice(prefix.length)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

/**
 * Puts the staged output in place of outDir (its .git folder kept, as Vite keeps it when it empties
 * outDir), or, when the build does not replace outDir, writes it over outDir's content.
 */
export function publishStaged({ folder, outDir, replace }: StagedOutput): void {
  if (!replace) {
    cpSync(folder, outDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
    return;
  }
  if (existsSync(join(outDir, '.git')) && !existsSync(join(folder, '.git'))) renameSync(join(outDir, '.git'), join(folder, '.git'));
  // The previous output is set aside, not removed, until the new one is in place.
  const previous = `${outDir}.previous-${process.pid}`;
  if (existsSync(outDir)) renameSync(outDir, previous);
  try {
    renameSync(folder, outDir);
  } catch (error) {
    if (existsSync(previous)) renameSync(previous, outDir);
    throw error;
  }
  rmSync(previous, { recursive: true, force: true });
}

/**
 * The Vite plugin that stages a build's output: `finish` runs last, on the complete staged output
 * (the restricted output and the leak check), and the output is published only if it succeeds.
 * Watch builds and builds that write nothing are left as they are.
 */
export function stagedOutput(finish: (stage: StagedOutput) => void): Plugin {
  let stage: StagedOutput | undefined;
  let written = false;
  const discard = (): void => {
    if (stage) rmSync(stage.folder, { recursive: true, force: true });
  };
  return {
    name: 'cartable-staged-output',
    apply: 'build',
    config(config) {
      if (config.build?.watch || config.build?.write === false) return undefined;
      const root = resolve(config.root ?? '');
      const outDir = resolve(root, config.build?.outDir ?? 'dist');
      const inRoot = !relative(root, outDir).startsWith('..');
      stage = { folder: stagingFolder(outDir), outDir, replace: config.build?.emptyOutDir ?? inRoot };
      removeStaleStaging(outDir);
      // A step that fails before the last one (an earlier closeBundle) skips it: the folder goes when the process ends.
      process.once('exit', discard);
      return { build: { outDir: stage.folder, emptyOutDir: true } };
    },
    buildStart() {
      written = false;
    },
    writeBundle() {
      written = true;
    },
    // Last: after the service worker and the element are written. Called with the error of a failed
    // build, and, for some failures, once more without it: only a build whose bundle was written is published.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler(error) {
        if (!stage) return;
        const published = stage;
        try {
          if (error || !written) return;
          finish(published);
          publishStaged(published);
          console.log(`Cartable: the output is in ${published.outDir} (written to ${basename(published.folder)} first)`);
        } catch (failure) {
          if (failure instanceof Error) failure.message += `\n  Nothing of this build was written to ${published.outDir}: its previous content stays as it was.`;
          throw failure;
        } finally {
          discard();
          process.off('exit', discard);
          written = false;
        }
      },
    },
  };
}
