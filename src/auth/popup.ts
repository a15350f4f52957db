/**
 * Signing in from inside a frame (embed), where the provider's pages cannot be shown and third-party
 * cookies may be off: a sign-in window does the round trip, and its callback page hands the answer
 * back to the frame with postMessage — to this site's origin only, and accepted only from the window
 * the frame opened. The code is worth nothing without the PKCE verifier, which never leaves the frame.
 */

/** States of a sign-in made in a window start with this, so the callback page knows to hand it back. */
export const POPUP_STATE_PREFIX = 'p.';
const MESSAGE_TYPE = 'cartable-signin';
export const POPUP_NAME = 'cartable-signin';

interface SignInMessage {
  readonly type: typeof MESSAGE_TYPE;
  readonly url: string;
}

/** Opens the sign-in window at once (still inside the click: popup blockers allow it), blank until `url` is known. */
export function openSignInWindow(): Window | null {
  const width = 520;
  const height = 680;
  const left = Math.max(0, (screen.availWidth - width) / 2);
  const top = Math.max(0, (screen.availHeight - height) / 2);
  try {
    return window.open('about:blank', POPUP_NAME, `popup,width=${width},height=${height},left=${left},top=${top}`);
  } catch {
    return null;
  }
}

/** Waits for the callback URL the window sends back; rejects when the person closes it first. */
export function waitForCallback(popup: Window): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = (): void => {
      removeEventListener('message', onMessage);
      clearInterval(watch);
    };
    const onMessage = (event: MessageEvent): void => {
      const data = event.data as SignInMessage | undefined;
      if (event.origin !== location.origin || event.source !== popup || data?.type !== MESSAGE_TYPE || typeof data.url !== 'string') return;
      done();
      resolve(data.url);
    };
    addEventListener('message', onMessage);
    // A closed window sends nothing: polling is the only way to know.
    const watch = setInterval(() => {
      if (!popup.closed) return;
      done();
      reject(new PopupClosedError());
    }, 500);
  });
}

export class PopupClosedError extends Error {
  constructor() {
    super('the sign-in window was closed');
    this.name = 'PopupClosedError';
  }
}

/**
 * In the sign-in window, back from the provider: hands the answer to the frame that opened it and
 * closes. Returns false when this page is not such a window (no opener, or a redirect-mode state).
 */
export function handBackToOpener(href: string): boolean {
  const state = new URL(href).searchParams.get('state') ?? '';
  const opener = window.opener as Window | null;
  if (!state.startsWith(POPUP_STATE_PREFIX) || !opener || opener === window) return false;
  const message: SignInMessage = { type: MESSAGE_TYPE, url: href };
  // Only a page of this very origin may read it.
  opener.postMessage(message, location.origin);
  window.close();
  return true;
}
