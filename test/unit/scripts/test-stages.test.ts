import { describe, expect, it } from 'vitest';
import { allPassed, runStages, summary } from '../../../scripts/test-all/stages.js';

const node = (code: string): string => `"${process.execPath}" -e "${code}"`;
const quiet = { cwd: process.cwd(), log: () => undefined };

describe('npm test stages', () => {
  it('runs every stage after a failure, skips with its reason a stage whose prerequisite failed, and fails at the end', async () => {
    const outcomes = await runStages(
      [
        { name: 'first', command: node('process.exit(3)') },
        { name: 'build', command: node('process.exit(1)') },
        { name: 'after the failures', command: node('process.exit(0)') },
        { name: 'needs the build', command: node('process.exit(0)'), needs: 'build' },
      ],
      quiet,
    );
    expect([...outcomes.values()].map((o) => o.status)).toEqual(['failed', 'failed', 'passed', 'not run']);
    expect(allPassed(outcomes)).toBe(false);
    const text = summary(outcomes);
    expect(text).toMatch(/needs the build +not run: the stage "build" did not pass/);
    expect(text).toContain('Tests failed: first, build, needs the build');
  }, 60_000);

  it('passes when every stage passed, a stage that needs another one run once it passed', async () => {
    const outcomes = await runStages(
      [
        { name: 'build', command: node('process.exit(0)') },
        { name: 'e2e', command: node('process.exit(0)'), needs: 'build' },
      ],
      quiet,
    );
    expect(allPassed(outcomes)).toBe(true);
    expect(summary(outcomes)).toMatch(/e2e +passed \(\d+ s\)\n\nTests passed: every stage$/);
  }, 60_000);
});
