/**
 * One token, set once on the page's :root, themes every element: the catalog, the map's header, a
 * dialog, the table. Each token changed on the root shows in every shadow part drawn with it, and
 * nothing keeps the old colour (no copy of it hard-coded anywhere).
 */
import { expect } from 'chai';
import { createRequester } from '../../../src/net/requester.js';
import type { Column } from '../../../src/table/columns.js';
import { makeRow } from '../../../src/table/rows.js';
import { EMPTY_QUERY } from '../../../src/table/query.js';
import { parseColour } from '../../../src/theme/contrast.js';
import { DEFAULT_TOKENS, TOKEN_NAMES, type TokenName } from '../../../src/theme/tokens.js';
import { CartableApp } from '../../../src/ui/cartable-app.js';
import '../../../src/ui/cartable-app.js';
import { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import '../../../src/ui/cartable-map-view.js';
import { CartableTable } from '../../../src/ui/cartable-table.js';
import '../../../src/ui/cartable-table.js';
import { mount, nextEvent, unmountAll, validContext, waitFor } from '../support/mount.js';
import { setPageTokens } from '../support/page-tokens.js';

const ROOT = 'https://cartes.example.org/cartes/';
const PROPERTIES = ['color', 'backgroundColor', 'borderTopColor', 'borderRightColor', 'borderBottomColor', 'borderLeftColor', 'outlineColor', 'accentColor'] as const;

/** Every element under `hosts`, through every shadow root. */
function everyElement(hosts: readonly Element[]): Element[] {
  const found: Element[] = [];
  const visit = (element: Element): void => {
    found.push(element);
    if (element.shadowRoot) for (const child of element.shadowRoot.querySelectorAll('*')) visit(child);
  };
  for (const host of hosts) {
    visit(host);
    for (const child of host.querySelectorAll('*')) visit(child);
  }
  return found;
}

/** Where a colour is drawn: the element, its property, and the element whose shadow root holds it. */
function paintedWith(hosts: readonly Element[], rgb: string): Array<{ element: Element; property: string; host: string }> {
  return everyElement(hosts).flatMap((element) => {
    const style = getComputedStyle(element);
    const host = (element.getRootNode() as ShadowRoot).host?.localName ?? element.localName;
    return PROPERTIES.filter((p) => style[p] === rgb).map((property) => ({ element, property, host }));
  });
}

/** The colour a CSS value computes to (#rrggbb → rgb(…)). */
function computed(value: string): string {
  const probe = document.createElement('i');
  probe.style.color = value;
  document.documentElement.append(probe);
  const rgb = getComputedStyle(probe).color;
  probe.remove();
  return rgb;
}

async function showCatalog(): Promise<Element> {
  const maps = [{ id: 'geo', title: 'Géosites', tags: ['Géologie'], layers: [], document: 'maps/geo.json', page: 'maps/geo.html', online: false, validated: false }];
  const requester = createRequester({
    fetch: async (input) => (String(input) === `${ROOT}catalog.json` ? new Response(JSON.stringify({ version: 1, maps })) : new Response('', { status: 404 })),
  });
  const app = mount(Object.assign(new CartableApp(), { root: ROOT, requester, route: { kind: 'catalog' } }), 'display:block;width:900px;height:500px');
  await waitFor(() => !!app.shadowRoot?.querySelector('cartable-catalog')?.shadowRoot?.querySelector('h2'), 30_000, 'the catalog');
  return app;
}

async function showMapWithShareDialog(): Promise<CartableMapView> {
  const view = mount(new CartableMapView(), 'display:grid;width:1000px;height:640px');
  const rendered = nextEvent(view, 'cartable-map-rendered', 90_000);
  view.urlState = false;
  view.startUrl = `${location.origin}/maps/jetons.html`;
  view.context = validContext({
    version: 1,
    id: 'jetons',
    title: 'Carte des jetons',
    view: { center: [3.5, 47], zoom: 6 },
    layers: [{ type: 'geojson', id: 'lieux', title: 'Lieux', data: { type: 'FeatureCollection', features: [] }, style: { symbol: { fill: { color: '#ff0000' } } } }],
  });
  await rendered;
  const header = view.shadowRoot!.querySelector('cartable-map-header')!.shadowRoot!;
  header.querySelector<HTMLButtonElement>('button.share-toggle')!.click();
  await waitFor(() => !!view.shadowRoot!.querySelector('cartable-share')?.shadowRoot?.querySelector('dialog[open]'), 30_000, 'the share dialog');
  return view;
}

async function showTable(): Promise<CartableTable> {
  const columns: Column[] = [{ field: 'nom', label: 'Nom', type: 'text', numeric: false }];
  const table = mount(new CartableTable(), 'display:flex;width:600px;height:300px');
  Object.assign(table, { columns, rows: [0, 1, 2].map((i) => makeRow(i, { nom: `Lieu ${i}` }, columns)), query: EMPTY_QUERY, heading: 'Lieux', selectedId: 1 });
  await table.updateComplete;
  await waitFor(() => table.shadowRoot!.querySelectorAll('.row').length === 3, 10_000, 'the rows');
  return table;
}

describe('design tokens', () => {
  let hosts: Element[] = [];
  before(async () => {
    hosts = [await showCatalog(), await showMapWithShareDialog(), await showTable()];
  });
  after(unmountAll);
  // Every colour token its own colour first (the defaults share some: white, the accent and links),
  // so that a colour on screen names the one token it comes from.
  beforeEach(() => {
    TOKEN_NAMES.filter((name) => parseColour(DEFAULT_TOKENS[name])?.[3] === 1).forEach((name, i) => document.documentElement.style.setProperty(name, `rgb(10, ${20 + i}, 30)`));
  });
  afterEach(setPageTokens);

  /** Each token, the elements that must show it (shadow hosts), and a colour no default uses. */
  const cases: Array<[TokenName, string[], string]> = [
    ['--cartable-accent', ['cartable-share', 'cartable-layer-tree'], 'rgb(200, 0, 120)'],
    ['--cartable-border', ['cartable-catalog', 'cartable-search', 'cartable-table', 'cartable-map-view'], 'rgb(201, 1, 121)'],
    ['--cartable-surface', ['cartable-catalog', 'cartable-table', 'cartable-share'], 'rgb(202, 2, 122)'],
    ['--cartable-header-bg', ['cartable-catalog', 'cartable-map-header'], 'rgb(203, 3, 123)'],
    ['--cartable-text', ['cartable-catalog', 'cartable-map-header', 'cartable-share', 'cartable-table'], 'rgb(204, 4, 124)'],
  ];
  for (const [token, expected, next] of cases) {
    it(`${token} changed on the root shows everywhere it is used: ${expected.join(', ')}`, async () => {
      const old = computed(getComputedStyle(document.documentElement).getPropertyValue(token));
      const before = paintedWith(hosts, old);
      expect([...new Set(before.map((p) => p.host))]).to.include.members(expected);
      document.documentElement.style.setProperty(token, next);
      // Styles are computed on read: no frame to wait for.
      const unchanged = before.filter(({ element, property }) => getComputedStyle(element)[property as (typeof PROPERTIES)[number]] !== next);
      expect(unchanged.map((p) => `${p.host} ${p.element.localName}.${p.element.className} ${p.property}`)).to.deep.equal([]);
      expect([...new Set(paintedWith(hosts, next).map((p) => p.host))]).to.include.members(expected);
    });
  }
});
