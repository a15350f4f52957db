import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import type { CartableShare } from '../../../src/ui/cartable-share.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';

const START = `${location.origin}/__share-preview/maps/partage.html?lang=en`;

const context = () =>
  validContext({
    version: 1,
    id: 'partage',
    title: 'Carte « partagée »',
    view: { center: [3.5, 47], zoom: 6 },
    layers: [
      {
        type: 'geojson',
        id: 'places',
        title: 'Lieux',
        data: { type: 'FeatureCollection', features: [] },
        style: { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#ff0000' } } } },
      },
    ],
  });

async function openMap(): Promise<CartableMapView> {
  const view = mount(new CartableMapView(), 'display:grid;width:900px;height:600px');
  const rendered = nextEvent(view, 'cartable-map-rendered');
  view.startUrl = START;
  view.urlState = false;
  view.context = context();
  await rendered;
  return view;
}

/** The map's header draws its buttons in its own shadow root. */
const headerRoot = (view: CartableMapView): ShadowRoot => view.shadowRoot!.querySelector('cartable-map-header')!.shadowRoot!;

async function openShare(view: CartableMapView): Promise<{ share: CartableShare; dialog: HTMLDialogElement; button: HTMLButtonElement }> {
  const button = headerRoot(view).querySelector<HTMLButtonElement>('button.share-toggle')!;
  button.focus();
  button.click();
  await waitFor(() => !!view.shadowRoot!.querySelector('cartable-share')?.shadowRoot?.querySelector('dialog[open]'));
  const share = view.shadowRoot!.querySelector('cartable-share')!;
  return { share, dialog: share.shadowRoot!.querySelector('dialog')!, button };
}

describe('cartable-share', () => {
  afterEach(unmountAll);

  it('opens as a modal dialog from the header with the link of the current state and its QR code', async () => {
    const view = await openMap();
    view.store!.dispatch({ type: 'set-opacity', id: 'places', opacity: 0.5 });
    const { share, dialog } = await openShare(view);
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-labelledby')).to.equal('share-title');
    const link = new URL(share.shadowRoot!.querySelector<HTMLInputElement>('#share-link')!.value);
    expect(link.searchParams.get('l')).to.equal('places:0.5');
    expect(link.searchParams.get('lang')).to.equal('en');
    expect(link.searchParams.get('c')).to.equal('3.5,47');
    const qr = share.shadowRoot!.querySelector('svg.qr')!;
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.match(/QR/);
    expect(qr.querySelector('path')!.getAttribute('d')!.length).to.be.greaterThan(100);
  });

  it('closes with Escape and gives focus back to the Share button', async () => {
    const view = await openMap();
    const { dialog, button } = await openShare(view);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.open);
    expect(headerRoot(view).activeElement).to.equal(button);
  });

  it('builds embed code from the chosen size and controls, with a live preview of the same URL', async () => {
    const view = await openMap();
    const { share } = await openShare(view);
    const root = share.shadowRoot!;
    const details = root.querySelector('details')!;
    details.open = true;
    await waitFor(() => !!root.querySelector('textarea#share-code'));
    const code = (): string => root.querySelector<HTMLTextAreaElement>('#share-code')!.value;
    expect(code()).to.match(/^<iframe src="[^"]+embed=1[^"]*" title="Carte « partagée »" width="100%" height="450" style="border:0;width:100%" loading="lazy" allow="fullscreen; geolocation" allowfullscreen><\/iframe>$/);
    // Switch the zoom buttons off and take a fixed size.
    root.querySelector<HTMLInputElement>('input[data-control="zoom"]')!.click();
    root.querySelectorAll<HTMLInputElement>('input[name="size"]')[1]!.click();
    await share.updateComplete;
    const width = root.querySelector<HTMLInputElement>('input[type="number"]')!;
    width.value = '640';
    width.dispatchEvent(new Event('input'));
    await share.updateComplete;
    expect(code()).to.contain('width="640" height="450"');
    const src = new URL(code().match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&'));
    expect(src.searchParams.get('ctl.zoom')).to.equal('0');
    expect(src.searchParams.get('c')).to.equal('3.5,47');
    const preview = root.querySelector('cartable-embed-preview')!.shadowRoot!.querySelector('iframe')!;
    expect(preview.src).to.equal(src.href);
    expect(preview.title).to.not.equal('');
    // Without the current view the embed opens on the document's view.
    root.querySelector<HTMLInputElement>('input.current-view')!.click();
    await share.updateComplete;
    expect(new URL(share.embedUrl).searchParams.has('c')).to.equal(false);
    share.close();
  });

  it('leaves the author’s open layer panel out of the embed code unless the author ticks it', async () => {
    const view = await openMap();
    // The author's page: the layer panel open (a 900-px-wide screen opens it), and a permalink saying so.
    view.startUrl = `${START}&panel=1&table=places&tq=x`;
    const { share } = await openShare(view);
    const root = share.shadowRoot!;
    root.querySelector('details')!.open = true;
    await waitFor(() => !!root.querySelector('textarea#share-code'));
    expect(new URL(share.url).searchParams.get('panel'), 'the page’s own link keeps its panel').to.equal('1');
    const src = (): URL => new URL(root.querySelector<HTMLTextAreaElement>('#share-code')!.value.match(/src="([^"]+)"/)![1]!.replace(/&amp;/g, '&'));
    expect(['panel', 'table', 'tq'].filter((key) => src().searchParams.has(key))).to.deep.equal([]);
    root.querySelector<HTMLInputElement>('input.open-panel')!.click();
    await share.updateComplete;
    expect(src().searchParams.get('panel')).to.equal('1');
    share.close();
  });

  it('previews the embed at a phone’s width and at a computer’s, scaled down to fit the dialog', async () => {
    const view = await openMap();
    const { share } = await openShare(view);
    const root = share.shadowRoot!;
    root.querySelector('details')!.open = true;
    await waitFor(() => !!root.querySelector('cartable-embed-preview'));
    const preview = root.querySelector('cartable-embed-preview')!;
    const frame = (): HTMLIFrameElement => preview.shadowRoot!.querySelector('iframe')!;
    const fits = (): void => {
      const box = frame().getBoundingClientRect();
      const stage = preview.getBoundingClientRect();
      expect(box.left, 'the preview starts inside the dialog').to.be.at.least(stage.left - 1);
      expect(box.right, 'the preview ends inside the dialog').to.be.at.most(stage.right + 1);
    };
    const pressed = (): string[] => [...root.querySelectorAll<HTMLElement>('[data-device][aria-pressed="true"]')].map((b) => b.dataset.device!);

    expect(pressed()).to.deep.equal(['phone']);
    await waitFor(() => frame().offsetWidth === 390 && frame().offsetHeight === 450);
    fits();

    root.querySelector<HTMLButtonElement>('[data-device="desktop"]')!.click();
    await share.updateComplete;
    expect(pressed()).to.deep.equal(['desktop']);
    // Laid out at a computer's width (so the map takes its wide layout), shown smaller.
    await waitFor(() => frame().offsetWidth === 1024);
    await preview.updateComplete;
    expect(preview.scale).to.be.lessThan(1);
    fits();
    expect(frame().getBoundingClientRect().width).to.be.closeTo(1024 * preview.scale, 2);

    // A fixed size is previewed at that size.
    root.querySelectorAll<HTMLInputElement>('input[name="size"]')[1]!.click();
    await share.updateComplete;
    const width = root.querySelector<HTMLInputElement>('input[type="number"]')!;
    width.value = '700';
    width.dispatchEvent(new Event('input'));
    await share.updateComplete;
    await waitFor(() => frame().offsetWidth === 700);
    fits();
    share.close();
  });
});
