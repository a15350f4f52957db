import type { MapSession } from '../session/map-session.js';
import { countIgnored, embedPolicy, emptyStats, isAllowedOrigin, message, parseCommand, type EmbedEvent, type EmbedStats } from './api.js';
import { CommandError, runCommand, watchEvents } from './commands.js';
import { isWordPressReady, wordPressHeight, wordPressSecret } from './wordpress.js';

declare global {
  interface Window {
    /** What the embed API received and ignored (debugging; nothing is logged to the console). */
    __cartableEmbedStats?: EmbedStats;
  }
}

/**
 * Connects a map shown in an iframe (embed=1) to its host page: the postMessage API (commands from
 * the origins the map document allows, events to them) and WordPress's resize messages. Messages that
 * are malformed, of another version or from an origin not allowed are ignored and counted in
 * `window.__cartableEmbedStats`. Returns a function that disconnects.
 */
export function connectFrame(session: MapSession, win: Window = window): () => void {
  const context = session.context;
  const policy = embedPolicy(context);
  const stats = (win.__cartableEmbedStats = emptyStats());
  const parent = win.parent !== win ? win.parent : undefined;
  const secret = wordPressSecret(win.location.hash);

  // The parent's origin, when the browser tells (Chromium, Safari) or the referrer does; else the
  // origin of the first command that was allowed. Events go to it alone, and only when it is allowed.
  let parentOrigin = win.location.ancestorOrigins?.[0] ?? originOf(win.document.referrer);
  const target = (): string | undefined => {
    const opaque = !parentOrigin || parentOrigin === 'null'; // e.g. a sandboxed parent: only '*' reaches it
    if (!opaque && isAllowedOrigin(parentOrigin!, policy.eventsTo)) return parentOrigin;
    return opaque && policy.eventsTo.includes('*') ? '*' : undefined;
  };
  const post = (event: EmbedEvent): void => {
    const origin = target();
    if (parent && origin) parent.postMessage(message(event), origin);
  };
  const tellWordPress = (): void => {
    if (parent && secret) parent.postMessage(wordPressHeight(secret, win.innerHeight), '*');
  };

  const onMessage = (event: MessageEvent): void => {
    if (!parent || event.source !== parent) return; // Only the host page drives the map.
    if (isWordPressReady(event.data, secret)) {
      tellWordPress();
      return;
    }
    stats.received++;
    const parsed = parseCommand(event.data);
    if (!parsed.ok) {
      countIgnored(stats, parsed.reason, event.origin, parsed.detail);
      return;
    }
    if (!isAllowedOrigin(event.origin, policy.commandsFrom)) {
      countIgnored(stats, 'origin', event.origin);
      return;
    }
    stats.accepted++;
    parentOrigin ??= event.origin;
    const { id } = parsed.command;
    runCommand(session, parsed.command).catch((error: unknown) => {
      const code = error instanceof CommandError ? error.code : 'failed';
      post({ event: 'error', code, message: error instanceof Error ? error.message : String(error), ...(id === undefined ? {} : { id }) });
    });
  };
  win.addEventListener('message', onMessage);

  let stopEvents: (() => void) | undefined;
  let stopped = false;
  void session.rendered().then(() => {
    if (stopped) return;
    stopEvents = watchEvents(session, post);
    tellWordPress();
  });

  return () => {
    stopped = true;
    win.removeEventListener('message', onMessage);
    stopEvents?.();
  };
}

function originOf(url: string): string | undefined {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
}
