/** The idField rule, written once: a string or a number names a feature; anything else does not. */
import { describe, expect, it } from 'vitest';
import Feature from 'ol/Feature.js';
import { applyFeatureId, featureIdOf } from '../../../src/layers/feature-id.js';

describe('featureIdOf', () => {
  it('takes a string or a number from the id field', () => {
    expect(featureIdOf({ code: '38' }, 'code')).toBe('38');
    expect(featureIdOf({ code: 0 }, 'code')).toBe(0);
  });

  it('gives nothing without an id field, or for a value that cannot name a feature', () => {
    expect(featureIdOf({ code: '38' }, undefined)).toBeUndefined();
    for (const value of [null, undefined, true, { a: 1 }, ['38']]) expect(featureIdOf({ code: value }, 'code')).toBeUndefined();
  });
});

describe('applyFeatureId', () => {
  it('sets the id from the field, and leaves a feature without a usable value as it was', () => {
    const named = new Feature({ code: 'A1' });
    applyFeatureId(named, 'code');
    expect(named.getId()).toBe('A1');
    const unnamed = new Feature({ code: null });
    unnamed.setId(7);
    applyFeatureId(unnamed, 'code');
    expect(unnamed.getId()).toBe(7);
  });
});
