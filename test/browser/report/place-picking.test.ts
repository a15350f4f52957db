/**
 * The report picks its place through the map's pointer (adapter.pointer.take): while it picks, its
 * clicks go to the report alone; a tool taking the pointer ends the picking; Escape cancels it.
 */
import { expect } from 'chai';
import OlMap from 'ol/Map.js';
import View from 'ol/View.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MapAdapter } from '../../../src/map/adapter.js';
import { createMapPointer, type PointerControl } from '../../../src/map/pointer-owner.js';
import { PlacePicking } from '../../../src/ui/report/place-picking.js';
import type { Picked } from '../../../src/ui/report/places.js';

describe('PlacePicking', () => {
  let target: HTMLDivElement;
  let map: OlMap;
  let pointer: PointerControl;
  let picked: Picked[];
  /** Resolves at the next pick. */
  let nextPick: Promise<Picked>;
  let cancelled: number;
  let picking: PlacePicking;

  beforeEach(() => {
    target = document.createElement('div');
    target.style.cssText = 'width:400px;height:300px';
    document.body.append(target);
    map = new OlMap({ target, controls: [], view: new View({ center: [0, 0], zoom: 3 }) });
    pointer = createMapPointer();
    picked = [];
    let resolvePick: (p: Picked) => void = () => undefined;
    nextPick = new Promise((resolve) => (resolvePick = resolve));
    cancelled = 0;
    const controllers: ReactiveController[] = [];
    const host: ReactiveControllerHost = {
      addController: (c) => void controllers.push(c),
      removeController: () => undefined,
      requestUpdate: () => undefined,
      updateComplete: Promise.resolve(true),
    };
    picking = new PlacePicking(host, {
      adapter: () => ({ map, pointer }) as unknown as MapAdapter,
      onPicked: (p) => {
        picked.push(p);
        resolvePick(p);
      },
      onMissed: () => undefined,
      onCancelled: () => void cancelled++,
    });
  });
  afterEach(() => {
    picking.cancel();
    map.setTarget(undefined);
    target.remove();
  });

  const at = (x: number, y: number) => ({ coordinate: [x, y], pixel: [0, 0] });

  it('owns the click it picks a point with, then gives the pointer back', () => {
    picking.pickOnMap('point');
    expect(pointer.owner?.name).to.equal('report');
    pointer.owner!.onClick!(at(10, 20));
    expect(picked).to.deep.equal([{ kind: 'point', at: [10, 20] }]);
    expect(picking.picking).to.equal(undefined);
    expect(pointer.held).to.equal(false);
  });

  it('stops picking when a tool takes the pointer, and leaves that tool its pointer', () => {
    picking.pickOnMap('point');
    const measure = pointer.take({ name: 'measure' });
    expect(picking.picking).to.equal(undefined);
    picking.cancel();
    expect(pointer.owner?.name).to.equal('measure');
    expect(measure.active).to.equal(true);
    expect(picked).to.deep.equal([]);
  });

  it('draws a polygon vertex by vertex; a double click ends it without zooming', async () => {
    picking.draw('area');
    for (const [x, y] of [[0, 0], [100, 0], [0, 100]]) pointer.owner!.onClick!(at(x!, y!));
    expect(picking.vertices).to.equal(3);
    expect(pointer.owner!.onDoubleClick!(at(0, 100)), 'keeps the map from zooming').to.equal(true);
    expect((await nextPick).kind).to.equal('shape');
    expect(picked).to.have.length(1);
    expect(pointer.held).to.equal(false);
  });

  it('cancels on Escape and gives the pointer back', () => {
    picking.draw('line');
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(cancelled).to.equal(1);
    expect(picking.picking).to.equal(undefined);
    expect(pointer.held).to.equal(false);
  });
});
