/**
 * The studio's « Couches » section in Chromium: the tree reordered by keyboard, buttons and real drag
 * events, each change sent up as one `move` edit; a dropped file (the shared INPG geosites) becoming
 * a packaged GeoJSON layer; a bad file said where the person looks, nothing else changed.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { CartableStudioLayers } from '../../../src/studio/layers/cartable-studio-layers.js';
import '../../../src/studio/layers/cartable-studio-layers.js';
import type { CartableStudioAddLayer } from '../../../src/studio/layers/cartable-studio-add-layer.js';
import { StudioStore, emptyDocument } from '../../../src/studio/model/store.js';
import { getAt, type JsonObject } from '../../../src/studio/model/json.js';
import type { StudioEdit } from '../../../src/studio/model/edits.js';
import { mount, nextEvent, unmountAll, waitFor } from '../support/mount.js';
import { skipBecause } from '../support/skip.js';
import { axeViolations } from '../support/axe.js';

const GEOSITES = '/__data__/shared/geosites/inpg-geosites-ecrins.geojson';
const leaf = (id: string): JsonObject => ({ type: 'geojson', id, title: { fr: id.toUpperCase(), en: id }, url: `https://data.example/${id}.geojson`, style: {} });

/** The element as the shell drives it: its edits applied to a store whose state comes back down. */
function studio(layers: JsonObject[] = [leaf('a'), { type: 'group', id: 'g', title: { fr: 'Groupe G', en: 'G' }, layers: [leaf('b')] }, leaf('c')]) {
  const store = new StudioStore({ ...emptyDocument('essai'), layers });
  const edits: StudioEdit[] = [];
  const element = mount(Object.assign(new CartableStudioLayers(), { state: store.state }), 'display:block;width:480px');
  // As the shell does: the store applies the edit, the new state comes down at the next render.
  element.addEventListener('cartable-studio-edit', (event) => {
    edits.push(event.detail.edit);
    store.apply(event.detail.edit, event.detail.options);
    queueMicrotask(() => (element.state = store.state));
  });
  element.addEventListener('cartable-studio-select-layer', (event) => (element.layerPath = event.detail.path));
  return { store, edits, element, root: element.shadowRoot! };
}

/** Once the state the edit made has come down and the element has drawn it. */
async function settle(element: CartableStudioLayers): Promise<void> {
  await new Promise<void>((resolve) => queueMicrotask(resolve));
  await element.updateComplete;
}

const ids = (store: StudioStore): string[] => {
  const walk = (nodes: unknown, depth: number): string[] =>
    (nodes as JsonObject[]).flatMap((n) => [`${'  '.repeat(depth)}${String(n.id)}`, ...(n.type === 'group' ? walk(n.layers, depth + 1) : [])]);
  return walk(store.state.document.layers, 0);
};
const rowName = (root: ShadowRoot, path: string): HTMLButtonElement => {
  const button = root.querySelector<HTMLButtonElement>(`[data-path="${path}"] > .item .name`);
  if (!button) throw new Error(`no row ${path}`);
  return button;
};
const button = (root: ShadowRoot, text: string): HTMLButtonElement => {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === text);
  if (!found) throw new Error(`no button « ${text} »`);
  return found;
};
const status = (root: ShadowRoot): string => root.querySelector('[role="status"][aria-live]')?.textContent ?? '';

/** Real drag events carrying one DataTransfer, as a pointer drag sends them; `at` is where on the target row (0 top, 1 bottom). */
function drag(from: Element, to: Element, at: number): void {
  const dataTransfer = new DataTransfer();
  const box = to.getBoundingClientRect();
  const clientY = box.top + box.height * at;
  from.dispatchEvent(new DragEvent('dragstart', { bubbles: true, composed: true, dataTransfer }));
  to.dispatchEvent(new DragEvent('dragover', { bubbles: true, composed: true, cancelable: true, dataTransfer, clientY }));
  to.dispatchEvent(new DragEvent('drop', { bubbles: true, composed: true, cancelable: true, dataTransfer, clientY }));
  from.dispatchEvent(new DragEvent('dragend', { bubbles: true, composed: true, dataTransfer }));
}

describe('cartable-studio-layers', () => {
  afterEach(unmountAll);

  it('moves the focused layer with Alt+↓ / Alt+↑, keeps the focus on it and says where it went', async () => {
    const { store, edits, element, root } = studio();
    await settle(element);
    rowName(root, 'layers/0').focus();
    await sendKeys({ press: 'Alt+ArrowDown' });
    await settle(element);
    expect(edits).to.deep.equal([{ type: 'move', from: { path: ['layers'], index: 0 }, to: { path: ['layers'], index: 1 } }]);
    expect(ids(store)).to.deep.equal(['g', '  b', 'a', 'c']);
    expect(root.activeElement).to.equal(rowName(root, 'layers/1'));
    expect(status(root)).to.equal('« A » : position 2 sur 3.');
    expect(element.layerPath).to.deep.equal(['layers', 1]);

    // Up from the first place of a group takes it out, before the group.
    rowName(root, 'layers/0/layers/0').focus();
    await sendKeys({ press: 'Alt+ArrowUp' });
    await settle(element);
    expect(ids(store)).to.deep.equal(['b', 'g', 'a', 'c']);
    expect(root.activeElement).to.equal(rowName(root, 'layers/0'));
  });

  it('puts a layer into a group and takes it out with the buttons', async () => {
    const { store, edits, element, root } = studio();
    await settle(element);
    rowName(root, 'layers/0').click();
    await settle(element);
    const select = root.querySelector<HTMLSelectElement>('#into')!;
    expect([...select.options].map((o) => o.text)).to.deep.equal(['Groupe G']);
    button(root, 'Mettre dans le groupe').click();
    await settle(element);
    // The group moves up once « a » is out of the list: the edit says so.
    expect(edits.at(-1)).to.deep.equal({ type: 'move', from: { path: ['layers'], index: 0 }, to: { path: ['layers', 0, 'layers'], index: 1 } });
    expect(ids(store)).to.deep.equal(['g', '  b', '  a', 'c']);
    expect(status(root)).to.equal('« A » : position 2 sur 2 dans le groupe « Groupe G ».');
    button(root, 'Sortir du groupe').click();
    await settle(element);
    expect(ids(store)).to.deep.equal(['g', '  b', 'a', 'c']);
    // « Monter » passes over a group (« Mettre dans le groupe… » puts it in).
    button(root, 'Monter').click();
    await settle(element);
    expect(ids(store)).to.deep.equal(['a', 'g', '  b', 'c']);
  });

  it('reorders by drag and drop: before a row, after it, into a group', async () => {
    const { store, edits, element, root } = studio();
    await settle(element);
    const row = (path: string): Element => root.querySelector(`[data-path="${path}"] > .item`)!;
    drag(row('layers/2'), row('layers/0'), 0.1);
    await settle(element);
    expect(edits.at(-1)).to.deep.equal({ type: 'move', from: { path: ['layers'], index: 2 }, to: { path: ['layers'], index: 0 } });
    expect(ids(store)).to.deep.equal(['c', 'a', 'g', '  b']);
    drag(row('layers/0'), row('layers/2'), 0.5);
    await settle(element);
    expect(ids(store)).to.deep.equal(['a', 'g', '  b', '  c']);
    drag(row('layers/0'), row('layers/1/layers/1'), 0.9);
    await settle(element);
    expect(ids(store)).to.deep.equal(['g', '  b', '  c', '  a']);
    expect(store.state.undo).to.have.length(3);
  });

  it('creates a group, renames it, removes it and brings it back', async () => {
    const { store, element, root } = studio([leaf('a')]);
    await settle(element);
    button(root, 'Nouveau groupe').click();
    await settle(element);
    expect(getAt(store.state.document, ['layers', 0])).to.deep.include({ type: 'group', id: 'groupe' });
    const title = root.querySelector<HTMLInputElement>('#title-fr')!;
    title.value = 'Patrimoine';
    title.dispatchEvent(new Event('input'));
    await settle(element);
    expect(getAt(store.state.document, ['layers', 0, 'title'])).to.deep.equal({ fr: 'Patrimoine', en: 'New group' });
    button(root, 'Supprimer').click();
    await settle(element);
    expect(ids(store)).to.deep.equal(['a']);
    expect(root.activeElement).to.equal(button(root, 'Annuler la suppression'));
    button(root, 'Annuler la suppression').click();
    await settle(element);
    expect(ids(store)).to.deep.equal(['groupe', 'a']);
    expect(root.activeElement).to.equal(rowName(root, 'layers/0'));
  });

  it('sets visibility, opacity and scale limits, and shows a layer’s problems on its row and field', async () => {
    const { store, element, root } = studio([leaf('a')]);
    await settle(element);
    rowName(root, 'layers/0').click();
    await settle(element);
    const scale = root.querySelector<HTMLInputElement>('#maxScale')!;
    scale.value = '1:25 000';
    scale.dispatchEvent(new Event('change'));
    const opacity = root.querySelector<HTMLInputElement>('#opacity')!;
    opacity.value = '0.5';
    opacity.dispatchEvent(new Event('input'));
    root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await settle(element);
    expect(getAt(store.state.document, ['layers', 0])).to.deep.include({ maxScale: 25000, opacity: 0.5, visible: false });
    expect(scale.value).to.equal('25\u202f000');
    // A title emptied is a problem of the schema: counted on the row, said beside the field.
    const title = root.querySelector<HTMLInputElement>('#title-fr')!;
    element.dispatchEvent(new CustomEvent('cartable-studio-edit', { detail: { edit: { type: 'set', path: ['layers', 0, 'title'], value: 7 } } }));
    await settle(element);
    expect(store.state.problems.length).to.be.greaterThan(0);
    expect(root.querySelector('[data-path="layers/0"] .count')?.textContent).to.match(/\d+ problème\(s\)/);
    expect(title.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById(title.getAttribute('aria-describedby')!)?.textContent ?? '').to.match(/\S/);
    // A problem no field here shows (an id the schema refuses) is said under the layer's fields.
    element.dispatchEvent(new CustomEvent('cartable-studio-edit', { detail: { edit: { type: 'set', path: ['layers', 0, 'id'], value: 'a b' } } }));
    await settle(element);
    expect(store.state.problems.some((p) => p.path === '/layers/0/id')).to.equal(true);
    expect(root.querySelector('#p-layers-0-node')?.textContent ?? '').to.match(/\S/);
  });

  it('adds the dropped geosites file as a packaged GeoJSON layer with its fields', async function () {
    if (!(await fetch('/__data__/available')).ok) skipBecause(this, '../shared/data is not there');
    const { store, element, root } = studio([leaf('a')]);
    await settle(element);
    button(root, 'Ajouter une couche').click();
    await settle(element);
    const add = root.querySelector('cartable-studio-add-layer') as CartableStudioAddLayer;
    await add.updateComplete;
    const bytes = await (await fetch(GEOSITES)).arrayBuffer();
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(new File([bytes], 'inpg-geosites-ecrins.geojson', { type: 'application/geo+json' }));
    const edited = nextEvent(element, 'cartable-studio-edit');
    add.shadowRoot!.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer }));
    await edited;
    const layer = getAt(store.state.document, ['layers', 0]) as JsonObject;
    expect(layer).to.deep.include({ type: 'geojson', id: 'inpg-geosites-ecrins', file: 'data/essai/inpg-geosites-ecrins.geojson', geometry: 'point' });
    const fields = layer.fields as { name: string; type: string }[];
    expect(fields.map((f) => f.name)).to.include.members(['typologie1', 'nom_site', 'confidentialite']);
    expect(fields.find((f) => f.name === 'nom_site')?.type).to.equal('text');
    const file = store.state.files.get('data/essai/inpg-geosites-ecrins.geojson')!;
    expect(JSON.parse(new TextDecoder().decode(file.bytes)).features).to.have.length(71);
    expect(store.state.problems).to.deep.equal([]);
    expect(store.state.undo).to.have.length(1);
    await waitFor(() => add.shadowRoot!.querySelector('.message[role="status"]')?.textContent?.includes('71 objet(s)') ?? false);
    expect(element.layerPath).to.deep.equal(['layers', 0]);
    // The tree, the new layer's fields and the add panel open: nothing for axe.
    await settle(element);
    expect(await axeViolations(element)).to.deep.equal([]);
  });

  it('says what is wrong with a chosen file where the person looks, and changes nothing', async () => {
    const { store, element, root } = studio([leaf('a')]);
    await settle(element);
    button(root, 'Ajouter une couche').click();
    await settle(element);
    const add = root.querySelector('cartable-studio-add-layer') as CartableStudioAddLayer;
    await add.updateComplete;
    const input = add.shadowRoot!.querySelector<HTMLInputElement>('#layer-file')!;
    const dataTransfer = new DataTransfer();
    dataTransfer.items.add(new File(['{ pas du json'], 'relevés.geojson'));
    input.files = dataTransfer.files;
    input.dispatchEvent(new Event('change'));
    const alert = (): string => add.shadowRoot!.querySelector('[role="alert"]')?.textContent ?? '';
    await waitFor(() => alert() !== '');
    expect(alert()).to.contain('« relevés.geojson » n’est pas du JSON lisible');
    expect(ids(store)).to.deep.equal(['a']);
    expect(store.state.undo).to.have.length(0);
  });

  it('copies a layer of another map of the site, with a new id when its own is taken', async () => {
    const { store, element, root } = studio([leaf('geosites')]);
    const other = { ...emptyDocument('autre'), layers: [{ type: 'geojson', id: 'geosites', title: { fr: 'Géosites', en: 'Geosites' }, file: 'data/autre/geosites.geojson', style: {} }] };
    const answers: Record<string, unknown> = {
      'https://site.example/catalog.json': { version: 1, maps: [{ id: 'autre', title: { fr: 'Autre carte', en: 'Other map' }, tags: [], layers: [], document: 'maps/autre.json', page: 'autre/', online: false, validated: true }] },
      'https://site.example/maps/autre.json': other,
    };
    const requester = {
      prepare: (url: string) => ({ url, init: {} }),
      fetch: async (url: string) => new Response(JSON.stringify(answers[url]), { status: url in answers ? 200 : 404 }),
    };
    Object.assign(element, { requester, root: 'https://site.example/' });
    await settle(element);
    button(root, 'Ajouter une couche').click();
    await settle(element);
    const add = root.querySelector('cartable-studio-add-layer') as CartableStudioAddLayer;
    await add.updateComplete;
    add.shadowRoot!.querySelector<HTMLButtonElement>('[data-source="maps"]')!.click();
    await add.updateComplete;
    const maps = add.shadowRoot!.querySelector('cartable-studio-other-maps')!;
    await waitFor(() => !!maps.shadowRoot?.querySelector('[data-map="autre"]'));
    maps.shadowRoot!.querySelector<HTMLButtonElement>('[data-map="autre"]')!.click();
    await waitFor(() => !!maps.shadowRoot?.querySelector('[data-layer="geosites"]'));
    maps.shadowRoot!.querySelector<HTMLButtonElement>('[data-layer="geosites"]')!.click();
    expect(getAt(store.state.document, ['layers', 0])).to.deep.equal({ ...other.layers[0], id: 'geosites-2' });
    expect(ids(store)).to.deep.equal(['geosites-2', 'geosites']);
  });
});
