import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/studio/settings/cartable-studio-settings.js';
import { CartableStudioSettings } from '../../../src/studio/settings/cartable-studio-settings.js';
import { StudioStore, emptyDocument } from '../../../src/studio/model/store.js';
import type { StudioData } from '../../../src/studio/data.js';
import { getAt, type JsonObject } from '../../../src/studio/model/json.js';
import { axeViolations } from '../support/axe.js';
import { mount, unmountAll, waitFor } from '../support/mount.js';

/** The settings editor wired as the studio wires it: its edits go to a store, the store's state comes back down. */
async function openSettings(data?: StudioData, document: JsonObject = emptyDocument('essai')): Promise<{ settings: CartableStudioSettings; store: StudioStore; root: ShadowRoot }> {
  const store = new StudioStore(document);
  const settings = mount(new CartableStudioSettings(), 'display:block;width:480px');
  settings.addEventListener('cartable-studio-edit', (event) => store.apply(event.detail.edit, event.detail.options));
  store.subscribe((state) => (settings.state = state));
  settings.state = store.state;
  settings.data = data;
  await settings.updateComplete;
  return { settings, store, root: settings.shadowRoot! };
}

/** The field a label names (the test finds fields as a person does). */
function field<T extends HTMLElement = HTMLInputElement>(root: ShadowRoot, label: string): T {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent!.replace(/\s+/g, ' ').trim() === label);
  if (!found) throw new Error(`no label « ${label} »`);
  const target = found.htmlFor ? root.getElementById(found.htmlFor) : found.querySelector('input');
  return target as T;
}

const button = (root: ShadowRoot, text: string): HTMLButtonElement =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === text)!;

describe('cartable-studio-settings', () => {
  afterEach(unmountAll);

  it('shows a shipped map’s settings as it writes them', async () => {
    const geosites = (await (await fetch('/maps/geosites.json')).json()) as JsonObject;
    const { settings, store, root } = await openSettings(undefined, geosites);
    expect(store.state.problems).to.deep.equal([]);
    expect(field(root, 'Identifiant').value).to.equal('geosites');
    expect(field(root, 'Titre (anglais)').value).to.equal('Geosites — geological heritage');
    expect(field<HTMLTextAreaElement>(root, 'Description (français)').value).to.match(/^Les sites de l'Inventaire/);
    // « INPG » is one text for every language: French shows it, English says it reads the French.
    expect([field(root, 'Mot-clé 3 (français)').value, field(root, 'Mot-clé 3 (anglais)').value]).to.deep.equal(['INPG', '']);
    expect(field(root, 'Attribution 1 (français)').value).to.equal('INPG – Parc national des Écrins');
    expect(field<HTMLSelectElement>(root, 'Qui peut ouvrir la carte').value).to.equal('public');
    expect([field(root, 'Zoom minimal').value, field(root, 'Zoom maximal').value]).to.deep.equal(['5', '18']);
    expect(root.querySelector('.view-now')!.textContent).to.contain('zoom 9');
    const ticked = [...root.querySelectorAll<HTMLInputElement>('li.basemap input[type="checkbox"]')].map((box) => `${box.id}:${box.checked}`);
    expect(ticked).to.deep.equal(['basemap-plan-ign:true', 'basemap-ortho:true', 'basemap-aucun:true', 'basemap-cadastre:false']);
    expect(field(root, 'à l’ouverture : Plan IGN').checked).to.equal(true);
    expect(await axeViolations(settings)).to.deep.equal([]);
  });

  it('makes one undo step of typing in a field, named after it', async () => {
    const { settings, store, root } = await openSettings();
    const title = field(root, 'Titre (français)');
    title.focus();
    title.select();
    await sendKeys({ type: 'Géosites' });
    await settings.updateComplete;
    expect(getAt(store.state.document, ['title'])).to.deep.equal({ fr: 'Géosites', en: 'New map' });
    expect(store.state.undo).to.deep.equal(['Titre (français)']);
    const english = field(root, 'Titre (anglais)');
    english.focus();
    english.select();
    await sendKeys({ press: 'Backspace' });
    await settings.updateComplete;
    // No English left: the French text is every language's.
    expect(getAt(store.state.document, ['title'])).to.equal('Géosites');
    expect(store.state.undo).to.deep.equal(['Titre (français)', 'Titre (anglais)']);
    store.undo();
    await settings.updateComplete;
    expect(english.value).to.equal('New map');
  });

  it('says an invalid id next to its field, tied to it, and its rule', async () => {
    const { settings, store, root } = await openSettings();
    const id = field(root, 'Identifiant');
    expect(id.getAttribute('aria-invalid')).to.equal('false');
    id.focus();
    await sendKeys({ type: ' 2' });
    await settings.updateComplete;
    expect(store.state.problems.map((p) => p.path)).to.deep.equal(['/id']);
    expect(id.getAttribute('aria-invalid')).to.equal('true');
    const described = id.getAttribute('aria-describedby')!.split(' ').map((ref) => root.getElementById(ref)!.textContent!);
    expect(described[0]).to.contain('commence par une lettre ou un chiffre');
    expect(described[1]).to.contain('essai 2');
    expect(await axeViolations(settings)).to.deep.equal([]);
  });

  it('adds, writes and removes tags, FR and EN or one text', async () => {
    const { settings, store, root } = await openSettings();
    button(root, 'Ajouter un mot-clé').click();
    await waitFor(() => root.activeElement === field(root, 'Mot-clé 1 (français)'), 5000, 'the new tag’s input focused');
    await sendKeys({ type: 'INPG' });
    button(root, 'Ajouter un mot-clé').click();
    await waitFor(() => root.activeElement === field(root, 'Mot-clé 2 (français)'), 5000, 'the second tag’s input focused');
    await sendKeys({ type: 'Géologie' });
    field(root, 'Mot-clé 2 (anglais)').focus();
    await sendKeys({ type: 'Geology' });
    await settings.updateComplete;
    expect(getAt(store.state.document, ['tags'])).to.deep.equal(['INPG', { fr: 'Géologie', en: 'Geology' }]);
    button(root, 'Retirer : Mot-clé 1').click();
    await settings.updateComplete;
    expect(getAt(store.state.document, ['tags'])).to.deep.equal([{ fr: 'Géologie', en: 'Geology' }]);
    expect(store.state.problems).to.deep.equal([]);
  });

  it('restricts the map to groups, and makes it public again without them', async () => {
    const { settings, store, root } = await openSettings();
    const level = field<HTMLSelectElement>(root, 'Qui peut ouvrir la carte');
    level.value = 'restricted';
    level.dispatchEvent(new Event('change'));
    await settings.updateComplete;
    button(root, 'Ajouter un groupe').click();
    await waitFor(() => root.activeElement === field(root, 'Groupe 1'), 5000, 'the group’s input focused');
    await sendKeys({ type: 'agents' });
    expect(getAt(store.state.document, ['access'])).to.deep.equal({ level: 'restricted', groups: ['agents'] });
    level.value = 'public';
    level.dispatchEvent(new Event('change'));
    await settings.updateComplete;
    expect(getAt(store.state.document, ['access'])).to.deep.equal({ level: 'public' });
    expect(root.querySelector('#f-access-groups-0')).to.equal(null);
  });

  it('picks basemaps, the one shown at opening and their order', async () => {
    const { settings, store, root } = await openSettings();
    const ids = (): unknown => (getAt(store.state.document, ['basemaps']) as { id: string; active?: boolean }[]).map((b) => (b.active ? `${b.id}*` : b.id));
    field(root, 'Plan IGN (Géoplateforme IGN)').click();
    await settings.updateComplete;
    field(root, 'Sans fond de carte (le fond de la page)').click();
    await settings.updateComplete;
    expect(ids()).to.deep.equal(['plan-ign', 'aucun']);
    // Unchosen ones keep their box unticked when the list reorders.
    expect(field(root, 'Photographies aériennes (Géoplateforme IGN)').checked).to.equal(false);
    field(root, 'à l’ouverture : Sans fond de carte').click();
    await settings.updateComplete;
    expect(ids()).to.deep.equal(['plan-ign', 'aucun*']);
    button(root, 'Monter : Sans fond de carte').click();
    await settings.updateComplete;
    expect(ids()).to.deep.equal(['aucun*', 'plan-ign']);
    field(root, 'Plan IGN (Géoplateforme IGN)').click();
    await settings.updateComplete;
    expect(ids()).to.deep.equal(['aucun*']);
    expect(store.state.problems).to.deep.equal([]);
    expect(await axeViolations(settings)).to.deep.equal([]);
  });

  it('frames the opening view on the map the preview shows, as one step', async () => {
    const data: StudioData = { records: async () => [], currentView: async () => ({ center: [6.25, 44.85], zoom: 9.4 }) };
    const { settings, store, root } = await openSettings(data);
    button(root, 'Cadrer sur la carte actuelle').click();
    await waitFor(() => (getAt(store.state.document, ['view', 'zoom']) as number) === 9.4, 5000, 'the view framed');
    expect(getAt(store.state.document, ['view'])).to.deep.equal({ projection: 'EPSG:3857', center: [6.25, 44.85], zoom: 9.4 });
    expect(store.state.undo).to.deep.equal(['vue à l’ouverture']);
    await settings.updateComplete;
    expect(root.querySelector('.view-now')!.textContent).to.contain('zoom 9,4');
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('la carte actuelle');
  });

  it('says when the preview has no map to frame on', async () => {
    const data: StudioData = { records: async () => [], currentView: async () => undefined };
    const { settings, store, root } = await openSettings(data);
    button(root, 'Cadrer sur la carte actuelle').click();
    await waitFor(() => root.querySelector('[role="status"]')!.textContent!.includes('pas encore de carte'), 5000, 'the message');
    expect(store.state.undo).to.deep.equal([]);
    await settings.updateComplete;
  });

  it('keeps zoom bounds as numbers, an empty field removing its bound', async () => {
    const { settings, store, root } = await openSettings();
    const min = field(root, 'Zoom minimal');
    min.focus();
    await sendKeys({ type: '45' });
    await settings.updateComplete;
    expect(getAt(store.state.document, ['view', 'minZoom'])).to.equal(45);
    expect(min.getAttribute('aria-invalid')).to.equal('true');
    expect(root.getElementById(min.getAttribute('aria-describedby')!)!.textContent).to.match(/30/);
    await sendKeys({ press: 'Backspace' });
    await sendKeys({ press: 'Backspace' });
    await settings.updateComplete;
    expect(getAt(store.state.document, ['view', 'minZoom'])).to.equal(undefined);
    expect(store.state.undo).to.deep.equal(['Zoom minimal']);
  });
});
