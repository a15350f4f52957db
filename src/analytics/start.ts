/**
 * Starts the usage figures once, from the site configuration (main.ts). Nothing is set up when the
 * site configures no target or when the browser sends Global Privacy Control / Do Not Track.
 */
import { connectAnalytics, isEmbedded } from './connect.js';
import { privacySignal, safeStorage } from './consent.js';
import { createTracker, flushWhenHidden, type AnalyticsConfig, type Tracker } from './tracker.js';

export interface StartOptions {
  readonly config: AnalyticsConfig | undefined;
  /** The site's root URL (page URLs sent to Matomo are made from it). */
  readonly siteUrl: string;
}

/** The running tracker, or undefined when figures are off for good on this page. */
export function startAnalytics({ config, siteUrl }: StartOptions): Tracker | undefined {
  try {
    if (!config || privacySignal(navigator as Navigator & { globalPrivacyControl?: boolean }, window as unknown as { doNotTrack?: string })) {
      return undefined;
    }
    const tracker = createTracker({ config, siteUrl, navigator, storage: safeStorage() });
    connectAnalytics({ target: document, tracker, embedding: { embedded: isEmbedded(), referrer: document.referrer } });
    flushWhenHidden(tracker);
    return tracker;
  } catch {
    return undefined; // Figures never stop the viewer.
  }
}
