import { expect } from 'chai';
import { connectAnalytics } from '../../../src/analytics/connect.js';
import type { AnalyticsEvent } from '../../../src/analytics/events.js';
import { OPT_OUT_KEY } from '../../../src/analytics/consent.js';
import { createTracker, postQuietly, type Tracker } from '../../../src/analytics/tracker.js';
import type { SearchProvider } from '../../../src/search/results.js';
import '../../../src/ui/cartable-analytics-choice.js';
import '../../../src/ui/cartable-layer-info.js';
import '../../../src/ui/cartable-search.js';
import { mount, unmountAll, validContext, waitFor } from '../support/mount.js';

/** A tracker that records what it is given. */
function recorder(): { tracker: Tracker; tracked: AnalyticsEvent[] } {
  const tracked: AnalyticsEvent[] = [];
  return {
    tracked,
    tracker: { off: undefined, pending: 0, track: (event) => void tracked.push(event), flush: () => {}, setOptedOut: () => {} },
  };
}

const CONTEXT = validContext({
  version: 1,
  id: 'essai',
  title: 'Essai',
  view: { center: [6, 45], zoom: 8 },
  layers: [
    {
      type: 'geojson',
      id: 'sites',
      title: 'Sites',
      data: { type: 'FeatureCollection', features: [] },
      style: { symbol: { marker: { shape: 'circle', radius: 5, fill: { color: '#336699' } } } },
      info: {
        metadata: 'https://catalogue.example.org/record/123',
        downloads: [{ title: 'GeoJSON', url: 'https://data.example.org/sites.geojson?apikey=secret', format: 'GeoJSON' }],
      },
    },
  ],
});

describe('usage figures in the page', () => {
  let stop: (() => void) | undefined;
  /** Links are followed without leaving the test page. */
  const stay = (event: Event): void => event.preventDefault();

  beforeEach(() => {
    localStorage.removeItem(OPT_OUT_KEY);
    document.addEventListener('click', stay, true);
  });

  afterEach(() => {
    stop?.();
    stop = undefined;
    document.removeEventListener('click', stay, true);
    localStorage.removeItem(OPT_OUT_KEY);
    unmountAll();
  });

  it('the choice says what is measured and switches the figures off and on, remembered on the device', async () => {
    const choice = mount(document.createElement('cartable-analytics-choice'), '');
    const choices: boolean[] = [];
    choice.addEventListener('cartable-analytics-choice', (e) => choices.push(e.detail.enabled));
    await choice.updateComplete;
    const root = choice.shadowRoot!;
    const button = root.querySelector('button')!;
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('sans cookie ni identifiant');
    expect(button.textContent!.trim()).to.equal('Statistiques de visite : désactiver');
    expect(root.querySelector('details')!.textContent).to.contain('jamais le texte');
    button.click();
    await choice.updateComplete;
    expect(localStorage.getItem(OPT_OUT_KEY)).to.equal('1');
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('désactivées sur cet appareil');
    expect(root.querySelector('button')!.textContent!.trim()).to.equal('Statistiques de visite : réactiver');
    root.querySelector('button')!.click();
    await choice.updateComplete;
    expect(localStorage.getItem(OPT_OUT_KEY)).to.equal(null);
    expect(choices).to.deep.equal([false, true]);
  });

  it('a tracker connected to the document stops when the person opts out in the page', () => {
    const sent: string[] = [];
    const tracker = createTracker({
      config: { type: 'endpoint', url: 'http://127.0.0.1:9/collect', restrictedMaps: false },
      siteUrl: location.href,
      storage: localStorage,
      send: (_url, body) => sent.push(body),
    });
    stop = connectAnalytics({ target: document, tracker, embedding: { embedded: false, referrer: '' } });
    const choice = mount(document.createElement('cartable-analytics-choice'), '');
    choice.dispatchEvent(new CustomEvent('cartable-analytics-choice', { detail: { enabled: false }, bubbles: true, composed: true }));
    tracker.track({ type: 'catalog-opened' });
    tracker.flush();
    expect(tracker.off).to.equal('opted-out');
    expect(sent).to.deep.equal([]);
  });

  it('the layer information says which metadata record and download were followed', async () => {
    const { tracker, tracked } = recorder();
    stop = connectAnalytics({ target: document, tracker, embedding: { embedded: false, referrer: '' } });
    document.dispatchEvent(new CustomEvent('cartable-page', { detail: { page: 'map', context: CONTEXT } }));
    const info = mount(document.createElement('cartable-layer-info'), '');
    info.layer = CONTEXT.layers[0];
    await info.show();
    const links = [...info.shadowRoot!.querySelectorAll('a')];
    links.find((a) => a.textContent === 'Fiche de métadonnées')!.click();
    links.find((a) => a.textContent === 'GeoJSON')!.click();
    info.close();
    expect(tracked).to.deep.equal([
      { type: 'map-opened', map: 'essai', embedded: false },
      { type: 'metadata-followed', map: 'essai', layer: 'sites', url: 'https://catalogue.example.org/record/123' },
      { type: 'download-followed', map: 'essai', layer: 'sites', url: 'https://data.example.org/sites.geojson?apikey=secret' },
    ]);
    // The secret never leaves: the tracker cleans the URL.
    const sent: string[] = [];
    const real = createTracker({ config: { type: 'endpoint', url: 'http://127.0.0.1:9/c', restrictedMaps: false }, siteUrl: location.href, send: (_u, b) => sent.push(b) });
    real.track(tracked[2]!);
    real.flush();
    expect(JSON.parse(sent[0]!).events[0].url).to.equal('https://data.example.org/sites.geojson');
  });

  it('a search is counted when the box is left: characters and results, never the text', async () => {
    const { tracker, tracked } = recorder();
    stop = connectAnalytics({ target: document, tracker, embedding: { embedded: false, referrer: '' } });
    const provider: SearchProvider = {
      local: async (query) => [
        { id: 'g', title: 'Sites', total: 2, results: [1, 2].map((n) => ({ key: `${n}`, label: `${query} ${n}`, target: { kind: 'place', point: [6, 45], zoom: 10 } as const })) },
      ],
    };
    const box = mount(document.createElement('cartable-search'), '');
    box.provider = provider;
    const after = mount(document.createElement('button'), '');
    await box.updateComplete;
    const input = box.shadowRoot!.querySelector('input')!;
    input.focus();
    input.value = 'Meije';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitFor(() => box.shadowRoot!.querySelectorAll('[role="option"]').length === 2);
    after.focus();
    expect(tracked).to.deep.equal([{ type: 'search-used', chars: 5, results: 2 }]);
    expect(JSON.stringify(tracked)).not.to.contain('Meije');
  });

  it('sending to an unreachable collector neither throws nor rejects', async () => {
    // Each request's promise, and whether a rejection handler was attached to it (no unhandled rejection can follow).
    const sent: Array<{ request: Promise<Response>; handled: boolean }> = [];
    const realFetch = window.fetch;
    window.fetch = (...args: Parameters<typeof fetch>): Promise<Response> => {
      const request = realFetch(...args);
      const entry = { request, handled: false };
      const then = request.then.bind(request);
      request.then = ((onFulfilled, onRejected) => {
        if (onRejected) entry.handled = true;
        return then(onFulfilled, onRejected);
      }) as typeof request.then;
      sent.push(entry);
      return request;
    };
    try {
      expect(() => postQuietly('http://127.0.0.1:9/collect', '{"events":[]}')).not.to.throw();
      expect(() => postQuietly('not a url', 'x')).not.to.throw();
    } finally {
      window.fetch = realFetch;
    }
    expect(sent.map((s) => s.handled)).to.deep.equal([true, true]);
    const outcomes = await Promise.allSettled(sent.map((s) => s.request));
    expect(outcomes[0]!.status).to.equal('rejected', 'nothing listens on port 9');
  });
});
