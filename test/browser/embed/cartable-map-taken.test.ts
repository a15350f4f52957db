/**
 * A host page that already defines one of Cartable's element names: loading the element never
 * throws, and a <cartable-map> says in its box, translated, that it cannot start (its parts would be
 * the page's elements: a foreign <cartable-popup> broke the first click).
 */
import { expect } from 'chai';
import type { CartableMap } from '../../../src/embed/cartable-map.js';
import { mount, nextEvent, unmountAll } from '../support/mount.js';

const DOCUMENT = new URL('./fixtures/element-map.json', import.meta.url).href;

// The host page's own element, defined before Cartable's code loads.
class HostPopup extends HTMLElement {}
customElements.define('cartable-popup', HostPopup);
const errors: unknown[] = [];
const onError = (event: ErrorEvent | PromiseRejectionEvent): void => void errors.push('reason' in event ? event.reason : event.error);
addEventListener('error', onError);
addEventListener('unhandledrejection', onError);
const { defineElement, foreignElements } = await import('../../../src/ui/define.js');
await import('../../../src/embed/cartable-map.js');

async function shown(lang: string): Promise<{ text: string; role: string | null; detail: { code: string; message: string } }> {
  const element = document.createElement('cartable-map') as CartableMap;
  element.src = DOCUMENT;
  element.lang = lang;
  const failed = nextEvent(element, 'cartable-error', 60_000) as Promise<CustomEvent<{ code: string; message: string }>>;
  mount(element, 'width:800px;height:420px');
  const { detail } = await failed;
  await element.updateComplete;
  const problem = element.shadowRoot!.querySelector('.problem');
  return { text: problem?.textContent ?? '', role: problem?.getAttribute('role') ?? null, detail };
}

describe('<cartable-map> beside a host element of the same name', () => {
  afterEach(unmountAll);

  it('leaves a taken name to its owner without throwing, and lists it as foreign', () => {
    class Other extends HTMLElement {}
    expect(defineElement('cartable-popup', Other)).to.equal(false);
    expect(customElements.get('cartable-popup')).to.equal(HostPopup);
    expect(foreignElements()).to.deep.equal(['cartable-popup']);
  });

  it('says in its box, in French, that it cannot start, and fires cartable-error', async () => {
    const { text, role, detail } = await shown('fr');
    expect(text).to.equal('Cette carte ne peut pas démarrer : la page qui l’accueille définit déjà l’élément <cartable-popup> de Cartable.');
    expect(role).to.equal('alert');
    expect(detail.code).to.equal('element-taken');
    expect(customElements.get('cartable-map-view'), 'the map’s code was not even loaded').to.equal(undefined);
  });

  it('says it in English with lang="en"', async () => {
    const { text } = await shown('en');
    expect(text).to.equal('This map cannot start: the page it is on already defines Cartable’s element <cartable-popup>.');
  });

  it('threw nothing on the page', () => {
    expect(errors).to.deep.equal([]);
  });
});
