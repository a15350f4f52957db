import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../src/context/template.js';
import { convertMustache } from '../../../src/interop/mviewer/template.js';

describe('convertMustache (mviewer templates → Cartable templates)', () => {
  it('keeps values and sections, unwraps the features loop, turns markup into text', () => {
    const converted = convertMustache('{{#features}}<p>Commune : {{commune}}</p>{{#alt}}<p>{{alt}} m</p>{{/alt}}{{^alt}}<p>sans altitude</p>{{/alt}}{{/features}}');
    expect(converted.failure).toBeUndefined();
    expect(converted.text).toBe('Commune : {{commune}}\n{{#alt}}{{alt}} m\n{{/alt}}{{^alt}}sans altitude\n{{/alt}}');
    const show = (_: string, v: unknown): string => String(v);
    expect(renderTemplate(converted.text!, { commune: 'Vif', alt: 310 }, show)).toBe('Commune : Vif 310 m');
    expect(renderTemplate(converted.text!, { commune: 'Vif' }, show)).toBe('Commune : Vif sans altitude');
  });

  it('makes the first heading the title, links record links, image sources image fields', () => {
    const converted = convertMustache('<h3>{{nom}}</h3><a href="{{url}}" target="_blank">Voir <b>la fiche</b></a><img src="{{photo}}"/><img src="logo.png"/>');
    expect(converted.title).toBe('{{nom}}');
    expect(converted.links).toEqual([{ label: 'Voir la fiche', url: '{{url}}' }]);
    expect(converted.images).toEqual(['photo']);
    expect(converted.notes).toContain('an image whose address is not one field is left out');
  });

  it('shows values inserted as HTML as text, and says so', () => {
    const converted = convertMustache('{{{description}}}');
    expect(converted.text).toBe('{{description}}');
    expect(converted.notes).toContain('values inserted as HTML ({{{…}}}) are shown as text');
  });

  it.each([
    ['{{> entete}}', /partial templates/],
    ['{{#liste}}{{.}}{{/liste}}', /current item/],
    ['{{adresse.ville}}', /nested values/],
    ['{{=<% %>=}}', /delimiters/],
    ['{{#a}}ouvert', /do not close properly/],
  ])('does not convert %s, whose meaning would change', (template, reason) => {
    const converted = convertMustache(template);
    expect(converted.text).toBeUndefined();
    expect(converted.failure).toMatch(reason);
  });
});
