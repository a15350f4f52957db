/**
 * The usage-figures tracker: off unless the site configures a target, off when the browser sends
 * Global Privacy Control or Do Not Track, off when the person opted out; events of restricted maps are
 * dropped unless the configuration says otherwise. Events are batched and sent when the page hides or
 * when a batch is full, with `fetch` + `keepalive`, no credentials, as text/plain (no CORS preflight),
 * never through the map's requester (no auth header ever). Sending is fire and forget: a failure is
 * swallowed, never thrown, never logged, never waited for.
 */
import type { SiteConfig } from '../context/types.js';
import type { AnalyticsEvent } from './events.js';
import { endpointBody, endpointRecord, type EndpointRecord } from './endpoint.js';
import { matomoBody, matomoEndpoint, matomoRequests } from './matomo.js';
import { privacySignal, readOptOut, writeOptOut, type OffReason, type PrivacyNavigator } from './consent.js';
import { cleanEvent } from './privacy.js';

export type AnalyticsConfig = NonNullable<SiteConfig['analytics']>;

/** Sends one body; must not throw (the default swallows every failure). */
export type Send = (url: string, body: string) => void;

export interface TrackerOptions {
  /** The site configuration's `analytics` (undefined: off). */
  readonly config: AnalyticsConfig | undefined;
  /** The site's root URL: Matomo page URLs are made from it, never from the page's own URL. */
  readonly siteUrl: string;
  readonly navigator?: PrivacyNavigator;
  /** Where the opt-out is remembered (undefined: not remembered, it holds for the page). */
  readonly storage?: Storage;
  readonly send?: Send;
  readonly now?: () => Date;
  /** Events held before a batch is sent without waiting for the page to hide. */
  readonly batchSize?: number;
}

export interface Tracker {
  /** Why nothing is sent, or undefined while figures are on. */
  readonly off: OffReason | undefined;
  /** Events waiting to be sent. */
  readonly pending: number;
  /** Counts an event (`restricted`: it comes from a restricted map or layer). Never throws. */
  track(event: AnalyticsEvent, about?: { readonly restricted?: boolean }): void;
  /** Sends what waits, at once (the page hides). */
  flush(): void;
  /** The person's choice: true stops the figures (and drops what waits), remembered when storage allows. */
  setOptedOut(optedOut: boolean): void;
}

/**
 * Past this many characters a batch is sent even if not full: the keepalive requests of a page share
 * 64 KB, and a character may take 3 bytes.
 */
const MAX_BODY = 16_000;

/** fetch with keepalive, no credentials, no referrer, text/plain; every failure swallowed. */
export const postQuietly: Send = (url, body) => {
  try {
    if (typeof fetch !== 'function') return;
    fetch(url, {
      method: 'POST',
      keepalive: true,
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      cache: 'no-store',
      headers: { 'Content-Type': 'text/plain' },
      body,
    }).catch(() => undefined);
  } catch {
    // A browser that refuses the request (e.g. too many keepalive bytes in flight): the figures lose it.
  }
};

export function createTracker(options: TrackerOptions): Tracker {
  const { config, siteUrl, storage } = options;
  const send = options.send ?? postQuietly;
  const now = options.now ?? (() => new Date());
  const batchSize = options.batchSize ?? 20;
  const signal = privacySignal(options.navigator);
  let optedOut = readOptOut(storage);
  /** Matomo request strings, or endpoint records. */
  let queue: Array<string | EndpointRecord> = [];
  let size = 0;

  const off = (): OffReason | undefined => (!config ? 'unset' : signal ?? (optedOut ? 'opted-out' : undefined));

  let target: { url: string; body: (items: typeof queue) => string } | undefined;
  try {
    target = !config
      ? undefined
      : config.type === 'matomo'
        ? { url: matomoEndpoint(config.url), body: (items) => matomoBody(items as string[]) }
        : { url: new URL(config.url).href, body: (items) => endpointBody(items as EndpointRecord[]) };
  } catch {
    target = undefined; // A URL the browser cannot read: figures stay off.
  }

  const flush = (): void => {
    if (!queue.length || !target) return;
    const items = queue;
    queue = [];
    size = 0;
    try {
      send(target.url, target.body(items));
    } catch {
      // Never let the figures break the viewer.
    }
  };

  return {
    get off() {
      return off() ?? (target ? undefined : 'unset');
    },
    get pending() {
      return queue.length;
    },
    track(event, about) {
      try {
        if (off() || !target || !config) return;
        if (about?.restricted && !config.restrictedMaps) return;
        const clean = cleanEvent(event);
        if (!clean) return;
        const items: Array<string | EndpointRecord> =
          config.type === 'matomo' ? matomoRequests(clean, { siteId: config.siteId, siteUrl }) : [endpointRecord(clean, now())];
        for (const item of items) {
          queue.push(item);
          size += typeof item === 'string' ? item.length : JSON.stringify(item).length;
        }
        if (queue.length >= batchSize || size >= MAX_BODY) flush();
      } catch {
        // An event that cannot be counted is not counted.
      }
    },
    flush,
    setOptedOut(next) {
      optedOut = next;
      writeOptOut(storage, next);
      if (next) {
        queue = [];
        size = 0;
      }
    },
  };
}

/** Sends what waits when the page hides (tab switched, closed, navigated away). Returns the teardown. */
export function flushWhenHidden(tracker: Tracker, doc: Document = document, win: Window = window): () => void {
  const onVisibility = (): void => {
    if (doc.visibilityState === 'hidden') tracker.flush();
  };
  const onPageHide = (): void => tracker.flush();
  doc.addEventListener('visibilitychange', onVisibility);
  win.addEventListener('pagehide', onPageHide);
  return () => {
    doc.removeEventListener('visibilitychange', onVisibility);
    win.removeEventListener('pagehide', onPageHide);
  };
}
