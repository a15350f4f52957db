import { describe, expect, it } from 'vitest';
import type { FieldDef } from '../../../src/context/types.js';
import { MAX_TEXT, formatValue, plainText, readableName } from '../../../src/popup/format.js';

const base = { language: 'fr', baseUrl: 'https://cartes.example.org/cartes/maps/geosites.json' };
const f = (type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef => ({ name: 'x', type, ...extra });

describe('formatValue', () => {
  it('formats numbers the French way, with units and decimals, numbers given as strings too', () => {
    expect(formatValue(12345.678, f('number', { decimals: 1, unit: 'km²' }), base)).toMatchObject({ kind: 'text', text: '12\u202f345,7 km²' });
    expect(formatValue('2.5', f('number'), base)).toMatchObject({ text: '2,5' });
    expect(formatValue('1,25', f('number'), base)).toMatchObject({ text: '1,25' });
    expect(formatValue(7.6, f('integer'), base)).toMatchObject({ text: '8' });
    expect(formatValue('beaucoup', f('number'), base)).toMatchObject({ kind: 'text', text: 'beaucoup' });
    expect(formatValue(1234.5, f('number'), { ...base, language: 'en' })).toMatchObject({ text: '1,234.5' });
  });

  it('formats dates and yes/no', () => {
    expect(formatValue('2024-03-05', f('date'), base)).toMatchObject({ text: '5 mars 2024' });
    expect(formatValue('2024-03-05T10:00:00Z', f('date'), { ...base, language: 'en' })).toMatchObject({ text: '5 March 2024' });
    expect(formatValue('Oui', f('boolean'), base)).toMatchObject({ text: 'Oui' });
    expect(formatValue(0, f('boolean'), base)).toMatchObject({ text: 'Non' });
    expect(formatValue(true, f('boolean'), { ...base, language: 'en' })).toMatchObject({ text: 'Yes' });
  });

  it('makes links only of http(s), mailto and tel', () => {
    expect(formatValue('www.ecrins-parcnational.fr', f('url'), base)).toEqual({ kind: 'link', href: 'https://www.ecrins-parcnational.fr/', text: 'www.ecrins-parcnational.fr' });
    expect(formatValue('javascript:alert(1)', f('url'), base)).toMatchObject({ kind: 'text', text: 'javascript:alert(1)' });
    expect(formatValue('data:text/html,<script>alert(1)</script>', f('url'), base)).toMatchObject({ kind: 'text' });
    expect(formatValue('info@ecrins-parcnational.fr', f('email'), base)).toEqual({ kind: 'link', href: 'mailto:info@ecrins-parcnational.fr', text: 'info@ecrins-parcnational.fr' });
    expect(formatValue('a@b.fr?subject=<x>', f('email'), base)).toMatchObject({ kind: 'text' });
    expect(formatValue('0492210849', f('phone'), base)).toEqual({ kind: 'link', href: 'tel:0492210849', text: '04 92 21 08 49' });
    expect(formatValue('call me', f('phone'), base)).toMatchObject({ kind: 'text' });
  });

  it('shows images from http(s) or relative URLs only, with alt text', () => {
    expect(formatValue('photos/meije.jpg', f('image', { label: 'Photo' }), { ...base, featureTitle: 'La Meije' })).toEqual({
      kind: 'image',
      src: 'https://cartes.example.org/cartes/maps/photos/meije.jpg',
      alt: 'Photo – La Meije',
    });
    expect(formatValue('javascript:alert(1)', f('image'), base)).toMatchObject({ kind: 'text' });
    expect(formatValue('data:image/svg+xml,<svg onload=alert(1)>', f('image'), base)).toMatchObject({ kind: 'text' });
  });

  it('turns hostile and odd values into plain text', () => {
    expect(formatValue(null, f('text'), base)).toMatchObject({ text: '' });
    expect(formatValue(['a', 2, null], f('text'), base)).toMatchObject({ text: 'a, 2' });
    expect(formatValue({ a: 1, b: { c: 'd' } }, f('text'), base)).toMatchObject({ text: 'a : 1, b : c : d' });
    const huge = formatValue('x'.repeat(1_000_000), f('longtext'), base);
    expect(huge).toMatchObject({ kind: 'text', long: true });
    expect((huge as { text: string }).text.length).toBe(MAX_TEXT + 1);
    expect(formatValue('<img src=x onerror=alert(1)>', f('text'), base)).toMatchObject({ kind: 'text', text: '<img src=x onerror=alert(1)>' });
  });

  it('hands HTML fields over as HTML (the UI sanitises them)', () => {
    expect(formatValue('<b>gras</b>', f('html'), base)).toEqual({ kind: 'html', html: '<b>gras</b>' });
  });
});

describe('plainText and readableName', () => {
  it('give a person something readable', () => {
    expect(plainText(3.5, 'fr')).toBe('3,5');
    expect(plainText(Number.NaN, 'fr')).toBe('');
    expect(readableName('id_site')).toBe('Id site');
    expect(readableName('nomSite')).toBe('Nom site');
  });
});
