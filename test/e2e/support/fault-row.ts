/**
 * One row of the fault matrix on an open page: the map of one fault, every layer kind on it. Opens the
 * map under a fake clock, then checks each layer's state, its words (list, basemap chooser, alerts),
 * that no browser words show, the requests within the policy's budget as the view moves, and that
 * « Réessayer » brings every layer back once the servers answer well.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  budgetMismatches,
  frames,
  messageMismatches,
  pressRetry,
  problemMismatches,
  rawTextMismatches,
  recoveryMismatches,
  settleFaults,
} from './fault-checks.js';
import { faultMapPath, type Fault, type Kind, type Origins } from './faults.js';
import { axeViolations, type Suite } from './harness.js';

export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/** Opens the map of `fault` with the page's clock faked (it runs at real speed until a test moves it). */
export async function openFaultMap(page: Page, suite: Suite, fault: Fault, lang?: 'en'): Promise<void> {
  await page.clock.install();
  await page.goto(suite.url(faultMapPath(fault, lang)));
}

/** Screenshots of the page at desktop and phone size, when CARTABLE_SCREENSHOTS names a folder (the page is left at desktop size). */
export async function shoot(page: Page, name: string): Promise<void> {
  const folder = process.env.CARTABLE_SCREENSHOTS;
  if (!folder) return;
  await page.setViewportSize(DESKTOP);
  await frames(page, 4);
  await page.screenshot({ path: join(folder, `faults-${name}-desktop.png`) });
  await page.setViewportSize(PHONE);
  await frames(page, 4);
  // The layer sheet as the desktop left it open, then the map itself (the sheet closed), as a phone opens it.
  const toggle = page.locator('button.panel-toggle');
  const open = (await toggle.getAttribute('aria-expanded')) === 'true';
  if (open) {
    await page.screenshot({ path: join(folder, `faults-${name}-phone-panel.png`) });
    await toggle.click();
    await frames(page, 4);
  }
  await page.screenshot({ path: join(folder, `faults-${name}-phone.png`) });
  if (open) await toggle.click();
  await page.setViewportSize(DESKTOP);
  await frames(page, 4);
}

export interface RowOptions {
  readonly fault: Fault;
  readonly lang?: 'en';
  /** Where each kind's server is (the alerts name its host). */
  readonly origins: Origins;
  /** Requests the server of `kind` received. */
  count(kind: Kind): number;
  /** The servers answer well from now on. */
  recover(): void;
  /** Which « Réessayer » to press: the map's alerts, or each layer's own. */
  readonly retryFrom: 'alerts' | 'rows';
  /** Fake milliseconds to move at each look while waiting (faults that only a deadline ends). */
  readonly advance?: number;
  /** Waits for what must happen before each move of the clock (see untilAnswersBegan). */
  readonly beforeAdvance?: () => Promise<void>;
  /** Name of the screenshots taken once the layers have failed. */
  readonly shots?: string;
  /** Runs axe on the page while it shows the failures (the alerts, the error rows, the basemap chooser's). */
  readonly axe?: boolean;
}

/** Runs the row's checks on the open map; returns the cells that fail, in words (none: the row passes). */
export async function checkFaultRow(page: Page, options: RowOptions): Promise<string[]> {
  const { fault } = options;
  const { states, unsettled, atError } = await settleFaults(page, fault, { count: options.count, advance: options.advance, beforeAdvance: options.beforeAdvance });
  const mismatches = [...unsettled, ...problemMismatches(states, fault)];
  mismatches.push(...(await messageMismatches(page, fault, (kind) => new URL(options.origins(kind)).host, options.lang)));
  mismatches.push(...(await rawTextMismatches(page, fault)));
  if (options.axe) mismatches.push(...(await axeViolations(page)).map((v) => `${fault}: axe ${v.id} (${v.impact}): ${v.help} at ${v.targets.join(', ')}`));
  if (options.shots) await shoot(page, options.shots);
  if (options.lang) return mismatches;
  mismatches.push(...(await budgetMismatches(page, fault, { count: options.count, atError, advance: options.advance, beforeAdvance: options.beforeAdvance })));
  options.recover();
  mismatches.push(...(await pressRetry(page, fault, options.retryFrom)));
  mismatches.push(...(await recoveryMismatches(page, fault)));
  mismatches.push(...(await rawTextMismatches(page, fault)));
  return mismatches;
}
