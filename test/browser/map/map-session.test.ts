import { expect } from 'chai';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { sessionContext } from '../../../src/session/context.js';
import type { MapSession } from '../../../src/session/map-session.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';

const context = () =>
  validContext({
    version: 1,
    id: 'session',
    title: 'Session',
    view: { center: [3.5, 47], zoom: 6 },
    layers: [
      {
        type: 'geojson',
        id: 'places',
        title: 'Lieux',
        data: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [2.35, 48.85] }, properties: { code: 'P' } }] },
        idField: 'code',
        fields: [{ name: 'code' }],
        table: { columns: ['code'] },
        style: { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#ff0000' } } } },
      },
    ],
  });

/** An element inside the map view that reads the session through @lit/context, as its children may. */
class SessionReader extends LitElement {
  readonly consumer = new ContextConsumer(this, { context: sessionContext, subscribe: true });
}
customElements.define('test-session-reader', SessionReader);

async function open(): Promise<CartableMapView> {
  const view = mount(new CartableMapView(), 'display:grid;width:900px;height:600px');
  const rendered = nextEvent(view, 'cartable-map-rendered');
  view.context = context();
  await rendered;
  return view;
}

describe('the map session of a map view', () => {
  const before = location.href;
  afterEach(() => {
    unmountAll();
    history.replaceState(null, '', before);
  });

  it('writes the record and the table to the page URL from its state', async () => {
    history.replaceState(null, '', `${location.pathname}?keep=1`);
    const view = await open();
    expect(await view.showFeature({ layerId: 'places', featureId: 'P' })).to.equal(true);
    expect(new URL(location.href).searchParams.get('feature')).to.equal('places~P');
    expect(view.store!.state.selection).to.deep.equal({ layerId: 'places', featureId: 'P' });
    await view.openTable('places');
    expect(view.store!.state.table?.layerId).to.equal('places');
    expect(new URL(location.href).searchParams.get('table')).to.equal('places');
    view.closeTable();
    view.closeRecord();
    const url = new URL(location.href);
    expect([url.searchParams.get('table'), url.searchParams.get('feature'), url.searchParams.get('keep')]).to.deep.equal([null, null, '1']);
  });

  it('keeps which panel is open in its state', async () => {
    const view = await open();
    const toggle = view.shadowRoot!.querySelector('cartable-map-header')!.shadowRoot!.querySelector<HTMLButtonElement>('.panel-toggle')!;
    const before = view.store!.state.panel;
    toggle.click();
    await view.updateComplete;
    expect(view.store!.state.panel).to.equal(!before);
    expect(view.shadowRoot!.querySelector('aside')!.hidden).to.equal(before);
  });

  it('hands the session to the elements inside it, and a new one when the document changes', async () => {
    const view = await open();
    const reader = new SessionReader();
    view.shadowRoot!.append(reader);
    await waitFor(() => reader.consumer.value !== undefined);
    const first = reader.consumer.value as MapSession;
    expect(first).to.equal(view.session);
    const rendered = nextEvent(view, 'cartable-map-rendered');
    view.context = context();
    await rendered;
    expect(first.signal.aborted).to.equal(true);
    expect(reader.consumer.value).to.equal(view.session);
    expect(reader.consumer.value).not.to.equal(first);
  });

  it('closes its session when the view leaves the page: nothing is written after', async () => {
    history.replaceState(null, '', `${location.pathname}?keep=1`);
    const view = await open();
    const session = view.session!;
    unmountAll();
    expect(session.signal.aborted).to.equal(true);
    expect(session.adapter).to.equal(undefined);
    session.store.dispatch({ type: 'set-selection', selection: { layerId: 'places', featureId: 'P' } });
    expect(location.search).to.equal('?keep=1');
  });
});
