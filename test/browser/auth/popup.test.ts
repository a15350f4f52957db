import { expect } from 'chai';
import { PopupClosedError, waitForCallback } from '../../../src/auth/popup.js';
import { mount, unmountAll } from '../support/mount.js';

/** A real window standing for the sign-in window (an iframe's), and another one. */
function windows(): { popup: Window; other: Window; frame: HTMLIFrameElement } {
  const frame = document.createElement('iframe');
  const second = document.createElement('iframe');
  const holder = document.createElement('div');
  holder.append(frame, second);
  mount(holder);
  return { popup: frame.contentWindow!, other: second.contentWindow!, frame };
}

const post = (data: unknown, origin: string, source: Window): boolean =>
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));

describe('the sign-in window hands its answer back', () => {
  afterEach(unmountAll);

  it('accepts only a message of this origin, from the window opened, of the expected shape', async () => {
    const { popup, other } = windows();
    let settled: string | undefined;
    const waiting = waitForCallback(popup).then((url) => (settled = url));
    const good = { type: 'cartable-signin', url: `${location.origin}/?code=c&state=p.s` };
    // Each refused message carries its own URL: had one been taken, the answer (given once) would be that URL.
    const refused = (code: string) => ({ type: 'cartable-signin', url: `${location.origin}/?code=${code}&state=p.s` });
    post(refused('origin'), 'https://evil.example', popup); // Another origin.
    post(refused('window'), location.origin, other); // Another window.
    post({ type: 'cartable-signin', url: 42 }, location.origin, popup); // Malformed.
    post({ ...refused('type'), type: 'other' }, location.origin, popup);
    expect(settled).to.equal(undefined);
    post(good, location.origin, popup);
    await waiting;
    expect(settled).to.equal(good.url);
  });

  it('gives up when the person closes the window', async () => {
    const { popup, frame } = windows();
    const waiting = waitForCallback(popup);
    frame.remove(); // Its window is now closed.
    let error: unknown;
    try {
      await waiting;
    } catch (e) {
      error = e;
    }
    expect(error).to.be.instanceOf(PopupClosedError);
  });
});
