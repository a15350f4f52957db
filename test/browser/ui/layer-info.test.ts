import { expect } from 'chai';
import { CartableLayerInfo } from '../../../src/ui/cartable-layer-info.js';
import { CartableLayerTree } from '../../../src/ui/cartable-layer-tree.js';
import '../../../src/ui/cartable-layer-info.js';
import '../../../src/ui/cartable-layer-tree.js';
import { mount, unmountAll, validContext } from '../support/mount.js';
import { mountInSession } from '../support/session.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function hostileContext() {
  return validContext({
    version: 1,
    id: 'h',
    title: 'H',
    view: { center: [2, 46], zoom: 5 },
    layers: [
      {
        type: 'group',
        id: 'g',
        title: HOSTILE,
        layers: [
          {
            type: 'geojson',
            id: 'a',
            title: HOSTILE,
            data: { type: 'FeatureCollection', features: [] },
            style: { symbol: { fill: { color: '#000' } } },
            info: {
              description: HOSTILE,
              source: { name: 'Source', url: 'javascript:window.__pwned=1' },
              metadata: 'data:text/html,<script>window.__pwned=1</script>',
              updated: '2024-03-05',
              downloads: [{ title: 'Fichier', url: 'https://example.org/a.zip', format: 'Shapefile' }],
            },
          },
        ],
      },
    ],
  });
}

describe('untrusted document text', () => {
  afterEach(unmountAll);

  it('is shown as text in the layer list, never run', async () => {
    const { element: tree } = mountInSession(new CartableLayerTree(), hostileContext());
    await tree.updateComplete;
    expect(tree.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(tree.shadowRoot!.textContent).to.contain('<img src=x');
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('keeps only safe links in the layer information', async () => {
    const context = hostileContext();
    const info = mount(new CartableLayerInfo());
    info.layer = (context.layers[0] as { layers: readonly unknown[] }).layers[0] as CartableLayerInfo['layer'];
    await info.show();
    const root = info.shadowRoot!;
    expect(root.querySelector('img, script')).to.equal(null);
    const links = [...root.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['https://example.org/a.zip']);
    expect(root.textContent).to.contain('5 mars 2024');
    expect(root.textContent).to.contain('(Shapefile)');
    expect(root.querySelector('dialog')!.open).to.equal(true);
    info.close();
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('cartable-layer-tree', () => {
  afterEach(unmountAll);

  it('sends typed events up and folds groups from the state', async () => {
    const { element: tree, session } = mountInSession(new CartableLayerTree(), hostileContext());
    const events: string[] = [];
    for (const name of ['cartable-layer-visibility', 'cartable-group-expanded', 'cartable-layer-info'] as const) {
      tree.addEventListener(name, (e) => events.push(`${name}:${JSON.stringify(e.detail)}`));
    }
    await tree.updateComplete;
    const toggle = tree.shadowRoot!.querySelector<HTMLButtonElement>('.group-toggle')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    toggle.click();
    tree.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    tree.shadowRoot!.querySelector<HTMLButtonElement>('.icon-button')!.click();
    expect(events).to.deep.equal([
      'cartable-group-expanded:{"id":"g","expanded":false}',
      'cartable-layer-visibility:{"id":"a","visible":false}',
      'cartable-layer-info:{"id":"a"}',
    ]);
    // The tree only asks: the fold comes back from the state.
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    session.store.dispatch({ type: 'set-group-expanded', id: 'g', expanded: false });
    await tree.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(tree.shadowRoot!.querySelector('li[data-layer="a"]')).to.equal(null);
  });

  it('names every control for screen readers', async () => {
    const { element: tree } = mountInSession(new CartableLayerTree(), hostileContext());
    await tree.updateComplete;
    const info = tree.shadowRoot!.querySelector('.icon-button')!;
    expect(info.getAttribute('aria-label')).to.match(/^Informations sur la couche /);
    const slider = tree.shadowRoot!.querySelector('input[type="range"]')!;
    expect(slider.getAttribute('aria-label')).to.match(/^Opacité de /);
    expect(slider.getAttribute('aria-valuetext')).to.equal('100 %');
  });
});
