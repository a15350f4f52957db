/** The browser's print dialog, replaced by a counter: a test prints and waits for the call, no dialog opens. */
import type { Page } from 'playwright-core';

/** From now on window.print() only counts its calls. */
export async function stubPrint(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as any).__printed = 0;
    globalThis.print = () => void ((globalThis as any).__printed += 1);
  });
}

/** Waits until window.print() has been called `times` times since stubPrint. */
export async function waitForPrints(page: Page, times = 1): Promise<void> {
  await page.waitForFunction((n) => (globalThis as any).__printed === n, times);
}
