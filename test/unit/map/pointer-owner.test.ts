import { describe, expect, it } from 'vitest';
import { createMapPointer, type PointerOwner } from '../../../src/map/pointer-owner.js';

const owner = (name: string, log: string[]): PointerOwner => ({ name, onTakenAway: (by) => log.push(`${name} ← ${by.name}`) });

describe('the map pointer', () => {
  it('has one owner at a time: a new owner ends the last one’s hold and tells it who took over', () => {
    const log: string[] = [];
    const pointer = createMapPointer(() => log.push('held'));
    const measure = pointer.take(owner('measure', log));
    const coordinates = pointer.take(owner('coordinates', log));
    expect(log).toEqual(['held', 'measure ← coordinates', 'held']);
    expect([measure.active, coordinates.active, pointer.owner?.name]).toEqual([false, true, 'coordinates']);
    measure.release(); // a displaced hold gives back nothing
    expect(pointer.owner?.name).toBe('coordinates');
    coordinates.release();
    expect([pointer.owner, pointer.held]).toEqual([undefined, false]);
  });

  it('stays held while an anonymous hold remains, whoever owned it', () => {
    const pointer = createMapPointer();
    const release = pointer.hold();
    const tool = pointer.take(owner('measure', []));
    tool.release();
    expect([pointer.owner, pointer.held]).toEqual([undefined, true]);
    release();
    release();
    expect(pointer.held).toBe(false);
  });
});
