/**
 * axe-core on the catalog and on the demo map page (axe walks the open shadow roots). Any violation
 * fails the test, listed with its rule id, impact and targets.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, startSuite, waitForMap, withPage, type Suite } from './support/harness.js';

let suite: Suite;
before(async () => {
  suite = await startSuite();
});
after(async () => {
  await suite?.close();
});

function formatViolations(violations: Awaited<ReturnType<typeof axeViolations>>): string {
  return violations
    .map((v) => `  ${v.id} (${v.impact}): ${v.help}\n${v.targets.map((target) => `      ${target}`).join('\n')}`)
    .join('\n');
}

test('axe: no violations on the catalog', async (t) => {
  await withPage(t, suite, { path: '' }, async ({ page }) => {
    await page.locator('li.card').nth(2).waitFor();
    const violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => v.id), [], `axe violations on the catalog:\n${formatViolations(violations)}`);
  });
});

test('axe: no violations on the demo map page', async (t) => {
  await withPage(t, suite, { path: 'maps/lieux-de-france.html' }, async ({ page }) => {
    await waitForMap(page);
    const violations = await axeViolations(page);
    assert.deepEqual(violations.map((v) => v.id), [], `axe violations on maps/lieux-de-france.html:\n${formatViolations(violations)}`);
  });
});
