import { describe, expect, it } from 'vitest';
import { copyableDegrees, formatArea, formatDegrees, formatDms, formatLength } from '../../../src/tools/format.js';

// French writes thousands with a narrow no-break space (U+202F) and decimals with a comma.
const NNBSP = '\u202f';

describe('measure formatting', () => {
  it('writes lengths in m under a kilometre, then km, with fewer decimals as they grow', () => {
    expect(formatLength(0)).toBe('0,0 m');
    expect(formatLength(12.34)).toBe('12,3 m');
    expect(formatLength(850.4)).toBe('850 m');
    expect(formatLength(1250)).toBe('1,25 km');
    expect(formatLength(12_345)).toBe('12,3 km');
    expect(formatLength(391_512)).toBe('392 km');
    expect(formatLength(1_234_567)).toBe(`1${NNBSP}235 km`);
  });

  it('writes areas in m², ha and km²', () => {
    expect(formatArea(950)).toBe('950 m²');
    expect(formatArea(9_999)).toBe(`9${NNBSP}999 m²`);
    expect(formatArea(12_345)).toBe('1,23 ha');
    expect(formatArea(456_000)).toBe('45,6 ha');
    expect(formatArea(1_000_000)).toBe('1,00 km²');
    expect(formatArea(2_345_000_000)).toBe(`2${NNBSP}345 km²`);
  });

  it('writes English numbers the English way', () => {
    expect(formatLength(1250, 'en')).toBe('1.25 km');
    expect(formatArea(2_345_000_000, 'en')).toBe('2,345 km²');
  });
});

describe('coordinate formatting', () => {
  it('writes decimal degrees with their hemisphere (O for west in French, W in English)', () => {
    expect(formatDegrees(45.19, 'lat')).toBe('45,19000° N');
    expect(formatDegrees(-4.5, 'lon')).toBe('4,50000° O');
    expect(formatDegrees(-4.5, 'lon', 'en')).toBe('4.50000° W');
    expect(formatDegrees(-21.1, 'lat')).toBe('21,10000° S');
  });

  it('writes degrees, minutes and seconds, never 60 seconds', () => {
    expect(formatDms(45.19, 'lat')).toBe('45° 11′ 24,0″ N');
    expect(formatDms(5.72, 'lon')).toBe('5° 43′ 12,0″ E');
    expect(formatDms(44.99999999, 'lat')).toBe('45° 00′ 00,0″ N');
  });

  it('copies degrees as « lat, lon » with dots', () => {
    expect(copyableDegrees(5.72, 45.19)).toBe('45.190000, 5.720000');
  });
});
