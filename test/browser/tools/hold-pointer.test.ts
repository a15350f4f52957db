import { expect } from 'chai';
import { unmountAll, waitFor } from '../support/mount.js';
import { MEIJE, clickPixel, pixelOf, popupOf, showMap } from './support.js';

describe('adapter.holdPointer()', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    unmountAll();
  });

  it('keeps clicks from opening records while a tool holds the pointer, nested holds adding up', async () => {
    const view = await showMap();
    const map = view.adapter!.map;
    // Where La Meije is now (an opened record may pan the map to make room for itself).
    const meije = async (): Promise<number[]> => {
      await waitFor(() => !map.getView().getAnimating());
      return pixelOf(map, MEIJE);
    };

    await clickPixel(map, await meije());
    await waitFor(() => !!popupOf(view));
    view.closeRecord();
    await view.updateComplete;
    expect(popupOf(view)).to.equal(null);

    const releaseFirst = view.adapter!.holdPointer();
    const releaseSecond = view.adapter!.holdPointer();
    await clickPixel(map, await meije());
    expect(popupOf(view), 'a record opened while the pointer was held').to.equal(null);

    releaseFirst();
    releaseFirst(); // a second call of the same release changes nothing
    await clickPixel(map, await meije());
    expect(popupOf(view), 'one hold is still on').to.equal(null);

    releaseSecond();
    await clickPixel(map, await meije());
    await waitFor(() => !!popupOf(view));
  });
});
