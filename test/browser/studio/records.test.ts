import { expect } from 'chai';
import '../../../src/studio/records/cartable-studio-records.js';
import type { CartableStudioRecords } from '../../../src/studio/records/cartable-studio-records.js';
import type { CartablePopup } from '../../../src/ui/cartable-popup.js';
import { StudioStore } from '../../../src/studio/model/store.js';
import { getAt, type JsonObject, type JsonPath } from '../../../src/studio/model/json.js';
import type { StudioEventMap } from '../../../src/studio/events.js';
import type { StudioRecord } from '../../../src/studio/data.js';
import { emitStudio } from '../../../src/studio/events.js';
import { vectorLayers } from '../../../src/studio/records/record-model.js';
import { mount, unmountAll, validContext, waitFor } from '../support/mount.js';
import { skipBecause } from '../support/skip.js';
import { axeViolations } from '../support/axe.js';

type Edit = StudioEventMap['cartable-studio-edit'];

/**
 * The records editor as the studio holds it: its edits go to a StudioStore whose state comes back
 * down; the data is the real Géosites file (71 records), read as the preview's map would give it.
 */
async function openGeosites(withoutRule = true): Promise<{ editor: CartableStudioRecords; store: StudioStore; edits: Edit[]; path: JsonPath; records: StudioRecord[] }> {
  const map = (await (await fetch('/maps/geosites.json')).json()) as JsonObject;
  const path = vectorLayers(map)[0]!.path;
  const store = new StudioStore(map);
  // The rule is the test's to write.
  if (withoutRule) store.load(JSON.parse(JSON.stringify(map), (key, value: unknown) => (key === 'confidential' ? undefined : value)) as JsonObject, { kind: 'new' });
  const geojson = (await (await fetch('/__data__/shared/geosites/inpg-geosites-ecrins.geojson')).json()) as { features: Array<{ properties: StudioRecord }> };
  const records = geojson.features.map((f) => f.properties);
  const editor = document.createElement('cartable-studio-records');
  const edits: Edit[] = [];
  editor.addEventListener('cartable-studio-edit', (event) => {
    edits.push(event.detail);
    store.apply(event.detail.edit, event.detail.options);
  });
  store.subscribe((state) => (editor.state = state));
  editor.state = store.state;
  editor.layerPath = path;
  editor.data = { records: async () => records, currentView: async () => undefined };
  mount(editor, 'display:block;width:480px;height:auto');
  await editor.updateComplete;
  return { editor, store, edits, path, records };
}

const root = (editor: CartableStudioRecords): ShadowRoot => editor.shadowRoot!;

/** The control a label names (its whole text), as a person finds it. */
function byLabel<T extends HTMLElement>(editor: CartableStudioRecords, text: string): T {
  const label = [...root(editor).querySelectorAll('label')].find((l) => l.textContent!.replace(/\s+/g, ' ').trim() === text);
  const control = label && (label.htmlFor ? root(editor).getElementById(label.htmlFor) : label.querySelector('input, select, textarea'));
  if (!control) throw new Error(`no control labelled "${text}"`);
  return control as T;
}

const byName = <T extends HTMLElement>(editor: CartableStudioRecords, selector: string, name: string, within: ParentNode = root(editor)): T => {
  const found = [...within.querySelectorAll<T>(selector)].find((e) => (e.getAttribute('aria-label') ?? e.textContent!.trim()) === name);
  if (!found) throw new Error(`no ${selector} named "${name}"`);
  return found;
};

function choose(select: HTMLSelectElement, value: string): void {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

const popupTitle = (editor: CartableStudioRecords): string =>
  root(editor).querySelector<CartablePopup>('cartable-popup')?.shadowRoot?.querySelector('h2')?.textContent?.trim() ?? '';

describe('the studio’s records editor (Géosites)', function () {
  before(async function () {
    if (!(await fetch('/__data__/available')).ok) skipBecause(this, '../shared/data is absent: the Géosites records are needed');
  });
  afterEach(unmountAll);

  it('counts the records a confidential rule withholds, live, as the build would (11 of 71 « Réservé »)', async () => {
    const { editor, store, path } = await openGeosites();
    const count = (): string => root(editor).querySelector('[data-count]')!.textContent!.replace(/\s+/g, ' ').trim();
    await waitFor(() => count() === 'Aucune règle : toutes les fiches sont publiées.', 30000, 'no rule yet');
    choose(byLabel(editor, 'Champ qui dit si une fiche est confidentielle'), 'confidentialite');
    await waitFor(() => !!root(editor).querySelector('fieldset.values input'), 30000, 'the field’s values');
    const reserved = byLabel<HTMLInputElement>(editor, 'Réservé (11)');
    reserved.click();
    await waitFor(() => count() === '11 fiches retenues sur 71 (non publiées sur le site public)', 30000, 'the count of 11');
    expect(getAt(store.state.document, [...path, 'confidential'])).to.deep.equal({ field: 'confidentialite', values: ['Réservé'] });
    expect(store.state.problems).to.deep.equal([]);
    // Unticked: nothing withheld, and the document says why it cannot be saved so.
    byLabel<HTMLInputElement>(editor, 'Réservé (11)').click();
    await waitFor(() => count().startsWith('0 fiches retenues sur 71'), 30000, 'the count of 0');
    expect(store.state.problems.some((p) => p.path === `/${path.join('/')}/confidential/values`)).to.equal(true);
  });

  it('inserts a field into the title template at the caret: one edit, and the preview renders it as the viewer does', async () => {
    const { editor, store, edits, path, records } = await openGeosites();
    await waitFor(() => popupTitle(editor) === String(records[0]!.nom_site), 30000, 'the first record in the preview');
    const title = byLabel<HTMLInputElement>(editor, 'Titre de la fiche (français)');
    expect(title.value).to.equal('{{nom_site}}');
    title.focus();
    title.setSelectionRange(12, 12);
    choose(byName(editor, 'select', 'Insérer un champ dans Titre de la fiche (français)'), 'lieudit');
    await waitFor(() => edits.length === 1, 30000, 'the edit');
    expect(edits[0]!.edit).to.deep.equal({ type: 'set', path: [...path, 'popup', 'title'], value: '{{nom_site}}{{lieudit}}' });
    await editor.updateComplete;
    expect(title.value).to.equal('{{nom_site}}{{lieudit}}');
    expect(title.selectionStart).to.equal(23);
    // The viewer's record element renders the new template on the first record.
    const expected = `${String(records[0]!.nom_site)}${String(records[0]!.lieudit ?? '')}`;
    await waitFor(() => popupTitle(editor) === expected, 30000, 'the rendered title');
    // Typing in the same field: one undo step per field (merged by its pointer).
    title.value += ' !';
    title.dispatchEvent(new Event('input'));
    title.value += '!';
    title.dispatchEvent(new Event('input'));
    expect(edits.slice(1).map((e) => e.options?.merge)).to.deep.equal([`/${path.join('/')}/popup/title/fr`, `/${path.join('/')}/popup/title/fr`]);
    expect(store.state.undo).to.have.length(2);
  });

  it('adds a link whose address is a template, and the preview shows it filled, as the viewer does', async () => {
    const { editor, store, path, records } = await openGeosites();
    await waitFor(() => popupTitle(editor) === String(records[0]!.nom_site), 30000, 'the first record');
    byName<HTMLButtonElement>(editor, 'button', 'Ajouter un lien').click();
    await editor.updateComplete;
    const url = byLabel<HTMLInputElement>(editor, 'Adresse du lien 2');
    url.value = 'https://inpn.mnhn.fr/site/';
    url.dispatchEvent(new Event('input'));
    await editor.updateComplete;
    url.focus();
    url.setSelectionRange(url.value.length, url.value.length);
    choose(byName(editor, 'select', 'Insérer un champ dans Adresse du lien 2'), 'id_site');
    await editor.updateComplete;
    expect(getAt(store.state.document, [...path, 'popup', 'links', 1])).to.deep.equal({ label: { fr: 'En savoir plus', en: 'More' }, url: 'https://inpn.mnhn.fr/site/{{id_site}}' });
    const link = (): HTMLAnchorElement | undefined =>
      [...(root(editor).querySelector('cartable-popup')?.shadowRoot?.querySelectorAll<HTMLAnchorElement>('.links a') ?? [])].find((a) => a.textContent === 'En savoir plus');
    await waitFor(() => !!link(), 30000, 'the link in the preview');
    expect(link()!.href).to.equal(`https://inpn.mnhn.fr/site/${encodeURIComponent(String(records[0]!.id_site))}`);
  });

  it('previews the record clicked on the map, then the next ones', async () => {
    const { editor, records } = await openGeosites();
    await waitFor(() => popupTitle(editor) === String(records[0]!.nom_site), 30000, 'the first record');
    emitStudio(document.body, 'cartable-studio-feature', { layerId: 'geosites', record: records[5]! });
    await waitFor(() => popupTitle(editor) === String(records[5]!.nom_site), 30000, 'the clicked record');
    byName<HTMLButtonElement>(editor, 'button', 'Fiche suivante').click();
    byName<HTMLButtonElement>(editor, 'button', 'Fiche suivante').click();
    await waitFor(() => popupTitle(editor) === String(records[1]!.nom_site), 30000, 'the second record');
    expect(root(editor).querySelector('.preview-head .muted')!.textContent).to.equal('Fiche 2 sur 71');
  });

  it('orders the table’s columns and the searched fields, and adds a field of the data', async () => {
    const { editor, store, path } = await openGeosites();
    const list = (name: string): Element => root(editor).querySelector(`ol[aria-label="${name}"]`)!;
    byName<HTMLButtonElement>(editor, 'button', 'Monter Lieu-dit (lieudit)', list('colonnes de la table')).click();
    await editor.updateComplete;
    const columns = (getAt(store.state.document, [...path, 'table', 'columns']) as unknown[]).map((c) => (typeof c === 'string' ? c : (c as { field: string }).field));
    expect(columns.slice(4, 6)).to.deep.equal(['lieudit', 'total_eval_interet']);
    choose(byName(editor, 'select', 'Ajouter un champ à champs cherchés'), 'id_site');
    await editor.updateComplete;
    expect(getAt(store.state.document, [...path, 'search', 'fields'])).to.deep.equal(['nom_site', 'lieudit', 'id_site']);
    byName<HTMLButtonElement>(editor, 'button', 'Retirer Lieu-dit (lieudit)', list('champs cherchés')).click();
    await editor.updateComplete;
    expect(getAt(store.state.document, [...path, 'search', 'fields'])).to.deep.equal(['nom_site', 'id_site']);
    expect(store.state.problems).to.deep.equal([]);
  });

  it('has nothing axe finds', async () => {
    const { editor, records } = await openGeosites(false);
    await waitFor(() => popupTitle(editor) === String(records[0]!.nom_site), 30000, 'the preview');
    for (const details of root(editor).querySelectorAll('details')) details.open = true;
    expect(await axeViolations(editor)).to.deep.equal([]);
  });
});

describe('the studio’s preview tells the records editor which record opened on its map', () => {
  afterEach(unmountAll);

  it('sends cartable-studio-feature with the record when one opens, even before its first redraw', async () => {
    const { CartableStudioPreview } = await import('../../../src/studio/preview/cartable-studio-preview.js');
    const context = validContext({
      version: 1,
      id: 'essai',
      title: 'Essai',
      view: { center: [6.2, 44.9], zoom: 9 },
      basemaps: [],
      layers: [
        {
          type: 'geojson',
          id: 'sites',
          title: 'Sites',
          idField: 'code',
          fields: [{ name: 'code', type: 'text' }, { name: 'nom', type: 'text' }],
          data: {
            type: 'FeatureCollection',
            features: [
              { type: 'Feature', properties: { code: 'A', nom: 'Lac' }, geometry: { type: 'Point', coordinates: [6.2, 44.9] } },
              { type: 'Feature', properties: { code: 'B', nom: 'Col' }, geometry: { type: 'Point', coordinates: [6.3, 44.95] } },
            ],
          },
          style: { symbol: { fill: { color: '#335577' } } },
        },
      ],
    });
    const preview = mount(new CartableStudioPreview());
    preview.context = context;
    const features: Array<StudioEventMap['cartable-studio-feature']> = [];
    preview.addEventListener('cartable-studio-feature', (event) => features.push(event.detail));
    await preview.updateComplete;
    const view = preview.shadowRoot!.querySelector('cartable-map-view')!;
    await waitFor(() => !!view.session?.adapter, 60000, 'the preview’s map');
    expect((await preview.records('sites')).map((r) => r.nom)).to.deep.equal(['Lac', 'Col']);
    expect(await view.records.showFeature({ layerId: 'sites', featureId: 'B' })).to.equal(true);
    await waitFor(() => features.length > 0, 30000, 'cartable-studio-feature');
    expect(features).to.have.length(1);
    expect(features[0]!.layerId).to.equal('sites');
    expect(features[0]!.record.nom).to.equal('Col');
  });
});
