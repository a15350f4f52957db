import { describe, expect, it } from 'vitest';
import type { VectorLayerDef } from '../../../src/context/types.js';
import { describeAny, describerOf } from '../../../src/report/describe.js';

const layer = (extra: Partial<VectorLayerDef>): VectorLayerDef =>
  ({
    type: 'geojson', id: 'l', title: 'Couche', visible: true, opacity: 1, attributions: [], legend: { hidden: false }, style: {}, idField: 'id',
    fields: [
      { name: 'id', type: 'text' },
      { name: 'nom', label: 'Nom', type: 'text' },
      { name: 'surface', label: { fr: 'Surface', en: 'Area' }, type: 'number', unit: 'ha' },
      { name: 'statut', type: 'text' },
    ],
    ...extra,
  }) as VectorLayerDef;

describe('report lines', () => {
  it('take their title from the popup template and their key fields from the popup, labelled and with units', () => {
    const describe = describerOf(layer({ popup: { title: '{{nom}} ({{id}})', fields: ['surface', 'statut'] } }), 'fr');
    expect(describe({ id: 'A1', nom: 'Marais', surface: 12.5, statut: 'classé' })).toEqual({
      label: 'Marais (A1)',
      fields: [{ label: 'Surface', value: '12,5 ha' }, { label: 'Statut', value: 'classé' }],
    });
  });

  it('without a popup title, use the first text field and do not repeat it among the key fields', () => {
    const describe = describerOf(layer({}), 'en');
    expect(describe({ id: 'A1', nom: 'Marais', surface: 3 })).toEqual({ label: 'Marais', fields: [{ label: 'Area', value: '3 ha' }] });
  });

  it('keep the same three key fields for every feature of a layer (CSV columns), skipping empty values', () => {
    const describe = describerOf(layer({ fields: ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name, type: 'text' as const })), popup: { title: 'T' } }), 'fr');
    expect(describe({ a: '1', b: '2', c: '3', d: '4', e: '5' }).fields.map((f) => f.label)).toEqual(['A', 'B', 'C']);
    expect(describe({ a: '', b: '2', c: '3', d: '4', e: '5' }).fields.map((f) => f.value)).toEqual(['2', '3']);
  });

  it('read a service answer without declared fields by its name-like attribute', () => {
    expect(describeAny({ code: 'FR93', nom_site: 'Vercors', surface: 17 }, 'fr', 'ZNIEFF')).toEqual({
      label: 'Vercors',
      fields: [{ label: 'Code', value: 'FR93' }, { label: 'Surface', value: '17' }],
    });
    expect(describeAny({}, 'fr', 'ZNIEFF').label).toBe('ZNIEFF');
  });
});
