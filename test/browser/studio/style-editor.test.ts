import { expect } from 'chai';
import { CartableStudioStyle } from '../../../src/studio/style/cartable-studio-style.js';
import '../../../src/studio/style/cartable-studio-style.js';
import { StudioStore, emptyDocument } from '../../../src/studio/model/store.js';
import type { StudioData, StudioRecord } from '../../../src/studio/data.js';
import type { StudioEventMap } from '../../../src/studio/events.js';
import { DEFAULT_COLOURS, OKABE_ITO } from '../../../src/studio/style/palettes.js';
import { axeViolations } from '../support/axe.js';
import { mount, unmountAll, waitFor } from '../support/mount.js';

/** Géosites-like records: 7 « Site naturel », 3 « Site anthropique », a name each, a surface. */
const records: StudioRecord[] = Array.from({ length: 10 }, (_, i) => ({
  id_site: `S${i}`,
  nom_site: `Site ${i}`,
  typologie1: i < 7 ? 'Site naturel' : 'Site anthropique',
  superficie: [1, 2, 3, 10, 11, 12, 40, 41, 42, 43][i],
}));

const document = () => ({
  ...emptyDocument('essai'),
  layers: [
    {
      type: 'geojson',
      id: 'geosites',
      title: { fr: 'Géosites', en: 'Geosites' },
      data: { type: 'FeatureCollection', features: [] },
      geometry: 'point',
      fields: [{ name: 'nom_site', label: { fr: 'Nom du site', en: 'Site name' } }, { name: 'typologie1', label: { fr: 'Type de site', en: 'Site type' } }],
      style: { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#336699' } } } },
    },
  ],
});

type Edit = StudioEventMap['cartable-studio-edit'];

/** The editor as the studio holds it: its edits go to a store, the new state comes back down. */
async function open(): Promise<{ editor: CartableStudioStyle; store: StudioStore; edits: Edit[] }> {
  const store = new StudioStore(document() as never);
  const data: StudioData = { records: async () => records, currentView: async () => undefined };
  const editor = mount(new CartableStudioStyle(), 'display:block;width:480px;height:700px;overflow:auto');
  const edits: Edit[] = [];
  editor.addEventListener('cartable-studio-edit', (event) => {
    edits.push(event.detail);
    store.apply(event.detail.edit, event.detail.options);
    editor.state = store.state;
  });
  editor.state = store.state;
  editor.layerPath = ['layers', 0];
  editor.data = data;
  await waitFor(() => !!editor.shadowRoot?.querySelector<HTMLInputElement>('input[value="categories"]:not([disabled])'), 15000, 'the records read');
  return { editor, store, edits };
}

const $ = <T extends Element>(editor: CartableStudioStyle, selector: string): T => {
  const found = editor.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

function type(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('the studio style editor', () => {
  afterEach(unmountAll);

  it('makes categories of typologie1: its values by count, the Okabe–Ito colours, labels in French and English', async () => {
    const { editor, store, edits } = await open();
    $<HTMLInputElement>(editor, 'input[name="style-mode"][value="categories"]').click();
    await editor.updateComplete;
    const select = $<HTMLSelectElement>(editor, '#category-field');
    select.value = 'typologie1';
    select.dispatchEvent(new Event('change'));
    await editor.updateComplete;
    const last = edits.at(-1)!.edit;
    expect(last).to.deep.include({ type: 'set', path: ['layers', 0, 'style'] });
    const style = (last as { value: any }).value;
    expect(style.categories.field).to.equal('typologie1');
    expect(style.categories.values.map((v: any) => [v.value, v.label, v.symbol.marker.fill.color])).to.deep.equal([
      ['Site naturel', { fr: 'Site naturel', en: 'Site naturel' }, OKABE_ITO[0]],
      ['Site anthropique', { fr: 'Site anthropique', en: 'Site anthropique' }, OKABE_ITO[1]],
    ]);
    // Every record has one of the two values: no « Autres ».
    expect(style.symbol).to.equal(undefined);
    expect(store.state.problems).to.deep.equal([]);
    expect($(editor, '.entries').textContent).to.contain('Site naturel').and.contain('(7)').and.contain('(3)');
  });

  it('sets a value’s colour from its typed hex value or its picker, one undo step for the moves of one control', async () => {
    const { editor, store, edits } = await open();
    $<HTMLInputElement>(editor, 'input[name="style-mode"][value="categories"]').click();
    await editor.updateComplete;
    const steps = store.state.undo.length;
    const hex = $<HTMLInputElement>(editor, '#category-1-colour');
    expect(hex.labels![0]!.textContent).to.contain('Couleur de « Site anthropique »');
    // A short value is not a colour yet while typing (« #a05 » on the way to « #a0522d »), nor once the field is left.
    const sent = edits.length;
    type(hex, '#a05');
    expect(hex.getAttribute('aria-invalid')).to.equal('false');
    expect(edits.length, 'no colour sent for a part of one').to.equal(sent);
    type(hex, '#12');
    hex.dispatchEvent(new Event('change', { bubbles: true }));
    expect(hex.getAttribute('aria-invalid')).to.equal('true');
    type(hex, '#123456');
    await editor.updateComplete;
    type($<HTMLInputElement>(editor, '#category-1-colour-picker'), '#654321');
    await editor.updateComplete;
    const colourEdits = edits.slice(-2);
    for (const { edit, options } of colourEdits) {
      expect(edit).to.deep.include({ type: 'set', path: ['layers', 0, 'style', 'categories', 'values', 1, 'symbol'] });
      expect(options?.merge).to.equal('/layers/0/style/categories/values/1/symbol');
    }
    expect((colourEdits[0]!.edit as { value: any }).value.marker.fill.color).to.equal('#123456');
    expect((store.state.document as any).layers[0].style.categories.values[1].symbol.marker.fill.color).to.equal('#654321');
    expect(store.state.undo.length).to.equal(steps + 1);
    expect(hex.value).to.equal('#654321');
  });

  it('types a value’s English label, and removes a value to « Autres »', async () => {
    const { editor, store } = await open();
    $<HTMLInputElement>(editor, 'input[name="style-mode"][value="categories"]').click();
    await editor.updateComplete;
    type($<HTMLInputElement>(editor, '#category-0-en'), 'Natural site');
    await editor.updateComplete;
    expect((store.state.document as any).layers[0].style.categories.values[0].label).to.deep.equal({ fr: 'Site naturel', en: 'Natural site' });
    $<HTMLButtonElement>(editor, '.entry:nth-child(2) .remove').click();
    await editor.updateComplete;
    const style = (store.state.document as any).layers[0].style;
    expect(style.categories.values.map((v: any) => v.value)).to.deep.equal(['Site naturel']);
    expect(style.symbolLabel).to.deep.equal({ fr: 'Autres', en: 'Other' });
    // The single symbol made way for the two values (every record had one): « Autres » takes the grey.
    expect(style.symbol.marker.fill.color).to.equal(DEFAULT_COLOURS.others);
    expect(store.state.problems).to.deep.equal([]);
  });

  it('makes classes of a number field by natural breaks, labelled « 1 – 10 »', async () => {
    const { editor, store } = await open();
    $<HTMLInputElement>(editor, 'input[name="style-mode"][value="classes"]').click();
    await editor.updateComplete;
    const count = $<HTMLSelectElement>(editor, '#class-count');
    count.value = '3';
    count.dispatchEvent(new Event('change'));
    await editor.updateComplete;
    const classes = (store.state.document as any).layers[0].style.classes;
    expect(classes.field).to.equal('superficie');
    expect(classes.ranges.map((r: any) => [r.min, r.max, r.label.fr])).to.deep.equal([
      [1, 10, '1 – 10'],
      [10, 40, '10 – 40'],
      [40, undefined, '40 – 43'],
    ]);
    // Read from the records, the field joins the layer's list of fields (the document stays valid).
    expect((store.state.document as any).layers[0].fields.at(-1)).to.deep.equal({ name: 'superficie', type: 'number' });
    expect(store.state.problems).to.deep.equal([]);
  });

  it('says a service layer’s style is its service’s, and has no accessibility violations', async () => {
    const { editor, store } = await open();
    $<HTMLInputElement>(editor, 'input[name="style-mode"][value="categories"]').click();
    await editor.updateComplete;
    expect(await axeViolations(editor)).to.deep.equal([]);
    store.apply({ type: 'set', path: ['layers', 0], value: { type: 'wms', id: 'w', title: 'WMS', url: 'https://example.org/wms', layers: ['a'] } });
    editor.state = store.state;
    await editor.updateComplete;
    expect(editor.shadowRoot!.textContent).to.contain('celui de son service');
  });
});
