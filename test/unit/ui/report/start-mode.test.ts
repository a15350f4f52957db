/** The kind of place the report opens on: « Une commune » first on maps that offer communes. */
import { describe, expect, it } from 'vitest';
import type { MapContext } from '../../../../src/context/types.js';
import { offersCommunes, startMode } from '../../../../src/ui/report/commune-source.js';

const layer = (id: string, geometry: 'point' | 'polygon') => ({ type: 'geojson', id, title: id, geometry, visible: true, opacity: 1, fields: [], style: {} });
const map = (geometry: 'point' | 'polygon', communes?: object) => ({ id: 'm', layers: [layer('l', geometry)], ...(communes ? { communes } : {}) }) as unknown as MapContext;

describe('startMode', () => {
  it('opens on « Une commune » where the map offers communes, even a map of points', () => {
    expect(offersCommunes(map('point', { entry: 'Ma commune' }))).toBe(true);
    expect(startMode(map('point', {}), undefined, undefined)).toBe('commune');
    expect(startMode(map('polygon', {}), undefined, undefined)).toBe('commune');
  });

  it('keeps the earlier openings without communes: points → a point and a radius, areas → a feature', () => {
    expect(offersCommunes(map('point'))).toBe(false);
    expect(startMode(map('point'), undefined, undefined)).toBe('circle');
    expect(startMode(map('polygon'), undefined, undefined)).toBe('feature');
  });

  it('keeps the kind the person had when the panel opens again, unless the entry asks for a commune', () => {
    expect(startMode(map('point', {}), undefined, 'circle')).toBe('circle');
    expect(startMode(map('point', {}), 'commune', 'circle')).toBe('commune');
  });

  it('never opens on « Une commune » where the map offers none', () => {
    expect(startMode(map('polygon'), 'commune', undefined)).toBe('feature');
    expect(startMode(map('point'), undefined, 'commune')).toBe('circle');
  });
});
