/** A page of a new browser context for a cold load: HTTP cache off, nothing leaves 127.0.0.1. */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

export interface ColdPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly cdp: CDPSession;
}

/** `rtt` (ms) adds that latency to every request, as a network farther away would. Close `context` when done. */
export async function openColdPage(browser: Browser, { rtt = 0 }: { rtt?: number } = {}): Promise<ColdPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.protocol.startsWith('http'),
    (route) => route.abort('blockedbyclient'),
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (rtt) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: rtt, downloadThroughput: -1, uploadThroughput: -1 });
  return { context, page, cdp };
}
