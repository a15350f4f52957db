import { expect } from 'chai';
import Point from 'ol/geom/Point.js';
import { CartablePopup } from '../../../src/ui/cartable-popup.js';
import '../../../src/ui/cartable-popup.js';
import type { LayerDef } from '../../../src/context/types.js';
import { mount, unmountAll, validContext } from '../support/mount.js';

const MEGA = 'é'.repeat(1_000_000);

/** Every hostile thing an attribute can hold. */
const HOSTILE: Record<string, unknown> = {
  nom: '<script>window.__pwned = 1</script>Meije',
  description: '<img src=x onerror="window.__pwned=1">',
  site: 'javascript:window.__pwned=1',
  photo: 'data:image/svg+xml,<svg onload="window.__pwned=1">',
  courriel: 'x@y.fr"><script>window.__pwned=1</script>',
  inject: '{{secret}}',
  secret: 'ne doit pas sortir',
  enorme: MEGA,
  vide: null,
  liste: ['<b>a</b>', 2, { c: '<i>d</i>' }],
  imbrique: { a: { b: '<svg onload=alert(1)>' } },
  nombre: '12.50',
  riche: '<p>Texte <b>riche</b><img src=x onerror="window.__pwned=1"><a href="javascript:window.__pwned=1">lien</a><a href="https://ok.example/">ok</a></p>',
};

function layers(): ReadonlyMap<string, LayerDef> {
  const context = validContext({
    version: 1,
    id: 'h',
    title: 'H',
    view: { center: [6, 45], zoom: 8 },
    layers: [
      {
        type: 'geojson',
        id: 'sites',
        title: 'Sites',
        data: { type: 'FeatureCollection', features: [] },
        idField: 'nom',
        fields: [
          { name: 'nom', type: 'text' },
          { name: 'description', type: 'longtext' },
          { name: 'site', type: 'url' },
          { name: 'photo', type: 'image' },
          { name: 'courriel', type: 'email' },
          { name: 'inject', type: 'text' },
          { name: 'secret', type: 'text' },
          { name: 'enorme', type: 'longtext' },
          { name: 'vide', type: 'text' },
          { name: 'liste', type: 'text' },
          { name: 'imbrique', type: 'text' },
          { name: 'nombre', type: 'number', unit: 'ha' },
          { name: 'riche', type: 'html' },
        ],
        popup: { title: '{{nom}}', subtitle: '{{inject}}', links: [{ label: 'Lien', url: '{{site}}' }] },
        style: { symbol: { marker: { shape: 'circle', radius: 5, fill: { color: '#000' } } } },
      },
      {
        type: 'geojson',
        id: 'zones',
        title: 'Zones',
        data: { type: 'FeatureCollection', features: [] },
        style: { symbol: { fill: { color: '#0f0' } } },
      },
    ],
  });
  return new Map(context.layers.map((l) => [l.id, l as LayerDef]));
}

async function show(popup: CartablePopup): Promise<ShadowRoot> {
  mount(popup, 'display:block;width:360px;height:480px');
  await popup.updateComplete;
  return popup.shadowRoot!;
}

describe('cartable-popup', () => {
  afterEach(() => {
    unmountAll();
    expect((window as { __pwned?: number }).__pwned, 'a hostile value ran').to.equal(undefined);
  });

  it('shows hostile values as text, keeps only safe links, sanitises HTML fields, and holds its layout', async () => {
    const popup = new CartablePopup();
    popup.layers = layers();
    popup.groups = [{ layerId: 'sites', items: [{ id: 'x', properties: HOSTILE, geometry: new Point([0, 0]) }] }];
    const root = await show(popup);
    expect(root.querySelector('h2')!.textContent).to.contain('<script>window.__pwned = 1</script>Meije');
    expect(root.querySelector('.subtitle')!.textContent).to.equal('{{secret}}');
    expect(root.querySelectorAll('script')).to.have.length(0);
    for (const image of root.querySelectorAll('img')) {
      expect([...image.attributes].map((a) => a.name).filter((n) => n.startsWith('on'))).to.deep.equal([]);
      expect(image.src).to.match(/^https?:/);
    }
    // The image field held a data: URL: it is shown as text, not as an image.
    expect(root.textContent).to.contain('data:image/svg+xml');
    // The sanitiser drops the javascript: href of the HTML field; the link template built on a
    // javascript: value is left out.
    const hrefs = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => h !== null);
    expect(hrefs).to.deep.equal(['https://ok.example/']);
    const text = root.textContent!;
    expect(text).to.contain('javascript:window.__pwned=1');
    expect(text).to.contain('12,5 ha');
    expect(text).to.contain('<b>a</b>, 2, c : <i>d</i>');
    expect(root.querySelector('.html b')!.textContent).to.equal('riche');
    expect(root.querySelector('.html [onerror]')).to.equal(null);
    // A 1 MB value is cut and collapsed: the card keeps its size.
    const card = root.querySelector('.card')!.getBoundingClientRect();
    expect(card.width).to.be.at.most(361);
    expect(card.height).to.be.at.most(481);
    const more = [...root.querySelectorAll<HTMLButtonElement>('button.more')];
    expect(more.length).to.be.greaterThan(0);
    expect(more[0]!.getAttribute('aria-expanded')).to.equal('false');
    more[0]!.click();
    await popup.updateComplete;
    expect(root.querySelector<HTMLButtonElement>('button.more')!.getAttribute('aria-expanded')).to.equal('true');
  });

  it('lists several hits grouped by layer, then shows one with previous/next and back', async () => {
    const popup = new CartablePopup();
    popup.layers = layers();
    popup.groups = [
      { layerId: 'sites', items: [{ id: 'a', properties: { nom: 'Alpha' } }, { id: 'b', properties: { nom: 'Bêta' } }] },
      { layerId: 'zones', items: [{ properties: { nom: 'Zone 1' } }] },
    ];
    const selections: unknown[] = [];
    popup.addEventListener('cartable-popup-select', (e) => selections.push((e as CustomEvent).detail));
    const root = await show(popup);
    expect(root.querySelector('h2')!.textContent!.trim()).to.equal('3 objets à cet endroit');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal(['Sites (2)', 'Zones (1)']);
    [...root.querySelectorAll<HTMLButtonElement>('ul.results button')][1]!.click();
    expect(selections).to.deep.equal([{ layerId: 'sites', index: 1 }]);
    popup.selected = { layerId: 'sites', index: 1 };
    await popup.updateComplete;
    expect(root.querySelector('h2')!.textContent!.trim()).to.equal('Bêta');
    expect(root.querySelector('.position')!.textContent).to.equal('2 / 3');
    root.querySelector<HTMLButtonElement>('nav button[aria-label="Objet suivant"]')!.click();
    root.querySelector<HTMLButtonElement>('nav button[aria-label="Objet précédent"]')!.click();
    root.querySelector<HTMLButtonElement>('nav button')!.click();
    expect(selections.slice(1)).to.deep.equal([{ layerId: 'zones', index: 0 }, { layerId: 'sites', index: 0 }, null]);
  });

  it('closes on Escape and from its close button', async () => {
    const popup = new CartablePopup();
    popup.layers = layers();
    popup.groups = [{ layerId: 'sites', items: [{ id: 'a', properties: { nom: 'Alpha' } }] }];
    let closed = 0;
    popup.addEventListener('cartable-popup-close', () => closed++);
    const root = await show(popup);
    await popup.focusHeading();
    expect(root.activeElement).to.equal(root.querySelector('h2'));
    root.querySelector('h2')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    root.querySelector<HTMLButtonElement>('button[aria-label="Fermer la fiche"]')!.click();
    expect(closed).to.equal(2);
    expect(root.querySelector('[role="dialog"]')!.getAttribute('aria-labelledby')).to.equal('popup-title');
  });
});
