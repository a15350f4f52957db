import { expect } from 'chai';
import { LitElement, html } from 'lit';
import { setViewport } from '@web/test-runner-commands';
import { LayoutController } from '../../../src/ui/layout/layout-controller.js';
import type { PanelChange } from '../../../src/ui/layout/rules.js';
import { mount, unmountAll, waitFor } from '../support/mount.js';

/** A host with the controller, a modal dialog and a popover (the table's filters), as the map view has. */
class LayoutHost extends LitElement {
  readonly layout = new LayoutController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html`<button>map</button><dialog><button>in dialog</button></dialog>
      <button class="opens" popovertarget="filters">Filtres</button>
      <div id="filters" popover><button>in popover</button></div>`;
  }
}
customElements.define('test-layout-host', LayoutHost);

async function host(): Promise<{ element: LayoutHost; changes: PanelChange[] }> {
  const element = mount(new LayoutHost());
  await element.updateComplete;
  const changes: PanelChange[] = [];
  element.addEventListener('cartable-panel-change', (e) => changes.push(e.detail));
  return { element, changes };
}

const escape = (target: Element): boolean =>
  !target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));

describe('LayoutController', () => {
  afterEach(unmountAll);
  after(() => setViewport({ width: 800, height: 600 }));

  it('opens and closes panels by the rules, re-renders its host and sends one typed event per change', async () => {
    await setViewport({ width: 1366, height: 768 });
    const { element, changes } = await host();
    expect(element.layout.screen).to.equal('wide');
    const before = element.renders;
    element.layout.open('record');
    element.layout.open('report');
    await element.updateComplete;
    expect(element.renders).to.be.greaterThan(before);
    expect(element.layout.shown).to.deep.equal(['report']);
    expect(changes).to.deep.equal([
      { panel: 'record', status: 'open', cause: 'asked' },
      { panel: 'record', status: 'closed', cause: 'replaced' },
      { panel: 'report', status: 'open', cause: 'asked' },
    ]);
  });

  it('closes the top panel on Esc and marks the key as used; a second Esc closes the next one', async () => {
    await setViewport({ width: 1366, height: 768 });
    const { element, changes } = await host();
    element.layout.open('layers');
    element.layout.open('table');
    element.layout.open('record');
    const button = element.shadowRoot!.querySelector('button')!;
    expect(escape(button)).to.equal(true);
    expect(element.layout.shown).to.deep.equal(['layers', 'table']);
    expect(changes.at(-1)).to.deep.equal({ panel: 'record', status: 'closed', cause: 'escape' });
    expect(escape(button)).to.equal(true);
    expect(element.layout.shown).to.deep.equal(['layers']);
    expect(escape(button), 'the wide side panel stays').to.equal(false);
  });

  it('leaves the panels alone when Esc closes an open modal dialog, or was already handled', async () => {
    const { element } = await host();
    element.layout.open('record');
    const dialog = element.shadowRoot!.querySelector('dialog')!;
    dialog.showModal();
    expect(escape(dialog.querySelector('button')!)).to.equal(false);
    dialog.close();
    const handled = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true });
    handled.preventDefault();
    element.dispatchEvent(handled);
    expect(element.layout.isOpen('record')).to.equal(true);
  });

  it('leaves the panels alone when Esc closes an open popover, from inside it or from its button', async () => {
    const { element } = await host();
    element.layout.open('table');
    const popover = element.shadowRoot!.querySelector<HTMLElement>('#filters')!;
    popover.showPopover();
    expect(escape(popover.querySelector('button')!)).to.equal(false);
    expect(escape(element.shadowRoot!.querySelector('.opens')!)).to.equal(false);
    expect(element.layout.isOpen('table')).to.equal(true);
    popover.hidePopover();
    expect(escape(element.shadowRoot!.querySelector('.opens')!), 'once it is shut, Esc is the layout’s again').to.equal(true);
    expect(element.layout.isOpen('table')).to.equal(false);
  });

  it('follows the screen: a phone keeps one sheet, the others minimised', async () => {
    await setViewport({ width: 1366, height: 768 });
    const { element, changes } = await host();
    element.layout.open('layers');
    element.layout.open('table');
    element.layout.open('record');
    await setViewport({ width: 390, height: 844 });
    await waitFor(() => element.layout.screen === 'phone');
    expect(element.layout.shown).to.deep.equal(['record']);
    expect(element.layout.status('table')).to.equal('minimised');
    expect(element.layout.status('layers')).to.equal('minimised');
    expect(changes.filter((c) => c.cause === 'screen').map((c) => c.panel).sort()).to.deep.equal(['layers', 'table']);
  });

  it('stops listening to Esc once its host leaves the page', async () => {
    const { element } = await host();
    element.layout.open('record');
    element.remove();
    element.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(element.layout.isOpen('record')).to.equal(true);
  });
});
