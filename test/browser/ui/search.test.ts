import { expect } from 'chai';
import { createRequester } from '../../../src/net/requester.js';
import { createMapSearch } from '../../../src/search/map-search.js';
import type { SearchGroup, SearchProvider } from '../../../src/search/results.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { CartableSearch } from '../../../src/ui/cartable-search.js';
import '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-search.js';
import { drainMicrotasks } from '../../support/manual-clock.js';
import { installFakeTimers } from '../support/fake-timers.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';

const PLACES = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [4.39, 45.43] }, properties: { code: 'SE', nom: 'Saint-Étienne' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [4.72, 43.78] }, properties: { code: 'SG', nom: 'Saint-Étienne-du-Grès' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [5.72, 45.18] }, properties: { code: 'GR', nom: 'Grenoble' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [2.35, 48.86] }, properties: { code: 'PA', nom: 'Paris' } },
  ],
};

function context({ geocoder = false } = {}) {
  return validContext({
    version: 1,
    id: 'essai',
    title: 'Essai',
    view: { center: [3.5, 46.5], zoom: 5 },
    search: { geocoder },
    layers: [
      {
        type: 'geojson',
        id: 'villes',
        title: 'Villes',
        data: PLACES,
        idField: 'code',
        fields: [{ name: 'code' }, { name: 'nom' }],
        search: { fields: ['nom'] },
        popup: { title: '{{nom}}' },
        style: { symbol: { marker: { shape: 'circle', radius: 6, fill: { color: '#c00' } } } },
      },
    ],
  });
}

/** A provider answering from a fixed list, for the element alone. */
function fixedProvider(groups: SearchGroup[]): SearchProvider & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async local(query) {
      asked.push(query);
      return groups;
    },
  };
}

const GROUPS: SearchGroup[] = [
  {
    id: 'villes',
    title: 'Villes',
    total: 12,
    results: [
      { key: 'a', label: 'Saint-Étienne', target: { kind: 'feature', layerId: 'villes', featureId: 'SE' } },
      { key: 'b', label: 'Saint-Étienne-du-Grès', target: { kind: 'feature', layerId: 'villes', featureId: 'SG' } },
    ],
  },
  { id: 'geocoder', title: 'Adresses', total: 1, results: [{ key: 'c', label: '<b>Rue</b> de Saint-Étienne', target: { kind: 'place', point: [4, 45], zoom: 16 } }] },
];

const shadow = (element: HTMLElement) => element.shadowRoot!;
const input = (box: CartableSearch) => shadow(box).querySelector('input')!;

async function type(box: CartableSearch, text: string): Promise<void> {
  await box.updateComplete;
  const field = input(box);
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input'));
  await box.updateComplete;
}

function key(box: CartableSearch, name: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, composed: true });
  input(box).dispatchEvent(event);
  return event;
}

/** Lets the providers' answers (promises, no timers) come in, then the element draw them. */
async function settled(box: CartableSearch): Promise<void> {
  await drainMicrotasks();
  await box.updateComplete;
}

describe('cartable-search', () => {
  afterEach(unmountAll);

  it('follows the combobox pattern: role, aria-expanded, aria-controls, options in groups with counts', async () => {
    const box = mount(new CartableSearch(), 'display:block;width:320px');
    box.label = 'Rechercher';
    box.provider = fixedProvider(GROUPS);
    await box.updateComplete;
    const field = input(box);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    const listbox = shadow(box).querySelector('[role="listbox"]')!;
    expect(field.getAttribute('aria-controls')).to.equal(listbox.id);
    expect(shadow(box).querySelector(`label[for="${field.id}"]`)!.textContent).to.equal('Rechercher');

    await type(box, 'st eti');
    await settled(box);
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    const groups = [...shadow(box).querySelectorAll('[role="group"]')];
    expect(groups).to.have.length(2);
    expect(groups.map((g) => shadow(box).getElementById(g.getAttribute('aria-labelledby')!)!.textContent!.replace(/\s+/g, ' ').trim())).to.deep.equal([
      'Villes 12',
      'Adresses 1',
    ]);
    expect(shadow(box).querySelectorAll('[role="option"]')).to.have.length(3);
    expect(shadow(box).querySelector('[role="status"]')!.textContent).to.match(/13 résultat/);
  });

  it('highlights the matched parts as text, never as markup', async () => {
    const box = mount(new CartableSearch(), 'display:block;width:320px');
    box.provider = fixedProvider(GROUPS);
    await type(box, 'st eti');
    await settled(box);
    const options = [...shadow(box).querySelectorAll('[role="option"]')];
    expect([...options[0]!.querySelectorAll('mark')].map((m) => m.textContent)).to.deep.equal(['Saint', 'Éti']);
    // A label holding markup is shown as its characters.
    expect(options[2]!.querySelector('.label')!.textContent).to.equal('<b>Rue</b> de Saint-Étienne');
    expect(options[2]!.querySelector('b')).to.equal(null);
  });

  it('moves with the arrows, Home and End; Enter chooses; Escape closes then clears', async () => {
    const box = mount(new CartableSearch(), 'display:block;width:320px');
    box.provider = fixedProvider(GROUPS);
    await type(box, 'st eti');
    await settled(box);
    const field = input(box);
    expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(key(box, 'ArrowDown').defaultPrevented).to.equal(true);
    await box.updateComplete;
    expect(field.getAttribute('aria-activedescendant')).to.equal('option-0');
    expect(shadow(box).querySelector('#option-0')!.getAttribute('aria-selected')).to.equal('true');
    key(box, 'ArrowDown');
    await box.updateComplete;
    expect(field.getAttribute('aria-activedescendant')).to.equal('option-1');
    key(box, 'End');
    await box.updateComplete;
    expect(field.getAttribute('aria-activedescendant')).to.equal('option-2');
    key(box, 'ArrowDown'); // wraps
    await box.updateComplete;
    expect(field.getAttribute('aria-activedescendant')).to.equal('option-0');
    key(box, 'ArrowUp');
    await box.updateComplete;
    expect(field.getAttribute('aria-activedescendant')).to.equal('option-2');
    key(box, 'Home');
    await box.updateComplete;
    expect(field.getAttribute('aria-activedescendant')).to.equal('option-0');
    key(box, 'ArrowDown');
    await box.updateComplete;

    const chosen = nextEvent(box, 'cartable-search-select');
    key(box, 'Enter');
    const event = (await chosen) as CustomEvent;
    expect(event.detail.result.key).to.equal('b');
    await box.updateComplete;
    expect(field.value).to.equal('Saint-Étienne-du-Grès');
    expect(field.getAttribute('aria-expanded')).to.equal('false');

    await type(box, 'st eti');
    await settled(box);
    key(box, 'Escape');
    await box.updateComplete;
    expect(field.getAttribute('aria-expanded')).to.equal('false');
    expect(field.value).to.equal('st eti');
    key(box, 'Escape');
    await box.updateComplete;
    expect(field.value).to.equal('');
  });

  it('asks nothing under two letters and drops answers to stale queries', async () => {
    const box = mount(new CartableSearch(), 'display:block;width:320px');
    let release!: () => void;
    const slow: SearchProvider = {
      local: (query) =>
        query === 'pa'
          ? new Promise((resolve) => (release = () => resolve([{ ...GROUPS[0]!, title: 'Ancien' }])))
          : Promise.resolve([{ ...GROUPS[0]!, title: 'Récent' }]),
    };
    box.provider = slow;
    await type(box, 'p');
    await settled(box);
    expect(input(box).getAttribute('aria-expanded')).to.equal('false');
    await type(box, 'pa');
    await type(box, 'par');
    await settled(box);
    release();
    await settled(box);
    expect(shadow(box).querySelector('.group-title')!.textContent).to.contain('Récent');
  });
});

/** A memory requester: the geocoder answered from memory, every request and its signal recorded. */
function memoryRequester(answer: (url: URL) => Promise<Response>) {
  const calls: Array<{ url: URL; signal?: AbortSignal | null }> = [];
  const requester = createRequester({
    fetch: async (input, init) => {
      const url = new URL(String(input), location.href);
      calls.push({ url, signal: init?.signal });
      return answer(url);
    },
  });
  return { requester, calls };
}

const completion = (text: string) =>
  new Response(JSON.stringify({ results: [{ fulltext: `${text}, Isère`, x: 5.7, y: 45.2, kind: 'PositionOfInterest' }] }), {
    headers: { 'content-type': 'application/json' },
  });

describe('map search (worker, geocoder)', () => {
  afterEach(unmountAll);

  it('indexes run-time data in its module worker and finds features, accents and typos forgiven', async () => {
    const { requester } = memoryRequester(async () => new Response('{}'));
    const search = createMapSearch({ context: context(), requester, resolveUrl: (u) => u, language: 'fr', texts: { places: 'Lieux' } });
    try {
      const [group] = await search.local('grenble');
      expect(group!.title).to.equal('Villes');
      expect(group!.results[0]).to.deep.include({ label: 'Grenoble' });
      expect(group!.results[0]!.target).to.deep.include({ kind: 'feature', layerId: 'villes', featureId: 'GR' });
      expect(search.where, 'indexed off the main thread').to.equal('worker');
      const [etienne] = await search.local('st etienne');
      expect(etienne!.results.map((r) => r.label)).to.deep.equal(['Saint-Étienne', 'Saint-Étienne-du-Grès']);
    } finally {
      search.dispose();
    }
  });

  it('asks the geocoder once typing pauses, from 3 letters, cancelling the stale request', async () => {
    // The geocoder answers when the test says so; the debounce runs on a fake clock.
    const answers: Array<() => void> = [];
    const { requester, calls } = memoryRequester(
      (url) =>
        new Promise((resolve, reject) => {
          const call = calls.at(-1)!;
          call.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          answers.push(() => resolve(completion(url.searchParams.get('text')!)));
        }),
    );
    const search = createMapSearch({ context: context({ geocoder: true }), requester, resolveUrl: (u) => u, language: 'fr', texts: { places: 'Adresses et lieux' } });
    const box = mount(new CartableSearch(), 'display:block;width:320px');
    box.provider = search;
    box.debounce = 100;
    const clock = installFakeTimers();
    try {
      await type(box, 'gr');
      await clock.tick(60);
      await type(box, 'gre');
      await clock.tick(60);
      await type(box, 'gren');
      await clock.tick(99);
      expect(calls, 'nothing asked while typing').to.have.length(0);
      await clock.tick(1);
      await waitFor(() => calls.length === 1, 10000, 'the geocoder asked');
      expect(calls[0]!.url.searchParams.get('text')).to.equal('gren');
      expect(calls[0]!.url.hostname).to.equal('data.geopf.fr');
      // Typing again before the answer cancels it.
      await type(box, 'greno');
      expect(calls[0]!.signal!.aborted).to.equal(true);
      await clock.tick(100);
      await waitFor(() => calls.length === 2, 10000, 'the geocoder asked again');
      answers[1]!();
      const labels = () => [...shadow(box).querySelectorAll('[role="option"] .label')].map((n) => n.textContent);
      // The local answer (from the worker) and the geocoder's come in either order.
      await waitFor(() => !!shadow(box).querySelector('[role="group"][aria-labelledby="group-geocoder"]') && labels().includes('Grenoble'), 10000, 'both groups');
      expect(labels()).to.deep.equal(['Grenoble', 'greno, Isère']);
      expect(calls).to.have.length(2);
    } finally {
      clock.uninstall();
      search.dispose();
    }
  });

  it('keeps the local results and says so quietly when the geocoder fails', async () => {
    const { requester, calls } = memoryRequester(async () => new Response('boom', { status: 503 }));
    const search = createMapSearch({ context: context({ geocoder: true }), requester, resolveUrl: (u) => u, language: 'fr', texts: { places: 'Adresses' } });
    const box = mount(new CartableSearch(), 'display:block;width:320px');
    box.provider = search;
    box.debounce = 20;
    try {
      await type(box, 'paris');
      await waitFor(() => !!shadow(box).querySelector('.notice') && !!shadow(box).querySelector('[role="option"]'), 3000);
      expect(calls).to.have.length(1);
      expect([...shadow(box).querySelectorAll('[role="option"] .label')].map((n) => n.textContent)).to.deep.equal(['Paris']);
      expect(shadow(box).querySelector('.notice')!.textContent).to.match(/indisponible/);
      expect(shadow(box).querySelector('[role="status"]')!.textContent).to.match(/1 résultat.*indisponible/);
    } finally {
      search.dispose();
    }
  });
});

describe('search in the map view', () => {
  afterEach(unmountAll);

  it('shows the box, and choosing a feature calls showFeature, which opens its record', async () => {
    const view = mount(new CartableMapView(), 'display:block;width:900px;height:600px');
    const { requester } = memoryRequester(async () => new Response('{}'));
    view.requester = requester;
    view.context = context();
    await nextEvent(view, 'cartable-map-rendered');
    // Until the search code has loaded, the box holds a plain stand-in input (shown while the element is undefined).
    const box = view.shadowRoot!.querySelector('cartable-search')!;
    expect(box.querySelector('input.search-standin')).to.not.equal(null);
    // Focusing the box loads the search (the code, then the index in the worker).
    await type(box, 'grenble');
    await waitFor(() => !!box.shadowRoot?.querySelector('[role="option"]'), 8000);
    expect(box.shadowRoot!.querySelector('[role="option"] .label')!.textContent).to.equal('Grenoble');
    const calls: unknown[] = [];
    const original = view.showFeature.bind(view);
    view.showFeature = async (ref, options) => {
      calls.push(ref);
      return original(ref, options);
    };
    key(box, 'ArrowDown');
    key(box, 'Enter');
    await waitFor(() => !!view.shadowRoot!.querySelector('cartable-popup'), 5000);
    expect(calls).to.deep.equal([{ layerId: 'villes', featureId: 'GR' }]);
    await waitFor(() => view.shadowRoot!.querySelector('cartable-popup')!.shadowRoot?.textContent?.includes('Grenoble') ?? false, 5000);
  });
});
