/**
 * « Une commune »'s picker alone, over a small fake commune source: the ARIA 1.2 combobox (label, listbox,
 * aria-expanded / aria-activedescendant, the count announced), the keyboard (arrows, Home/End, Enter,
 * Escape closes the list only), the pause before asking and the abort of an older text's request, the
 * outline fetched for the commune picked, and each failure said in the picker.
 */
import { expect } from 'chai';
import { CommuneNotFoundError, type CommuneOutline, type CommuneSource, type CommuneSuggestion, type SuggestOptions } from '../../../src/communes/types.js';
import { RequestError } from '../../../src/net/requester.js';
import { CartableCommunePicker } from '../../../src/ui/report/cartable-commune-picker.js';
import { drainMicrotasks } from '../../support/manual-clock.js';
import { installFakeTimers, type FakeTimers } from '../support/fake-timers.js';
import { mount, nextEvent, unmountAll, waitFor } from '../support/mount.js';

const COMMUNES: CommuneSuggestion[] = [
  { name: "Le Bourg-d'Oisans", code: '38052', department: '38', population: 3300 },
  { name: 'Bourg-Lastic', code: '63047', department: '63' },
  { name: 'Bourgoin-Jallieu', code: '38053', department: '38', population: 29000 },
];
const SQUARE: CommuneOutline['geometry'] = { type: 'Polygon', coordinates: [[[6, 45], [6.1, 45], [6.1, 45.1], [6, 45.1], [6, 45]]] };

interface FakeSource extends CommuneSource {
  /** Each suggest call: its text and options. */
  readonly asked: Array<{ text: string; options?: SuggestOptions }>;
  readonly outlines: string[];
}

/** Suggests the communes whose name holds the text (in the list's order); `fail` makes a call reject. */
function fakeSource(fail: { suggest?: unknown; outline?: unknown } = {}): FakeSource {
  const asked: FakeSource['asked'] = [];
  const outlines: string[] = [];
  return {
    asked,
    outlines,
    async suggest(text, options) {
      asked.push({ text, options });
      if (fail.suggest) throw fail.suggest;
      const folded = text.toLowerCase();
      return COMMUNES.filter((c) => c.name.toLowerCase().includes(folded) || c.code.startsWith(text));
    },
    async outline(code) {
      outlines.push(code);
      if (fail.outline) throw fail.outline;
      return { commune: COMMUNES.find((c) => c.code === code)!, geometry: SQUARE };
    },
  };
}

const root = (picker: CartableCommunePicker) => picker.shadowRoot!;
const input = (picker: CartableCommunePicker) => root(picker).querySelector('input')!;
const options = (picker: CartableCommunePicker) => [...root(picker).querySelectorAll('[role="option"]')].map((o) => o.textContent!.trim());
const problem = (picker: CartableCommunePicker) => root(picker).querySelector('.problem[role="alert"]')?.textContent?.trim() ?? '';

async function type(picker: CartableCommunePicker, text: string): Promise<void> {
  await picker.updateComplete;
  const field = input(picker);
  field.focus();
  field.value = text;
  field.dispatchEvent(new Event('input'));
  await picker.updateComplete;
}

function key(picker: CartableCommunePicker, name: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, composed: true });
  input(picker).dispatchEvent(event);
  return event;
}

/** The source's answers (promises) come in, then the picker draws them. */
async function settled(picker: CartableCommunePicker): Promise<void> {
  await drainMicrotasks();
  await picker.updateComplete;
}

/** A picker asking at once (no pause), mounted with a source. */
async function picker(source: CommuneSource = fakeSource()): Promise<CartableCommunePicker> {
  const element = mount(new CartableCommunePicker(), 'display:block;width:360px');
  element.debounce = 0;
  element.source = source;
  await element.updateComplete;
  return element;
}

/** Types, waits for the source to be asked (after the zero pause), then for its answer to be drawn. */
async function typeAndWait(element: CartableCommunePicker, source: FakeSource, text: string): Promise<void> {
  const before = source.asked.length;
  await type(element, text);
  await waitFor(() => source.asked.length > before, 10_000, `the source asked for « ${text} »`);
  await settled(element);
}

describe('cartable-commune-picker', () => {
  afterEach(unmountAll);

  it('is a labelled combobox whose listbox shows « Nom (38) » in the source’s order, the count announced', async () => {
    const source = fakeSource();
    const element = await picker(source);
    const field = input(element);
    expect(field.getAttribute('role')).to.equal('combobox');
    expect(field.getAttribute('aria-autocomplete')).to.equal('list');
    expect(root(element).querySelector(`label[for="${field.id}"]`)!.textContent).to.equal('Nom ou code INSEE de la commune');
    const listbox = root(element).querySelector('[role="listbox"]')!;
    expect(field.getAttribute('aria-controls')).to.equal(listbox.id);
    expect(listbox.getAttribute('aria-label')).to.equal('Communes proposées');
    expect(field.getAttribute('aria-expanded')).to.equal('false');

    await type(element, 'b');
    expect(source.asked, 'one character: nothing asked').to.deep.equal([]);
    await typeAndWait(element, source, 'bourg');
    expect(source.asked.map((a) => a.text)).to.deep.equal(['bourg']);
    expect(source.asked[0]!.options?.limit).to.equal(8);
    expect(field.getAttribute('aria-expanded')).to.equal('true');
    expect(options(element)).to.deep.equal(["Le Bourg-d'Oisans (38)", 'Bourg-Lastic (63)', 'Bourgoin-Jallieu (38)']);
    expect(root(element).querySelector('[role="status"]')!.textContent).to.equal('3 commune(s) proposée(s)');
    // Two digits are enough too (an INSEE code).
    await typeAndWait(element, source, '38');
    expect(source.asked.map((a) => a.text)).to.deep.equal(['bourg', '38']);
  });

  it('passes the map’s territory to the source', async () => {
    const source = fakeSource();
    const element = await picker(source);
    element.territory = [5.8, 44.6, 6.7, 45.2];
    await typeAndWait(element, source, 'oisans');
    expect(source.asked[0]!.options?.territory).to.deep.equal([5.8, 44.6, 6.7, 45.2]);
  });

  it('moves with the arrows, Home and End; Enter picks and fetches the outline; Escape closes the list only', async () => {
    const source = fakeSource();
    const element = await picker(source);
    const heard: string[] = [];
    const onParent = (e: Event) => heard.push((e as KeyboardEvent).key);
    document.body.addEventListener('keydown', onParent);
    try {
      await typeAndWait(element, source, 'bourg');
      const field = input(element);
      expect(field.hasAttribute('aria-activedescendant')).to.equal(false);
      expect(key(element, 'ArrowDown').defaultPrevented).to.equal(true);
      await element.updateComplete;
      expect(field.getAttribute('aria-activedescendant')).to.equal('commune-0');
      expect(root(element).querySelector('#commune-0')!.getAttribute('aria-selected')).to.equal('true');
      key(element, 'End');
      await element.updateComplete;
      expect(field.getAttribute('aria-activedescendant')).to.equal('commune-2');
      key(element, 'ArrowDown'); // wraps
      await element.updateComplete;
      expect(field.getAttribute('aria-activedescendant')).to.equal('commune-0');
      key(element, 'ArrowUp');
      await element.updateComplete;
      expect(field.getAttribute('aria-activedescendant')).to.equal('commune-2');
      key(element, 'Home');
      await element.updateComplete;
      expect(field.getAttribute('aria-activedescendant')).to.equal('commune-0');

      // Escape closes the list, keeps the text, and goes no further (the report panel stays open).
      const escape = key(element, 'Escape');
      await element.updateComplete;
      expect(escape.defaultPrevented).to.equal(true);
      expect(field.getAttribute('aria-expanded')).to.equal('false');
      expect(field.value).to.equal('bourg');
      expect(heard).to.not.include('Escape');
      // The list closed, Escape is the panel's.
      key(element, 'Escape');
      expect(heard).to.include('Escape');

      key(element, 'ArrowDown'); // reopens on the first
      await element.updateComplete;
      expect(field.getAttribute('aria-expanded')).to.equal('true');
      const picked = nextEvent(element, 'cartable-commune-pick');
      expect(key(element, 'Enter').defaultPrevented).to.equal(true);
      const { detail } = (await picked) as CustomEvent<{ outline: CommuneOutline }>;
      expect(source.outlines).to.deep.equal(['38052']);
      expect(detail.outline.commune.code).to.equal('38052');
      expect(detail.outline.geometry).to.deep.equal(SQUARE);
      await element.updateComplete;
      expect(field.value).to.equal("Le Bourg-d'Oisans (38)");
      expect(field.getAttribute('aria-expanded')).to.equal('false');
    } finally {
      document.body.removeEventListener('keydown', onParent);
    }
  });

  it('picks with a click on a suggestion', async () => {
    const source = fakeSource();
    const element = await picker(source);
    await typeAndWait(element, source, 'bourg');
    const picked = nextEvent(element, 'cartable-commune-pick');
    (root(element).querySelectorAll('[role="option"]')[2] as HTMLElement).click();
    const { detail } = (await picked) as CustomEvent<{ outline: CommuneOutline }>;
    expect(detail.outline.commune.name).to.equal('Bourgoin-Jallieu');
  });

  it('says when no commune matches', async () => {
    const source = fakeSource();
    const element = await picker(source);
    await typeAndWait(element, source, 'zzz');
    expect(input(element).getAttribute('aria-expanded')).to.equal('true');
    expect(options(element)).to.deep.equal([]);
    expect(root(element).querySelector('.empty')!.textContent!.trim()).to.equal('Aucune commune ne correspond à « zzz »');
    expect(root(element).querySelector('[role="status"]')!.textContent).to.equal('Aucune commune ne correspond à « zzz »');
  });

  describe('with the real pause', () => {
    let clock: FakeTimers;
    beforeEach(() => (clock = installFakeTimers()));
    afterEach(() => clock.uninstall());

    it('asks after 250 ms of quiet typing, and aborts the request of an older text', async () => {
      const signals: AbortSignal[] = [];
      let answer!: (found: CommuneSuggestion[]) => void;
      const source: CommuneSource = {
        suggest: (text, options) => {
          signals.push(options!.signal!);
          return text === 'bour' ? new Promise((resolve) => (answer = resolve)) : Promise.resolve([COMMUNES[2]!]);
        },
        outline: () => Promise.reject(new Error('not asked')),
      };
      const element = mount(new CartableCommunePicker(), 'display:block;width:360px');
      element.source = source;
      await type(element, 'bo');
      await clock.tick(200);
      await type(element, 'bou');
      await clock.tick(200);
      await type(element, 'bour');
      await clock.tick(249);
      expect(signals, 'nothing asked while typing').to.have.length(0);
      await clock.tick(1);
      expect(signals).to.have.length(1);
      await type(element, 'bourgo');
      expect(signals[0]!.aborted, 'the older text’s request is aborted').to.equal(true);
      await clock.tick(250);
      await settled(element);
      answer([COMMUNES[0]!]); // The older answer comes late: it is not shown.
      await settled(element);
      expect(options(element)).to.deep.equal(['Bourgoin-Jallieu (38)']);
    });
  });

  it('looks up what was typed before the source came', async () => {
    const element = mount(new CartableCommunePicker(), 'display:block;width:360px');
    element.debounce = 0;
    await type(element, 'oisans');
    const source = fakeSource();
    element.source = source;
    await waitFor(() => source.asked.length > 0, 10_000, 'the source asked');
    await settled(element);
    expect(source.asked.map((a) => a.text)).to.deep.equal(['oisans']);
    expect(options(element)).to.deep.equal(["Le Bourg-d'Oisans (38)"]);
  });

  const failures: Array<[string, unknown, string]> = [
    ['no answer', new RequestError({ kind: 'timeout', url: 'https://data.geopf.fr/wfs/ows', message: 'timeout' }), 'Le service des communes ne répond pas. Réessayez dans un moment.'],
    ['a service error', new RequestError({ kind: 'http', status: 500, url: 'https://data.geopf.fr/wfs/ows', message: 'HTTP 500' }), 'Le service des communes a répondu par une erreur. Réessayez dans un moment.'],
    ['offline', new RequestError({ kind: 'offline', url: 'https://data.geopf.fr/wfs/ows', message: 'offline' }), 'Hors ligne : le service des communes est injoignable.'],
  ];
  for (const [what, error, text] of failures) {
    it(`says ${what} of the suggestions in the picker, in its own words`, async () => {
      const source = fakeSource({ suggest: error });
      const element = await picker(source);
      await typeAndWait(element, source, 'bourg');
      expect(problem(element)).to.equal(text);
      expect(input(element).getAttribute('aria-expanded')).to.equal('false');
      expect(root(element).textContent).to.not.match(/HTTP 500|timeout/);
    });
  }

  it('says when the outline is not found, and hands nothing over', async () => {
    const source = fakeSource({ outline: new CommuneNotFoundError('38052') });
    const element = await picker(source);
    let picked = 0;
    element.addEventListener('cartable-commune-pick', () => picked++);
    await typeAndWait(element, source, 'oisans');
    key(element, 'Enter');
    await waitFor(() => problem(element) !== '', 10_000, 'the failure said');
    expect(problem(element)).to.equal("Le contour de Le Bourg-d'Oisans (38052) est introuvable dans le service des communes.");
    expect(picked).to.equal(0);
    // Typing again clears the message.
    await typeAndWait(element, source, 'bourg');
    expect(problem(element)).to.equal('');
  });

  it('says when the search of communes could not be loaded', async () => {
    const element = mount(new CartableCommunePicker(), 'display:block;width:360px');
    element.unavailable = 'La recherche des communes n’a pas pu être chargée. Rechargez la page pour réessayer.';
    await type(element, 'bourg');
    expect(problem(element)).to.equal('La recherche des communes n’a pas pu être chargée. Rechargez la page pour réessayer.');
  });
});
