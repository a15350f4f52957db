/**
 * Runs test stages one after another, each even when an earlier one failed (one failure must not
 * hide the others' results), except a stage that needs another that did not pass: it is reported
 * as not run, with the reason.
 */
import { spawn } from 'node:child_process';

export interface Stage {
  readonly name: string;
  /** A shell command. */
  readonly command: string;
  /** The name of a stage whose success this one needs (the end-to-end tests need the build). */
  readonly needs?: string;
}

export type Outcome =
  | { readonly status: 'passed' | 'failed'; readonly seconds: number }
  | { readonly status: 'not run'; readonly why: string };

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
  /** Where each stage's heading goes (its own output goes straight to this process's). */
  readonly log?: (line: string) => void;
}

/** Runs one shell command with inherited output; resolves to its exit code. */
function runCommand(command: string, { cwd, env }: RunOptions): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, { cwd, env: env ?? process.env, shell: true, stdio: 'inherit' });
    child.on('error', () => done(127));
    child.on('exit', (code) => done(code ?? 1));
  });
}

export async function runStages(stages: readonly Stage[], options: RunOptions): Promise<Map<string, Outcome>> {
  const log = options.log ?? console.log;
  const outcomes = new Map<string, Outcome>();
  for (const stage of stages) {
    const needed = stage.needs === undefined ? undefined : outcomes.get(stage.needs);
    if (needed && needed.status !== 'passed') {
      outcomes.set(stage.name, { status: 'not run', why: `the stage "${stage.needs}" did not pass` });
      continue;
    }
    log(`\n=== ${stage.name}: ${stage.command}\n`);
    const started = performance.now();
    const code = await runCommand(stage.command, options);
    outcomes.set(stage.name, { status: code === 0 ? 'passed' : 'failed', seconds: (performance.now() - started) / 1000 });
  }
  return outcomes;
}

/** The closing summary: one line a stage, then the verdict. */
export function summary(outcomes: ReadonlyMap<string, Outcome>): string {
  const width = Math.max(...[...outcomes.keys()].map((name) => name.length)) + 2;
  const lines = [...outcomes].map(([name, outcome]) => {
    const detail = outcome.status === 'not run' ? `not run: ${outcome.why}` : `${outcome.status} (${Math.round(outcome.seconds)} s)`;
    return `  ${name.padEnd(width)}${detail}`;
  });
  const failed = [...outcomes].filter(([, outcome]) => outcome.status !== 'passed').map(([name]) => name);
  lines.push('', failed.length ? `Tests failed: ${failed.join(', ')}` : 'Tests passed: every stage');
  return lines.join('\n');
}

export const allPassed = (outcomes: ReadonlyMap<string, Outcome>): boolean =>
  [...outcomes.values()].every((outcome) => outcome.status === 'passed');
