import { expect } from 'chai';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { CartableMapHeader } from '../../../src/ui/cartable-map-header.js';
import '../../../src/ui/cartable-map-header.js';
import { useLanguage } from '../../../src/i18n/localization.js';
import type { CartableEventMap, CartableEventName } from '../../../src/ui/events.js';
import { axeViolations } from '../support/axe.js';
import { mount, unmountAll, waitFor } from '../support/mount.js';

/** The shipped maps (maps/*.json): their longest title is the header's hardest case. */
const SHIPPED = ['geosites', 'lieux-de-france', 'nature-paysage', 'sites-sensibles-agents'];
const PHONE = { width: 390, height: 844 };
const WIDE = { width: 1366, height: 768 };

async function longestTitle(language: 'fr' | 'en'): Promise<string> {
  const titles = await Promise.all(
    SHIPPED.map(async (id) => ((await (await fetch(`/maps/${id}.json`)).json()) as { title: Record<string, string> }).title[language]!),
  );
  return titles.reduce((a, b) => (b.length > a.length ? b : a));
}

/** A header as the map view shows it: every button, and a search box in its slot. */
async function header(options: Partial<Pick<CartableMapHeader, 'mapTitle' | 'language' | 'embedded' | 'fullMapHref' | 'tableOpen' | 'panelOpen' | 'communeEntry'>> = {}): Promise<CartableMapHeader> {
  const element = Object.assign(new CartableMapHeader(), { mapTitle: 'Géosites — patrimoine géologique', tableButton: true, panelButton: true, ...options });
  const search = document.createElement('input');
  search.slot = 'search';
  search.setAttribute('aria-label', 'Rechercher sur la carte');
  element.append(search);
  mount(element, 'display:block;width:100%');
  await element.updateComplete;
  await waitFor(() => element.shadowRoot!.querySelector('header') !== null);
  return element;
}

const part = <T extends Element = HTMLElement>(element: CartableMapHeader, selector: string): T => element.shadowRoot!.querySelector<T>(selector)!;
const active = (element: CartableMapHeader): Element | null => element.shadowRoot!.activeElement;

function collect<K extends CartableEventName>(element: Element, name: K): Array<CartableEventMap[K]> {
  const seen: Array<CartableEventMap[K]> = [];
  element.addEventListener(name, (e) => seen.push((e as CustomEvent<CartableEventMap[K]>).detail));
  return seen;
}

describe('cartable-map-header', () => {
  afterEach(unmountAll);
  after(async () => {
    await useLanguage('fr');
    await setViewport({ width: 800, height: 600 });
  });

  describe('on a phone (390 × 844)', () => {
    before(() => setViewport(PHONE));

    for (const language of ['fr', 'en'] as const) {
      it(`keeps one row of at most 72 px with the longest shipped title shown whole on up to two lines (${language})`, async () => {
        await useLanguage(language);
        const title = await longestTitle(language);
        const element = await header({ mapTitle: title, language });
        const row = part(element, 'header').getBoundingClientRect();
        expect(row.height, 'header height').to.be.at.most(72);
        const h1 = part(element, 'h1');
        expect(h1.textContent).to.equal(title);
        expect(h1.scrollHeight, 'the title is not cut (no ellipsis)').to.be.at.most(h1.clientHeight + 1);
        expect(h1.getBoundingClientRect().width, 'the title gets most of the row').to.be.greaterThan(PHONE.width / 2);
        // One row: every control sits within the header's height.
        for (const control of element.shadowRoot!.querySelectorAll('.back, h1, .search-open, .menu-toggle')) {
          const box = control.getBoundingClientRect();
          expect(box.top).to.be.at.least(row.top);
          expect(box.bottom).to.be.at.most(row.bottom);
        }
        expect(document.documentElement.scrollWidth, 'nothing overflows sideways').to.be.at.most(PHONE.width);
      });
    }

    it('names its icon buttons and hides the search box until its button is pressed', async () => {
      await useLanguage('fr');
      const element = await header();
      expect(part(element, 'a.back').getAttribute('aria-label')).to.equal('Catalogue');
      expect(part(element, '.search-open').getAttribute('aria-label')).to.equal('Rechercher sur la carte');
      expect(part(element, '.menu-toggle').getAttribute('aria-label')).to.equal('Plus d’actions');
      const input = element.querySelector('input')!;
      expect(input.getClientRects().length, 'the box is hidden').to.equal(0);

      part(element, '.search-open').click();
      await waitFor(() => document.activeElement === input);
      expect(element.shadowRoot!.querySelector('h1'), 'the box takes the title’s place').to.equal(null);
      expect(input.getBoundingClientRect().width).to.be.greaterThan(250);

      await sendKeys({ press: 'Escape' });
      await waitFor(() => active(element)?.classList.contains('search-open') === true);
      expect(input.getClientRects().length).to.equal(0);
    });

    it('opens the « ⋯ » menu from the keyboard, moves with the arrows and closes on Esc without letting Esc go further', async () => {
      await useLanguage('fr');
      const element = await header({ panelOpen: true });
      const outside: KeyboardEvent[] = [];
      document.addEventListener('keydown', (e) => e.key === 'Escape' && outside.push(e));
      const toggle = part<HTMLButtonElement>(element, '.menu-toggle');
      expect(toggle.getAttribute('aria-haspopup')).to.equal('menu');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await waitFor(() => toggle.getAttribute('aria-expanded') === 'true');
      const items = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
      expect(items.map((i) => `${i.getAttribute('role')}:${i.textContent!.trim()}`)).to.deep.equal([
        'menuitemcheckbox:✓Couches',
        'menuitemcheckbox:Tableau',
        'menuitem:Partager',
        'menuitemradio:✓Français',
        'menuitemradio:English',
      ]);
      await waitFor(() => active(element) === items[0]);
      expect(items[0]!.getAttribute('aria-checked')).to.equal('true');
      await sendKeys({ press: 'ArrowDown' });
      expect(active(element)).to.equal(items[1]);
      await sendKeys({ press: 'ArrowUp' });
      await sendKeys({ press: 'ArrowUp' });
      expect(active(element), 'wraps to the last item').to.equal(items[4]);
      await sendKeys({ press: 'Home' });
      expect(active(element)).to.equal(items[0]);
      await sendKeys({ press: 'End' });
      expect(active(element)).to.equal(items[4]);

      await sendKeys({ press: 'Escape' });
      await waitFor(() => toggle.getAttribute('aria-expanded') === 'false');
      expect(part(element, '.menu').hidden).to.equal(true);
      expect(active(element), 'focus back on « ⋯ »').to.equal(toggle);
      expect(outside, 'Esc closed the menu only').to.deep.equal([]);

      await sendKeys({ press: 'ArrowUp' });
      await waitFor(() => active(element) === items[4]);
    });

    it('sends the same actions as the wide buttons from its items, and closes after each', async () => {
      await useLanguage('fr');
      const element = await header();
      const panel = collect(element, 'cartable-panel-toggle');
      const table = collect(element, 'cartable-table-toggle');
      const share = collect(element, 'cartable-share-request');
      const language = collect(element, 'cartable-language');
      const choose = async (selector: string): Promise<void> => {
        part(element, '.menu-toggle').click();
        await waitFor(() => !part(element, '.menu').hidden);
        part(element, `.menu ${selector}`).click();
        await waitFor(() => part(element, '.menu').hidden);
      };
      await choose('.panel-toggle');
      await choose('.table-toggle');
      await choose('.share-toggle');
      await choose('[lang="en"]');
      expect({ panel, table, share, language }).to.deep.equal({ panel: [{ open: true }], table: [{ open: true }], share: [{}], language: [{ language: 'en' }] });
    });

    it('closes the menu on a press outside it', async () => {
      const element = await header();
      part(element, '.menu-toggle').click();
      await waitFor(() => !part(element, '.menu').hidden);
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
      await waitFor(() => part(element, '.menu').hidden);
    });

    it('offers the full map in the menu of an embed, with no back link, sharing or language', async () => {
      const element = await header({ embedded: true, fullMapHref: 'https://example.org/carte' });
      expect(element.shadowRoot!.querySelector('.back')).to.equal(null);
      const items = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[role^="menuitem"]')].map((i) => i.className);
      expect(items).to.deep.equal(['panel-toggle', 'table-toggle', 'full-map']);
    });

    it('is accessible (axe) with its menu open, FR and EN', async () => {
      for (const language of ['fr', 'en'] as const) {
        await useLanguage(language);
        const element = await header({ language });
        part(element, '.menu-toggle').click();
        await waitFor(() => !part(element, '.menu').hidden);
        expect(await axeViolations(element)).to.deep.equal([]);
        unmountAll();
      }
    });
  });

  describe('on a wide screen (1366 × 768)', () => {
    before(() => setViewport(WIDE));

    it('shows every item inline on one row, as before: Catalogue, title, search, Tableau, Couches, Partager, FR/EN', async () => {
      await useLanguage('fr');
      const element = await header({ mapTitle: await longestTitle('en'), tableOpen: true });
      const row = part(element, 'header').getBoundingClientRect();
      expect(row.height).to.be.at.most(56);
      expect(part(element, 'a.back').textContent!.replace(/\s+/g, '')).to.equal('←Catalogue');
      expect(part(element, '.table-toggle').getAttribute('aria-pressed')).to.equal('true');
      expect(part(element, '.panel-toggle').getAttribute('aria-expanded')).to.equal('false');
      expect(part(element, '.share-toggle').textContent!.trim()).to.equal('Partager');
      expect(element.shadowRoot!.querySelector('cartable-language-switch')).to.not.equal(null);
      expect(element.shadowRoot!.querySelector('.menu-toggle'), 'no menu').to.equal(null);
      expect(element.querySelector('input')!.getClientRects().length, 'the search box shows').to.equal(1);
      const h1 = part(element, 'h1');
      expect(h1.scrollHeight, 'the title is whole').to.be.at.most(h1.clientHeight + 1);
    });

    it('sends table, panel, share and language actions from its buttons', async () => {
      const element = await header({ panelOpen: true });
      const panel = collect(element, 'cartable-panel-toggle');
      const table = collect(element, 'cartable-table-toggle');
      const share = collect(element, 'cartable-share-request');
      const language = collect(element, 'cartable-language');
      part(element, '.panel-toggle').click();
      part(element, '.table-toggle').click();
      part(element, '.share-toggle').click();
      part(element, 'cartable-language-switch').shadowRoot!.querySelector<HTMLButtonElement>('button[lang="en"]')!.click();
      expect({ panel, table, share, language }).to.deep.equal({ panel: [{ open: false }], table: [{ open: true }], share: [{}], language: [{ language: 'en' }] });
    });

    it('shows the full-map link in an embed instead of sharing and the language', async () => {
      const element = await header({ embedded: true, fullMapHref: 'https://example.org/carte' });
      expect(element.shadowRoot!.querySelector('.back, .share-toggle, cartable-language-switch')).to.equal(null);
      expect(part<HTMLAnchorElement>(element, 'a.full-map').href).to.equal('https://example.org/carte');
    });

    it('is accessible (axe)', async () => {
      await useLanguage('en');
      const element = await header({ language: 'en' });
      expect(await axeViolations(element)).to.deep.equal([]);
    });
  });

  describe('with a commune entry (« Géosites de ma commune »)', () => {
    const ENTRY = { fr: 'Géosites de ma commune', en: 'Geosites in my commune' } as const;

    for (const language of ['fr', 'en'] as const) {
      it(`on a wide screen, shows it on the one row with the longest title whole, and asks for the report on « Une commune » (${language})`, async () => {
        await setViewport(WIDE);
        await useLanguage(language);
        const element = await header({ mapTitle: await longestTitle(language), language, communeEntry: ENTRY[language] });
        const row = part(element, 'header').getBoundingClientRect();
        expect(row.height).to.be.at.most(56);
        const entry = part<HTMLButtonElement>(element, 'button.commune-entry');
        expect(entry.textContent!.trim()).to.equal(ENTRY[language]);
        for (const control of element.shadowRoot!.querySelectorAll('.back, h1, .search, .commune-entry, .table-toggle, .panel-toggle, .share-toggle, cartable-language-switch')) {
          const box = control.getBoundingClientRect();
          expect(box.top, control.className).to.be.at.least(row.top);
          expect(box.bottom, control.className).to.be.at.most(row.bottom);
          expect(box.right, control.className).to.be.at.most(row.right);
        }
        expect(entry.scrollWidth, 'the entry’s text is whole').to.be.at.most(entry.clientWidth + 1);
        const h1 = part(element, 'h1');
        expect(h1.scrollHeight, 'the title is whole').to.be.at.most(h1.clientHeight + 1);
        expect(document.documentElement.scrollWidth, 'nothing overflows sideways').to.be.at.most(WIDE.width);
        const asked = collect(element, 'cartable-report-open');
        entry.click();
        expect(asked).to.deep.equal([{ mode: 'commune' }]);
        expect(await axeViolations(element)).to.deep.equal([]);
      });

      it(`on a phone, puts it first in the « ⋯ » menu, keeps one row, and asks for the report on « Une commune » (${language})`, async () => {
        await setViewport(PHONE);
        await useLanguage(language);
        const element = await header({ mapTitle: await longestTitle(language), language, communeEntry: ENTRY[language] });
        expect(part(element, 'header').getBoundingClientRect().height).to.be.at.most(72);
        expect(element.shadowRoot!.querySelector('header > .commune-entry'), 'not on the row').to.equal(null);
        part(element, '.menu-toggle').click();
        await waitFor(() => !part(element, '.menu').hidden);
        const items = [...element.shadowRoot!.querySelectorAll<HTMLElement>('[role^="menuitem"]')];
        expect(`${items[0]!.getAttribute('role')}:${items[0]!.textContent!.trim()}`).to.equal(`menuitem:${ENTRY[language]}`);
        expect(await axeViolations(element)).to.deep.equal([]);
        const asked = collect(element, 'cartable-report-open');
        items[0]!.click();
        await waitFor(() => part(element, '.menu').hidden);
        expect(asked).to.deep.equal([{ mode: 'commune' }]);
        expect(active(element), 'focus back on « ⋯ » (the report then takes it)').to.equal(part(element, '.menu-toggle'));
      });
    }

    it('shows no entry when the map has none', async () => {
      await setViewport(WIDE);
      const element = await header();
      expect(element.shadowRoot!.querySelector('.commune-entry')).to.equal(null);
    });
  });
});
