/**
 * <cartable-map> on a hostile host page: every inherited property the page sets on its text stops at
 * the element's root (only the --cartable-* tokens set on the element reach in, to theme it).
 */
import { expect } from 'chai';
import '../../../src/embed/cartable-map.js';
import type { CartableMap } from '../../../src/embed/cartable-map.js';
import { mount, nextEvent, unmountAll, waitFor } from '../support/mount.js';

const DOCUMENT = new URL('./fixtures/element-map.json', import.meta.url).href;

/** Inherited properties a page commonly sets on its body text, with the values it would leak in. */
const HOSTILE = `
  body {
    letter-spacing: 7px; word-spacing: 11px; text-align: right; text-indent: 40px; text-transform: uppercase;
    font-style: italic; font-weight: 900; font-size: 30px; line-height: 5; color: rgb(255, 0, 0);
    white-space: pre; font-variant: small-caps; visibility: visible; cursor: wait; text-shadow: 1px 1px red;
  }
  /* The theme: the element's tokens, set on the element itself. */
  cartable-map { --cartable-text: rgb(0, 0, 128); }
`;

describe('<cartable-map> on a host page with hostile styles', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = document.head.appendChild(document.createElement('style'));
    style.textContent = HOSTILE;
  });
  afterEach(() => {
    style.remove();
    unmountAll();
  });

  it('keeps the page’s inherited text properties out, and takes its --cartable-* theme', async () => {
    const element = document.createElement('cartable-map') as CartableMap;
    element.src = DOCUMENT;
    const rendered = nextEvent(element, 'cartable-ready', 100_000);
    mount(element, 'width:800px;height:420px');
    await rendered;
    const header = element.mapView!.shadowRoot!.querySelector('cartable-map-header')!.shadowRoot!;
    const title = header.querySelector('h1')!;
    await waitFor(() => title.textContent === 'Carte de l’élément', 10_000, 'the map title');
    const read = (node: Element) => {
      const s = getComputedStyle(node);
      return {
        letterSpacing: s.letterSpacing,
        wordSpacing: s.wordSpacing,
        textAlign: s.textAlign,
        textIndent: s.textIndent,
        textTransform: s.textTransform,
        fontStyle: s.fontStyle,
        fontVariant: s.fontVariant,
        whiteSpace: s.whiteSpace,
        cursor: s.cursor,
        textShadow: s.textShadow,
      };
    };
    const clean = { letterSpacing: 'normal', wordSpacing: '0px', textAlign: 'start', textIndent: '0px', textTransform: 'none', fontStyle: 'normal', fontVariant: 'normal', whiteSpace: 'normal', cursor: 'auto', textShadow: 'none' };
    expect(read(element.mapView!)).to.deep.equal(clean);
    const host = getComputedStyle(element);
    expect([host.fontSize, host.lineHeight, host.color, host.fontWeight]).to.deep.equal(['16px', `${16 * 1.45}px`, 'rgb(0, 0, 128)', '400']);
    // The page's body text does carry them (the test would prove nothing otherwise).
    expect(getComputedStyle(document.body).letterSpacing).to.equal('7px');
  });
});
