import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../../src/context/template.js';
import { convertMustache } from '../../../src/interop/mviewer/template.js';
import { fixture } from './support.js';

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

  it('shows values inserted as HTML inside text as text, and says so', () => {
    const converted = convertMustache('<p>Note : {{{description}}}</p>');
    expect(converted.text).toBe('Note : {{description}}');
    expect(converted.html).toEqual([]);
    expect(converted.notes).toContain('values inserted as HTML ({{{…}}}) inside text are shown as text');
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

/** The hand-made .mst files, one per Mustache construct (test/fixtures/interop/mviewer-templates). */
const mst = (name: string): string => readFileSync(fixture(`mviewer-templates/${name}.mst`), 'utf8');
const show = (_: string, v: unknown): string => String(v);

describe('convertMustache on .mst files, construct by construct', () => {
  it('unwraps the {{#features}} loop: one record per feature', () => {
    expect(convertMustache(mst('construct-features-loop'))).toMatchObject({ text: 'Nom : {{nom}}', sections: [{ text: 'Nom : {{nom}}' }] });
  });

  it('keeps nested and inverted sections whole, in one paragraph', () => {
    const { sections, failure } = convertMustache(mst('construct-nested-sections'));
    expect(failure).toBeUndefined();
    expect(sections).toHaveLength(1);
    const text = (sections[0] as { text: string }).text;
    expect(renderTemplate(text, { adresse: '2 rue de la Mairie', code_postal: '35000' }, show)).toBe('2 rue de la Mairie (35000)');
    expect(renderTemplate(text, { adresse: '2 rue de la Mairie' }, show)).toBe('2 rue de la Mairie');
    expect(renderTemplate(text, {}, show)).toBe('Adresse inconnue');
  });

  it('shows a {{{html}}} (or {{&html}}) value alone on its line or in a table cell as an HTML field', () => {
    const converted = convertMustache(mst('construct-triple'));
    expect(converted.sections).toEqual([{ fields: [{ field: 'description' }] }]);
    expect(converted.html).toEqual(['description']);
    const table = convertMustache('<table><tr><th>Détail</th><td>{{&detail}}</td></tr></table><a href="{{{url}}}">Fiche</a>');
    expect(table.sections).toEqual([{ fields: [{ field: 'detail', label: 'Détail' }] }]);
    expect(table.html).toEqual(['detail']);
    expect(table.links).toEqual([{ label: 'Fiche', url: '{{url}}' }]);
  });

  it('reads fields inside attributes: link addresses stay templates, one-field image sources become image fields', () => {
    const converted = convertMustache(mst('construct-attributes'));
    expect(converted.links).toEqual([
      { label: 'Voir la fiche', url: '{{url}}' },
      { label: 'Annuaire', url: 'https://annuaire.example.org/etablissement/{{id}}?src=carte' },
    ]);
    expect(converted.images).toEqual(['vignette']);
    expect(converted.sections).toEqual([{ fields: [{ field: 'vignette' }] }]);
    expect(converted.notes).toContain('an image whose address is not one field is left out');
  });

  it('turns table rows « label | {{field}} » into labelled fields, other rows into « label : value » lines', () => {
    const converted = convertMustache(mst('construct-table'));
    expect(converted.sections).toEqual([
      { fields: [{ field: 'nom', label: 'Nom' }, { field: 'surface', label: 'Surface' }] },
      { text: 'Hauteur : {{hauteur}} m' },
    ]);
    expect(converted.text).toBe('Nom : {{nom}}\nSurface : {{surface}}\nHauteur : {{hauteur}} m');
  });

  it('keeps {{#boolean}} sections: false hides them, as in Mustache', () => {
    const text = convertMustache(mst('construct-boolean')).text!;
    expect(renderTemplate(text, { accessible: true }, show)).toBe('Accessible en fauteuil');
    expect(renderTemplate(text, { accessible: false }, show)).toBe('Non accessible');
    expect(renderTemplate(text, {}, show)).toBe('Non accessible');
  });

  it.each([
    ['construct-script', /runs JavaScript \(<script>\)/],
    ['construct-event-handler', /event handlers \(onclick=…\)/],
    ['construct-helper', /calls a function \(\{\{#formatDate …\}\}\)/],
    ['construct-partial', /partial templates/],
    ['construct-dotted', /nested values/],
    ['construct-current-item', /current item/],
  ])('does not convert %s.mst, and says why', (name, reason) => {
    const converted = convertMustache(mst(name));
    expect(converted.failure).toMatch(reason);
    expect(converted.sections).toEqual([]);
  });

  it('converts a Région Bretagne-style template: title, labelled fields, paragraphs, links, image', () => {
    const converted = convertMustache(mst('global.port'));
    expect(converted).toMatchObject({
      title: 'Port de {{nom_port}}',
      sections: [
        // The image where the template puts it (its alt text reads values: no label), then the table.
        { fields: [{ field: 'photo_url' }, { field: 'commune', label: 'Commune' }, { field: 'proprietaire', label: 'Propriétaire' }] },
        { text: 'Places : {{nb_places}} places à flot' },
        { text: '{{#peche}}Pêche Port de pêche{{#criee}} avec criée{{/criee}}\n{{/peche}}' },
        { text: '{{#commerce}}Commerce Port de commerce\n{{/commerce}}' },
      ],
      links: [{ label: 'Fiche du port', url: '{{fiche_url}}' }],
      images: ['photo_url'],
    });
  });
});
