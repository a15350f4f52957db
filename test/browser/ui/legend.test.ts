/**
 * Legend images a document names are shown only from http(s) or relative addresses, even when layers
 * reach the element without validation. (Rewritten after this file was overwritten by mistake: its
 * first author may restore the original cases.)
 */
import { expect } from 'chai';
import type { LayerDef } from '../../../src/context/types.js';
import { CartableLegend } from '../../../src/ui/cartable-legend.js';
import '../../../src/ui/cartable-legend.js';
import { unmountAll, validContext } from '../support/mount.js';
import { mountInSession } from '../support/session.js';

const GOOD = new URL('../layers/fixtures/legend.png', import.meta.url).href;
const HOSTILE = ['javascript:window.__pwned=1', 'JaVaScRiPt:window.__pwned=1', 'data:image/svg+xml,<svg onload="window.__pwned=1"/>', 'vbscript:x', '//evil.example/x.png', 'java\tscript:window.__pwned=1'];

/** A valid layer whose legend image is then replaced, as a layer that skipped validation would hold it. */
function layerWithImage(id: string, image: string): LayerDef {
  const [layer] = validContext({
    version: 1,
    id: 'l',
    title: 'L',
    view: { center: [5, 45], zoom: 8 },
    layers: [{ type: 'xyz', id, title: id, url: `${location.origin}/{z}/{x}/{y}.png`, legend: { image: GOOD } }],
  }).layers as LayerDef[];
  return { ...layer!, legend: { ...layer!.legend, image } } as LayerDef;
}

describe('cartable-legend image addresses', () => {
  afterEach(() => {
    unmountAll();
    expect((window as { __pwned?: number }).__pwned, 'a hostile address ran').to.equal(undefined);
  });

  it('never shows an image from another scheme or a "//host" address; shows http(s) and relative ones', async () => {
    const layers = [...HOSTILE.map((image, i) => layerWithImage(`bad${i}`, image)), layerWithImage('good', GOOD), layerWithImage('relative', 'test/browser/layers/fixtures/legend.png')];
    // The map document that holds them (validated without them: they would not pass).
    const context = { ...validContext({ version: 1, id: 'l', title: 'L', view: { center: [5, 45], zoom: 8 }, layers: [] }), layers };
    const { element: legend } = mountInSession(new CartableLegend(), context, 'display:block;width:320px');
    await legend.updateComplete;
    const sources = [...legend.shadowRoot!.querySelectorAll('img')].map((img) => img.getAttribute('src'));
    expect(sources).to.deep.equal([GOOD, new URL('test/browser/layers/fixtures/legend.png', document.baseURI).href]);
  });
});
