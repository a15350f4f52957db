/** A legend image that fails to load: hidden with a short note, never a broken image with its alt text. */
import { expect } from 'chai';
import { useLanguage } from '../../../src/i18n/localization.js';
import { CartableLegend } from '../../../src/ui/cartable-legend.js';
import '../../../src/ui/cartable-legend.js';
import { unmountAll, validContext, waitFor } from '../support/mount.js';
import { mountInSession } from '../support/session.js';

const GOOD = new URL('../layers/fixtures/legend.png', import.meta.url).href;
// On the test server, answered 404: nothing leaves the machine.
const MISSING = `${location.origin}/__no-such-legend__.png`;

function legendContext() {
  return validContext({
    version: 1,
    id: 'legendes',
    title: 'Légendes',
    view: { center: [5, 45], zoom: 8 },
    layers: [
      { type: 'xyz', id: 'good', title: 'Bonne', url: `${location.origin}/{z}/{x}/{y}.png`, legend: { image: GOOD } },
      { type: 'xyz', id: 'broken', title: 'Cassée', url: `${location.origin}/{z}/{x}/{y}.png`, legend: { image: MISSING } },
      { type: 'wms', id: 'wms', title: 'Service arrêté', url: `${location.origin}/__no-such-service__/wms`, layers: 'A,B' },
    ],
  });
}

const section = (legend: CartableLegend, id: string) => legend.shadowRoot!.querySelector(`section[data-layer="${id}"]`)!;
const note = (legend: CartableLegend, id: string) => section(legend, id).querySelector('.note')?.textContent?.trim();

describe('cartable-legend images', () => {
  afterEach(async () => {
    unmountAll();
    await useLanguage('fr');
  });

  it('hides an image that fails to load and says « Légende indisponible », keeping the images that load', async () => {
    const { element: legend } = mountInSession(new CartableLegend(), legendContext(), 'display:block;width:320px');
    await legend.updateComplete;
    // The WMS layer's two images fail one after the other (its note comes with the first): wait for both.
    await waitFor(() => note(legend, 'broken') !== undefined && note(legend, 'wms') !== undefined && !section(legend, 'wms').querySelector('img'));
    expect(note(legend, 'broken')).to.equal('Légende indisponible');
    expect(section(legend, 'broken').querySelector('img')).to.equal(null);
    // Both GetLegendGraphic images of the WMS layer failed: one note, no image.
    expect(section(legend, 'wms').querySelectorAll('.note')).to.have.length(1);
    expect(section(legend, 'wms').querySelector('img')).to.equal(null);
    const good = section(legend, 'good').querySelector('img')!;
    await waitFor(() => good.complete);
    expect(good.naturalWidth).to.be.greaterThan(0);
    expect(note(legend, 'good')).to.equal(undefined);
  });

  it('says it in English too', async () => {
    await useLanguage('en');
    const context = legendContext();
    const { element: legend } = mountInSession(new CartableLegend(), { ...context, layers: context.layers.filter((l) => l.id === 'broken') }, 'display:block;width:320px');
    legend.language = 'en';
    await legend.updateComplete;
    await waitFor(() => note(legend, 'broken') !== undefined);
    expect(note(legend, 'broken')).to.equal('Legend unavailable');
  });
});
