import { describe, expect, it } from 'vitest';
import { parseCoordinates } from '../../../src/tools/parse-coordinates.js';

const degrees = (input: string) => {
  const parsed = parseCoordinates(input);
  if (!parsed.ok || parsed.kind !== 'degrees') throw new Error(`${input}: ${JSON.stringify(parsed)}`);
  return parsed;
};

describe('parseCoordinates: decimal degrees', () => {
  it.each([
    ['45.19, 5.72', 'lat-lon', 'france'],
    ['45.19,5.72', 'lat-lon', 'france'],
    ['45.19 5.72', 'lat-lon', 'france'],
    ['5.72 45.19', 'lon-lat', 'france'],
    ['5.72, 45.19', 'lon-lat', 'france'],
    ['45,19 5,72', 'lat-lon', 'france'],
    ['45,19, 5,72', 'lat-lon', 'france'],
    ['5,72 ; 45,19', 'lon-lat', 'france'],
    ['45.19/5.72', 'lat-lon', 'france'],
    ['  45.19 ,   5.72  ', 'lat-lon', 'france'],
  ])('reads « %s » as Grenoble (%s, by %s)', (input, order, reason) => {
    const parsed = degrees(input);
    expect(parsed.lat).toBeCloseTo(45.19, 10);
    expect(parsed.lon).toBeCloseTo(5.72, 10);
    expect(parsed.order).toBe(order);
    expect(parsed.reason).toBe(reason);
  });

  it('takes a number beyond ±90 for the longitude', () => {
    expect(degrees('-21.1, 155.5')).toMatchObject({ lat: -21.1, lon: 155.5, order: 'lat-lon', reason: 'range' });
    expect(degrees('-122.4 37.8')).toMatchObject({ lat: 37.8, lon: -122.4, order: 'lon-lat', reason: 'range' });
  });

  it('reads latitude first when nothing tells, and says it assumed so', () => {
    expect(degrees('-21.1, 55.5')).toMatchObject({ lat: -21.1, lon: 55.5, reason: 'assumed' });
    // Both orders fit metropolitan France (45 and 46 are latitudes; 5 and 6 longitudes only): latitude first.
    expect(degrees('46.5 45.2')).toMatchObject({ lat: 46.5, lon: 45.2, reason: 'assumed' });
  });

  it('reads signs, including the typographic minus', () => {
    expect(degrees('48.85, -1.5')).toMatchObject({ lat: 48.85, lon: -1.5 });
    expect(degrees('48.85 −1.5')).toMatchObject({ lat: 48.85, lon: -1.5 });
  });
});

describe('parseCoordinates: degrees, minutes, seconds', () => {
  it.each([
    `45°11'24"N 5°43'12"E`,
    `45° 11′ 24″ N, 5° 43′ 12″ E`,
    `5°43'12"E 45°11'24"N`,
    `N 45° 11' 24" E 5° 43' 12"`,
    `45 11 24 N 5 43 12 E`,
    `45°11'24'' N / 5°43'12'' E`,
    `45°11,4'N 5°43,2'E`,
    `n45°11'24" e5°43'12"`,
  ])('reads « %s »', (input) => {
    const parsed = degrees(input);
    expect(parsed.lat).toBeCloseTo(45.19, 8);
    expect(parsed.lon).toBeCloseTo(5.72, 8);
    expect(parsed.reason).toBe('letters');
  });

  it('reads west and south, in French (O) and English (W)', () => {
    expect(degrees(`48°30'N 4°30'O`)).toMatchObject({ lat: 48.5, lon: -4.5 });
    expect(degrees(`48°30'N 4°30'W`)).toMatchObject({ lat: 48.5, lon: -4.5 });
    expect(degrees(`21°06'S 55°30'E`)).toMatchObject({ lat: -21.1, lon: 55.5 });
  });

  it('reads degrees with the degree mark only, and signed degrees', () => {
    expect(degrees('45.19° 5.72°')).toMatchObject({ lat: 45.19, lon: 5.72 });
    expect(degrees(`-21°06' 55°30'`)).toMatchObject({ lat: -21.1, lon: 55.5 });
  });
});

describe('parseCoordinates: Lambert-93 metres', () => {
  it('reads x then y, with spaces, commas or decimals', () => {
    expect(parseCoordinates('914000 6458000')).toEqual({ ok: true, kind: 'lambert93', x: 914000, y: 6458000, swapped: false });
    expect(parseCoordinates('914000.5, 6458000.25')).toMatchObject({ x: 914000.5, y: 6458000.25 });
    expect(parseCoordinates('914000,5 6458000,25')).toMatchObject({ x: 914000.5, y: 6458000.25 });
  });

  it('recognises y then x', () => {
    expect(parseCoordinates('6458000; 914000')).toEqual({ ok: true, kind: 'lambert93', x: 914000, y: 6458000, swapped: true });
  });

  it('refuses metres outside Lambert-93', () => {
    expect(parseCoordinates('914000 9458000')).toEqual({ ok: false, problem: 'lambert-range' });
    expect(parseCoordinates('5000000 6458000')).toEqual({ ok: false, problem: 'lambert-range' });
  });
});

describe('parseCoordinates: what it refuses, and why', () => {
  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['45.19', 'count'],
    ['45.19 5.72 3', 'count'],
    ['45,19,5,72', 'count'],
    ['Grenoble', 'count'],
    ['abc def', 'unreadable'],
    [`45°75'N 5°E`, 'minutes'],
    [`45°11'75"N 5°E`, 'minutes'],
    ['95 100', 'latitude-range'],
    ['95.5N 5E', 'latitude-range'],
    ['45N 190E', 'longitude-range'],
    ['45N 5N', 'hemispheres'],
    ['45.19 914000', 'mixed'],
    ['45.5 11 24 5.72', 'count'],
  ])('« %s » → %s', (input, problem) => {
    expect(parseCoordinates(input)).toEqual({ ok: false, problem });
  });
});
