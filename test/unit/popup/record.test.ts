import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GeoJsonLayerDef } from '../../../src/context/types.js';
import { validateContext } from '../../../src/context/validate.js';
import { buildRecord, linkUrl } from '../../../src/popup/record.js';
import { hasSharedData, sharedFile } from '../../support/shared-data.js';
import { minimalDocument } from '../context/fixtures.js';

function layer(change: (l: Record<string, any>) => void = () => {}): GeoJsonLayerDef {
  const doc = minimalDocument();
  change(doc.layers[0]);
  const result = validateContext(doc);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value.layers[0] as GeoJsonLayerDef;
}

const options = { language: 'fr', baseUrl: 'https://cartes.example.org/maps/x.json' };

describe('buildRecord', () => {
  it('without settings: a title and every non-empty attribute, declared ones first, with readable names', () => {
    const record = buildRecord(layer(), { zeta: 'z', surface: 12.5, nom: 'Meije', code: 'A1', vide: '', rien: null }, options);
    expect(record.title).toBe('A1');
    expect(record.sections[0]!.rows.map((r) => [r.label, r.value.kind === 'text' ? r.value.text : ''])).toEqual([
      ['Code', 'A1'],
      ['Nom', 'Meije'],
      ['Surface', '12,5'],
      ['Zeta', 'z'],
    ]);
  });

  it('follows the template: title, subtitle, sections without values left out, links', () => {
    const l = layer((d) => {
      d.popup = {
        title: '{{nom}}',
        subtitle: '{{#surface}}{{surface}} ha{{/surface}}',
        sections: [
          { title: 'Identité', fields: ['code', { field: 'nom', label: 'Appellation' }] },
          { title: 'Vide', fields: ['surface'] },
        ],
        links: [
          { label: 'Fiche', url: 'https://inpn.example.org/site/{{code}}' },
          { label: 'Piège', url: 'javascript:alert({{code}})' },
        ],
      };
    });
    const record = buildRecord(l, { nom: 'La Meije', code: 'A 1/2', surface: null }, options);
    expect(record.title).toBe('La Meije');
    expect(record.subtitle).toBeUndefined();
    expect(record.sections.map((s) => s.title)).toEqual(['Identité']);
    expect(record.sections[0]!.rows.map((r) => r.label)).toEqual(['Code', 'Appellation']);
    expect(record.links).toEqual([{ label: 'Fiche', href: 'https://inpn.example.org/site/A%201%2F2' }]);
  });

  it('encodes values in link templates so they cannot change the link', () => {
    expect(linkUrl('https://a.example/?q={{q}}', { q: '1&admin=true#x' }, options.baseUrl)).toBe('https://a.example/?q=1%26admin%3Dtrue%23x');
    expect(linkUrl('{{url}}', { url: 'javascript:alert(1)' }, options.baseUrl)).toBeUndefined();
    expect(linkUrl('{{url}}', { url: 'data:text/html,x' }, options.baseUrl)).toBeUndefined();
    expect(linkUrl('{{url}}', { url: 'relative/path' }, options.baseUrl)).toBeUndefined();
    expect(linkUrl('{{url}}?ref={{code}}', { url: 'www.ecrins-parcnational.fr', code: 'a b' }, options.baseUrl)).toBe('https://www.ecrins-parcnational.fr/?ref=a%20b');
    expect(linkUrl('fiches/{{code}}.html', { code: 'A1' }, options.baseUrl)).toBe('https://cartes.example.org/maps/fiches/A1.html');
    expect(linkUrl('mailto:{{m}}', { m: 'a@b.fr' }, options.baseUrl)).toBe('mailto:a%40b.fr');
  });
});

describe('the Géosites map template on the 71 real INPG records', () => {
  it.skipIf(!hasSharedData('geosites/inpg-geosites-ecrins.geojson'))('gives every record a title, its sections and no raw markup — skipped when ../shared/data is absent', () => {
    const doc = JSON.parse(readFileSync(join(import.meta.dirname, '../../../maps/geosites.json'), 'utf8'));
    const result = validateContext(doc);
    if (!result.ok) throw new Error('invalid geosites map');
    const geosites = result.value.layers[0] as GeoJsonLayerDef;
    const data = JSON.parse(readFileSync(sharedFile('geosites/inpg-geosites-ecrins.geojson'), 'utf8')) as { features: Array<{ properties: Record<string, unknown> }> };
    expect(data.features).toHaveLength(71);
    for (const feature of data.features) {
      const record = buildRecord(geosites, feature.properties, options);
      expect(record.title).toBe(String(feature.properties.nom_site));
      expect(record.subtitle).toMatch(/^Site (naturel|anthropique)/);
      expect(record.sections.length).toBeGreaterThanOrEqual(2);
      const description = record.sections.find((s) => s.title === 'Description');
      if (feature.properties.description_physique) expect(description?.rows[0]?.value.kind).toBe('text');
      for (const row of record.sections.flatMap((s) => s.rows)) {
        if (row.value.kind === 'link') expect(row.value.href).toMatch(/^(https?:|mailto:|tel:)/);
      }
    }
  });
});
