/**
 * <cartable-map> on a partner page, which has none of the site's tokens on its :root: the element
 * carries them on its :host (the defaults here; the site's own in a build, src/embed/element.ts), and
 * the partner's rule on the element wins over them. Custom properties set higher up do not reach in.
 */
import { expect } from 'chai';
import '../../../src/embed/cartable-map.js';
import { useSiteTokens, type CartableMap } from '../../../src/embed/cartable-map.js';
import { DEFAULT_TOKENS, resolveTheme } from '../../../src/theme/tokens.js';
import { mount, nextEvent, unmountAll, waitFor } from '../support/mount.js';
import { withoutPageTokens } from '../support/page-tokens.js';

const DOCUMENT = new URL('./fixtures/element-map.json', import.meta.url).href;

async function showElement(): Promise<{ element: CartableMap; header: Element; view: Element }> {
  const element = document.createElement('cartable-map') as CartableMap;
  element.src = DOCUMENT;
  const rendered = nextEvent(element, 'cartable-ready', 100_000);
  mount(element, 'width:800px;height:420px');
  await rendered;
  const headerRoot = element.mapView!.shadowRoot!.querySelector('cartable-map-header')!.shadowRoot!;
  await waitFor(() => !!headerRoot.querySelector('header h1'), 10_000, 'the map header');
  return { element, header: headerRoot.querySelector('header')!, view: element.mapView! };
}

describe('<cartable-map> tokens on a partner page', () => {
  let restorePageTokens: () => void;
  let style: HTMLStyleElement;
  before(() => {
    restorePageTokens = withoutPageTokens();
  });
  after(() => restorePageTokens());
  beforeEach(() => {
    style = document.head.appendChild(document.createElement('style'));
  });
  afterEach(() => {
    style.remove();
    useSiteTokens(DEFAULT_TOKENS);
    unmountAll();
  });

  it('has every token from its :host, with no :root tokens on the page', async () => {
    expect(getComputedStyle(document.documentElement).getPropertyValue('--cartable-accent')).to.equal('');
    const { header, view } = await showElement();
    for (const [name, value] of Object.entries(DEFAULT_TOKENS)) expect(getComputedStyle(view).getPropertyValue(name), name).to.equal(value);
    expect(getComputedStyle(header).backgroundColor).to.equal('rgb(20, 33, 61)');
    expect(getComputedStyle(header).color).to.equal('rgb(255, 255, 255)');
  });

  it('takes the partner’s rule on the element over its own tokens; not the partner’s :root', async () => {
    style.textContent = `
      :root { --cartable-header-bg: rgb(255, 0, 0); }
      cartable-map { --cartable-header-bg: rgb(0, 77, 64); --cartable-accent: rgb(0, 105, 92); }
    `;
    const { header, view } = await showElement();
    expect(getComputedStyle(header).backgroundColor).to.equal('rgb(0, 77, 64)');
    expect(getComputedStyle(view).getPropertyValue('--cartable-accent')).to.equal('rgb(0, 105, 92)');
    // A token the partner does not set keeps the element's own.
    expect(getComputedStyle(header).color).to.equal('rgb(255, 255, 255)');
  });

  it('takes the site’s theme (its entry sets it), and the partner’s rule still wins', async () => {
    useSiteTokens(resolveTheme({ '--cartable-header-bg': '#004d40', '--cartable-header-text': '#fffff0' }));
    const { element, header } = await showElement();
    expect(getComputedStyle(header).backgroundColor).to.equal('rgb(0, 77, 64)');
    expect(getComputedStyle(header).color).to.equal('rgb(255, 255, 240)');
    style.textContent = 'cartable-map { --cartable-header-bg: rgb(0, 0, 145); }';
    expect(getComputedStyle(header).backgroundColor).to.equal('rgb(0, 0, 145)');
    expect(element.isConnected).to.equal(true);
  });
});
