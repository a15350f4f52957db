/**
 * The share dialog's QR code, read back the way a phone would: the SVG drawn into a canvas, decoded
 * with jsQR (an independent decoder), and the text compared with the link the dialog shows.
 */
import { expect } from 'chai';
import type jsQRFunction from 'jsqr';
import 'jsqr';
import { CartableShare } from '../../../src/ui/cartable-share.js';
import '../../../src/ui/cartable-share.js';
import { mount, unmountAll } from '../support/mount.js';

// jsqr ships as a UMD bundle: loaded as a module, it puts its function on the global object.
const jsQR = (globalThis as unknown as { jsQR: typeof jsQRFunction }).jsQR;

/** Pixels a module is drawn with, and the white margin around the code's own quiet zone (in modules). */
const SCALE = 6;
const MARGIN = 4;

/** Draws the dialog's `svg.qr` into a canvas and decodes it; null when nothing can be read. */
async function readQrCode(share: CartableShare): Promise<string | null> {
  const svg = share.shadowRoot!.querySelector<SVGSVGElement>('svg.qr');
  if (!svg) throw new Error('the dialog shows no svg.qr');
  const modules = svg.viewBox.baseVal.width;
  const side = (modules + 2 * MARGIN) * SCALE;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('width', String(modules * SCALE));
  copy.setAttribute('height', String(modules * SCALE));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  await image.decode();
  const canvas = new OffscreenCanvas(side, side);
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, side, side);
  context.drawImage(image, MARGIN * SCALE, MARGIN * SCALE);
  const { data } = context.getImageData(0, 0, side, side);
  return jsQR(data, side, side, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

async function openShare(url: string): Promise<CartableShare> {
  const share = mount(new CartableShare(), 'display:block');
  share.url = url;
  share.mapTitle = 'Géosites';
  await share.show();
  return share;
}

describe('cartable-share: the QR code', () => {
  afterEach(() => {
    document.querySelector('cartable-share')?.close();
    unmountAll();
  });

  const links = {
    'a permalink with a view and an open record': `${location.origin}/maps/geosites.html?lang=fr&view=6.3038,45.0204,12&layers=sites,zone&feature=sites~PAC0058`,
    'a link with encoded accents and reserved characters': `${location.origin}/maps/r%C3%A9serves.html?q=%C3%89crins%20%26%20Vercors&lang=en#carte`,
  };
  for (const [what, link] of Object.entries(links)) {
    it(`decodes to the link the dialog shows (${what})`, async () => {
      const share = await openShare(link);
      const shown = share.shadowRoot!.querySelector<HTMLInputElement>('#share-link')!.value;
      expect(shown).to.equal(link);
      expect(await readQrCode(share)).to.equal(shown);
    });
  }

  it('follows the link when it changes', async () => {
    const share = await openShare(links['a permalink with a view and an open record']);
    const moved = `${location.origin}/maps/geosites.html?lang=fr&view=6.3614,44.9223,14`;
    share.url = moved;
    await share.updateComplete;
    expect(await readQrCode(share)).to.equal(moved);
  });
});
