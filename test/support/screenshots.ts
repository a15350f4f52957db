/**
 * Screenshots for a person to look at, taken only when CARTABLE_SCREENSHOTS is set: to the folder it
 * names, or with `CARTABLE_SCREENSHOTS=1` to a new temporary folder (its path is printed once). A
 * test run never writes into the repository.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

let folder: string | undefined;

/** The folder screenshots go to, or undefined when CARTABLE_SCREENSHOTS is not set. */
export function screenshotFolder(): string | undefined {
  const setting = process.env.CARTABLE_SCREENSHOTS;
  if (!setting) return undefined;
  if (!folder) {
    folder = setting === '1' || setting === 'true' ? mkdtempSync(join(tmpdir(), 'cartable-screenshots-')) : resolve(setting);
    mkdirSync(folder, { recursive: true });
    console.log(`Screenshots: ${folder}`);
  }
  return folder;
}

/** Saves `<name>.png` when screenshots are asked for; does nothing otherwise. */
export async function keepScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  const target = screenshotFolder();
  if (target) await page.screenshot({ path: join(target, `${name}.png`), ...options });
}
