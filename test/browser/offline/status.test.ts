import { expect } from 'chai';
import { NEW_VERSION_EVENT } from '../../../src/offline/load-chunk.js';
import { CartableStatus } from '../../../src/ui/cartable-status.js';
import '../../../src/ui/cartable-status.js';
import { mount, unmountAll } from '../support/mount.js';

describe('cartable-status', () => {
  afterEach(unmountAll);

  it('offers to reload when a new version waits, and reloads through the given action', async () => {
    const status = mount(new CartableStatus(), '');
    await status.updateComplete;
    expect(status.shadowRoot!.querySelector('button')).to.equal(null);
    let reloads = 0;
    status.onReload = () => reloads++;
    await status.updateComplete;
    expect(status.shadowRoot!.textContent).to.contain('Une nouvelle version est disponible.');
    status.shadowRoot!.querySelector('button')!.click();
    expect(reloads).to.equal(1);
    expect(status.shadowRoot!.querySelector('[role="status"]')!.getAttribute('aria-live')).to.equal('polite');
  });

  it('offers to reload when code of the page’s version is gone from the site, keeping a waiting worker’s action', async () => {
    const status = mount(new CartableStatus(), '');
    await status.updateComplete;
    dispatchEvent(new Event(NEW_VERSION_EVENT));
    await status.updateComplete;
    expect(status.shadowRoot!.textContent).to.contain('Une nouvelle version est disponible.');
    expect(status.shadowRoot!.querySelector('button')!.textContent).to.equal('Recharger');

    // The service worker's action (swap versions, then reload) is the better one: kept.
    const withWorker = mount(new CartableStatus(), '');
    const swap = (): void => undefined;
    withWorker.onReload = swap;
    dispatchEvent(new Event(NEW_VERSION_EVENT));
    expect(withWorker.onReload).to.equal(swap);
  });

  it('says when the network is gone and when it is back', async () => {
    const status = mount(new CartableStatus(), '');
    const onLine = Object.getOwnPropertyDescriptor(Navigator.prototype, 'onLine')!;
    try {
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false });
      dispatchEvent(new Event('offline'));
      await status.updateComplete;
      expect(status.shadowRoot!.textContent).to.contain('Hors ligne');
      Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => true });
      dispatchEvent(new Event('online'));
      await status.updateComplete;
      expect(status.shadowRoot!.textContent).to.not.contain('Hors ligne');
    } finally {
      delete (navigator as { onLine?: boolean }).onLine;
      Object.defineProperty(Navigator.prototype, 'onLine', onLine);
    }
  });
});
