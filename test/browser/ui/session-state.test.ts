import { expect } from 'chai';
import { LitElement, html, type TemplateResult } from 'lit';
import { MapSession } from '../../../src/session/map-session.js';
import { SessionState } from '../../../src/ui/session-state.js';
import { unmountAll, validContext } from '../support/mount.js';
import { mountInSession } from '../support/session.js';

/** Shows the session's map id and which basemap its state holds. */
class SessionProbe extends LitElement {
  readonly mapSession = new SessionState(this);

  override render(): TemplateResult {
    return html`${this.mapSession.session?.context.id ?? '-'}:${this.mapSession.state?.basemap ?? '-'}`;
  }
}
customElements.define('session-probe', SessionProbe);

function twoBasemaps(id: string) {
  return validContext({
    version: 1,
    id,
    title: id,
    view: { center: [5, 45], zoom: 8 },
    basemaps: [
      { type: 'empty', id: 'aucun', title: 'Aucun' },
      { type: 'empty', id: 'blanc', title: 'Blanc' },
    ],
    layers: [],
  });
}

const shown = async (probe: SessionProbe): Promise<string> => {
  await probe.updateComplete;
  return probe.shadowRoot!.textContent!.trim();
};

describe('SessionState', () => {
  afterEach(unmountAll);

  it('gives its element the provided session and updates it at each state change', async () => {
    const { element, session } = mountInSession(new SessionProbe(), twoBasemaps('a'));
    expect(await shown(element)).to.equal('a:aucun');
    session.store.dispatch({ type: 'set-basemap', id: 'blanc' });
    expect(await shown(element)).to.equal('a:blanc');
  });

  it('follows another session when the provider changes, and no longer the old one', async () => {
    const { element, session, provider } = mountInSession(new SessionProbe(), twoBasemaps('a'));
    const next = new MapSession({ context: twoBasemaps('b'), documentUrl: location.href, urlState: false });
    provider.setValue(next);
    expect(await shown(element)).to.equal('b:aucun');
    session.store.dispatch({ type: 'set-basemap', id: 'blanc' });
    expect(await shown(element)).to.equal('b:aucun');
    next.store.dispatch({ type: 'set-basemap', id: 'blanc' });
    expect(await shown(element)).to.equal('b:blanc');
  });

  it('reads the state changed while its element was away when it comes back', async () => {
    const { element, session } = mountInSession(new SessionProbe(), twoBasemaps('a'));
    expect(await shown(element)).to.equal('a:aucun');
    const parent = element.parentElement!;
    element.remove();
    session.store.dispatch({ type: 'set-basemap', id: 'blanc' });
    parent.append(element);
    expect(await shown(element)).to.equal('a:blanc');
  });
});
