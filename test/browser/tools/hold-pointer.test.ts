import { expect } from 'chai';
import { unmountAll, waitFor } from '../support/mount.js';
import type { PointerAt, PointerOwner } from '../../../src/map/pointer.js';
import { MEIJE, clickPixel, pixelOf, popupOf, showSites } from './support.js';

describe('adapter.holdPointer()', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    unmountAll();
  });

  it('keeps clicks from opening records while a tool holds the pointer, nested holds adding up', async () => {
    const view = await showSites();
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

  it('hands clicks to one owner at a time: taking the pointer ends the other’s hold, releasing it lets records open again', async () => {
    const view = await showSites();
    const map = view.adapter!.map;
    const pointer = view.adapter!.pointer;
    const meije = async (): Promise<number[]> => {
      await waitFor(() => !map.getView().getAnimating());
      return pixelOf(map, MEIJE);
    };
    const heard: string[] = [];
    const owner = (name: string): PointerOwner => ({
      name,
      onClick: (at: PointerAt) => heard.push(`${name} click ${at.pixel.map(Math.round).join(',')}`),
      onTakenAway: (by) => heard.push(`${name} taken by ${by.name}`),
    });

    const first = pointer.take(owner('measure'));
    expect(pointer.owner?.name).to.equal('measure');
    const at = await meije();
    await clickPixel(map, at);
    expect(heard).to.deep.equal([`measure click ${at.map(Math.round).join(',')}`]);
    expect(popupOf(view), 'a record opened while the pointer was held').to.equal(null);

    const second = pointer.take(owner('coordinates'));
    expect(first.active, 'the first hold ended').to.equal(false);
    expect(heard.at(-1)).to.equal('measure taken by coordinates');
    first.release(); // the displaced owner gives back nothing: the second still holds
    expect(pointer.owner?.name).to.equal('coordinates');
    await clickPixel(map, await meije());
    expect(heard.filter((h) => h.startsWith('measure click')), 'the displaced owner heard a click').to.have.length(1);
    expect(heard.at(-1)).to.match(/^coordinates click/);
    expect(popupOf(view)).to.equal(null);

    second.release();
    expect([pointer.owner, pointer.held]).to.deep.equal([undefined, false]);
    await clickPixel(map, await meije());
    await waitFor(() => !!popupOf(view));
    expect(heard.at(-1), 'no owner hears clicks once released').to.match(/^coordinates click/);
  });
});
