import { describe, expect, it } from 'vitest';
import type Text from 'ol/style/Text.js';
import { CROSSHAIR_SIZE } from '../../../src/tools/crosshair.js';
import { labelStyle } from '../../../src/tools/measure-session.js';

/** The lowest pixel of a label drawn at a point, relative to that point (down is positive), from its font and baseline. */
function lowestPixel(text: Text): number {
  const size = Number(/(\d+)px/.exec(text.getFont() ?? '')![1]);
  const halo = (text.getStroke()?.getWidth() ?? 0) / 2;
  const below = { bottom: 0, middle: size / 2, alphabetic: size * 0.25, top: size, hanging: size, ideographic: 0 }[text.getTextBaseline() ?? 'middle']!;
  return (text.getOffsetY() ?? 0) + below + halo;
}

describe('the measure’s reading', () => {
  it('is written above the last point, clear of the centre’s crosshair when that point is the centre', () => {
    const text = labelStyle('12,3 km', [0, 0]).getText()!;
    expect(text.getText()).toBe('12,3 km');
    // The cross reaches CROSSHAIR_SIZE / 2 above its centre: the label ends higher, with room to spare.
    expect(lowestPixel(text)).toBeLessThan(-CROSSHAIR_SIZE / 2 - 2);
  });
});
