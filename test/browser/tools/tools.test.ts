import { expect } from 'chai';
import XYZ from 'ol/source/XYZ.js';
import type TileLayer from 'ol/layer/Tile.js';
import { toLonLat } from 'ol/proj.js';
import proj4 from 'proj4';
import { composeMap } from '../../../src/tools/map-image.js';
import type { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { unmountAll, waitFor } from '../support/mount.js';
import { BARRE, MEIJE, clickPixel, haversine, pixelOf, popupOf, readLength, showSites, sitesContext, toolsOf } from './support.js';

const L93 = '+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';

const inTools = <T extends Element>(view: CartableMapView, selector: string): T | null =>
  view.shadowRoot!.querySelector('cartable-tools')!.shadowRoot!.querySelector<T>(selector);

async function openTool(view: CartableMapView, name: string): Promise<HTMLElement> {
  const tools = await toolsOf(view);
  tools.shadowRoot!.querySelector<HTMLButtonElement>(`[data-tool="${name}"]`)!.click();
  await tools.updateComplete;
  const panel = tools.shadowRoot!.querySelector<HTMLElement>(`cartable-tools-${name}`)!;
  await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return panel;
}

describe('cartable-tools on a real map', () => {
  afterEach(() => {
    history.replaceState(null, '', location.pathname);
    unmountAll();
  });

  it('loads after the first render with every tool outside an embed', async () => {
    const view = await showSites();
    const tools = await toolsOf(view);
    const names = [...tools.shadowRoot!.querySelectorAll<HTMLElement>('.bar [data-tool]')].map((b) => b.dataset.tool);
    expect(names).to.deep.equal(['report', 'measure', 'coordinates', 'locate', 'print']);
    // Each item shows its name (touch screens have no tooltips), and that name is what screen readers say.
    for (const button of tools.shadowRoot!.querySelectorAll<HTMLElement>('.bar button')) {
      const label = button.querySelector<HTMLElement>('.label')!;
      expect(label.textContent!.trim()).to.have.length.greaterThan(3);
      expect(label.getBoundingClientRect().width, `${button.dataset.tool} shows its name`).to.be.greaterThan(20);
      expect(button.hasAttribute('aria-label'), 'the visible name is the accessible one').to.equal(false);
    }
  });

  it('asks for the report with an event that crosses shadow roots', async () => {
    const view = await showSites();
    const tools = await toolsOf(view);
    const heard: Event[] = [];
    // Caught on the toolbar itself: the report's own code (another part of the app) is not under test here.
    tools.addEventListener('cartable-report-open', (event) => {
      heard.push(event);
      event.stopPropagation();
    });
    inTools<HTMLButtonElement>(view, '[data-tool="report"]')!.click();
    expect(heard).to.have.length(1);
    expect([heard[0]!.bubbles, heard[0]!.composed]).to.deep.equal([true, true]);
  });

  it('measures Meije–Barre des Écrins geodesically with clicks, holding the pointer until closed', async () => {
    const view = await showSites();
    const map = view.adapter!.map;
    const panel = await openTool(view, 'measure');
    await clickPixel(map, pixelOf(map, MEIJE));
    await clickPixel(map, pixelOf(map, BARRE));
    expect(popupOf(view), 'a click opened a record while measuring').to.equal(null);
    const reading = panel.shadowRoot!.querySelector('output')!;
    await waitFor(() => /2 point/.test(reading.textContent ?? ''));
    // The clicks land on whole pixels: compare with the distance between the clicked coordinates.
    const [a, b] = [MEIJE, BARRE].map((p) => toLonLat(map.getCoordinateFromPixel(pixelOf(map, p))));
    const expected = haversine(a!, b!);
    expect(readLength(reading.textContent!)).to.be.closeTo(expected, expected * 0.005);
    expect(expected).to.be.closeTo(haversine(MEIJE, BARRE), 200);
    // Escape in the panel cancels, a second one closes the tool and gives the pointer back.
    panel.shadowRoot!.querySelector<HTMLButtonElement>('.add-centre')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitFor(() => /^\s*—/.test(reading.textContent ?? ''));
    panel.shadowRoot!.querySelector<HTMLButtonElement>('.add-centre')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
    await waitFor(() => !inTools(view, 'cartable-tools-measure'));
    expect(map.getAllLayers().some((l) => l.get('cartable:tool') === 'measure'), 'the measure layer stays').to.equal(false);
    await clickPixel(map, pixelOf(map, MEIJE));
    await waitFor(() => !!popupOf(view));
  });

  it('measures the same on a Lambert-93 map, with the keyboard at the crosshair', async () => {
    const view = await showSites(sitesContext({ projection: 'EPSG:2154', zoom: undefined, scale: 200000 }));
    const map = view.adapter!.map;
    const panel = await openTool(view, 'measure');
    const projection = map.getView().getProjection();
    expect(projection.getCode()).to.equal('EPSG:2154');
    const { fromLonLat } = await import('ol/proj.js');
    const target = map.getTargetElement()!;
    const press = (key: string) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
    map.getView().setCenter(fromLonLat(MEIJE, projection));
    press('Enter');
    map.getView().setCenter(fromLonLat(BARRE, projection));
    press(' ');
    const reading = panel.shadowRoot!.querySelector('output')!;
    await waitFor(() => /2 point/.test(reading.textContent ?? ''));
    const expected = haversine(MEIJE, BARRE);
    expect(readLength(reading.textContent!)).to.be.closeTo(expected, expected * 0.005);
    press('Backspace');
    await waitFor(() => /1 point/.test(reading.textContent ?? ''));

    // An area: its first two points read as a distance, the third closes a surface.
    panel.shadowRoot!.querySelectorAll<HTMLButtonElement>('[aria-pressed]')[1]!.click();
    await waitFor(() => /^\s*—/.test(reading.textContent ?? ''));
    map.getView().setCenter(fromLonLat(MEIJE, projection));
    press('Enter');
    map.getView().setCenter(fromLonLat(BARRE, projection));
    press('Enter');
    await waitFor(() => /2 point/.test(reading.textContent ?? ''));
    expect(readLength(reading.textContent!)).to.be.closeTo(expected, expected * 0.005);
    map.getView().setCenter(fromLonLat([6.4, 45.05], projection));
    press('Enter');
    await waitFor(() => /km²/.test(reading.textContent ?? ''));
    expect(reading.textContent).to.match(/Périmètre/);
  });

  it('shows the coordinates in WGS 84, Lambert-93 and the map’s own projection', async () => {
    const view = await showSites(sitesContext({ projection: 'EPSG:3946', zoom: undefined, scale: 200000 }));
    const panel = await openTool(view, 'coordinates');
    await waitFor(() => panel.shadowRoot!.querySelectorAll('dd[data-row]').length === 4);
    const rows = [...panel.shadowRoot!.querySelectorAll<HTMLElement>('dd[data-row]')].map((d) => d.dataset.row);
    expect(rows).to.deep.equal(['wgs84', 'dms', 'l93', 'map']);
    expect(panel.shadowRoot!.textContent).to.contain('EPSG:3946');
    // The map's centre (the document's 6.33, 44.97) when the pointer is elsewhere.
    expect(panel.shadowRoot!.querySelector('[data-row="wgs84"]')!.textContent).to.equal('44,97000° N, 6,33000° E');
  });

  it('goes to Lambert-93 coordinates and marks the place', async () => {
    const view = await showSites();
    const map = view.adapter!.map;
    const panel = await openTool(view, 'coordinates');
    await waitFor(() => panel.shadowRoot!.querySelectorAll('dd[data-row]').length > 0);
    const input = panel.shadowRoot!.querySelector<HTMLInputElement>('input[name="goto"]')!;
    // Grenoble's Lambert-93 metres, by proj4 from the published definition; y first (recognised).
    const [x, y] = proj4(L93, [5.72, 45.19]);
    input.value = `${y!.toFixed(2)} ${x!.toFixed(2)}`;
    panel.shadowRoot!.querySelector('form')!.requestSubmit();
    await waitFor(() => !map.getView().getAnimating());
    const [lon, lat] = toLonLat(map.getView().getCenter()!);
    expect(lon).to.be.closeTo(5.72, 1e-6);
    expect(lat).to.be.closeTo(45.19, 1e-6);
    expect(panel.shadowRoot!.textContent).to.contain('Y donné en premier');
    const marks = map.getAllLayers().find((l) => l.get('cartable:tool') === 'marks') as unknown as { getSource(): { getFeatures(): { get(k: string): unknown }[] } };
    expect(marks.getSource().getFeatures().map((f) => f.get('kind'))).to.deep.equal(['place']);
  });

  it('names a layer whose images come from another origin without CORS, and leaves it out of the export', async () => {
    const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
    const foreign = `${location.protocol}//${other}:${location.port}/public/favicon.svg?{z}/{x}/{y}`;
    const view = await showSites(sitesContext({}, [{ type: 'xyz', id: 'ortho', title: 'Orthophotos', url: `${location.origin}/public/favicon.svg?{z}/{x}/{y}` }]));
    const map = view.adapter!.map;
    const ortho = map.getAllLayers().find((l) => l.get('cartable:id') === 'ortho') as TileLayer<XYZ>;
    // The same images, from another origin and without crossOrigin: the browser taints what draws them.
    const source = new XYZ({ url: foreign });
    ortho.setSource(source);
    let loaded = 0;
    source.on('tileloadend', () => loaded++);
    await waitFor(() => loaded > 0, 15000);
    await new Promise<void>((resolve) => map.once('rendercomplete', () => resolve()));

    const all = composeMap(map, { scale: 1 });
    expect(all.forbidden.map((l) => l.get('cartable:id'))).to.deep.equal(['ortho']);
    expect(() => all.canvas.toDataURL()).to.throw(DOMException);
    const readable = composeMap(map, { scale: 1, readable: true });
    expect(readable.forbidden.map((l) => l.get('cartable:id'))).to.deep.equal(['ortho']);
    expect(() => readable.canvas.toDataURL()).not.to.throw();
    // The sites, drawn in the same canvas as the orthophotos on screen, are in the image.
    const [x, y] = pixelOf(map, MEIJE).map(Math.round);
    const [r, g, b] = readable.canvas.getContext('2d')!.getImageData(x!, y!, 1, 1).data;
    expect([r, g, b]).to.satisfy(([red, green, blue]: number[]) => Math.abs(red! - 0xa0) < 30 && Math.abs(green! - 0x52) < 30 && Math.abs(blue! - 0x2d) < 30);
    await new Promise<void>((resolve) => map.once('rendercomplete', () => resolve()));
    expect(ortho.getVisible(), 'the layer is shown again').to.equal(true);

    const panel = await openTool(view, 'print');
    panel.shadowRoot!.querySelector<HTMLButtonElement>('.png')!.click();
    await waitFor(() => !!panel.shadowRoot!.querySelector('.warning'));
    expect(panel.shadowRoot!.querySelector('.warning')!.textContent).to.contain('« Orthophotos »');
    expect(panel.shadowRoot!.querySelector('.warning')!.textContent).not.to.contain('Sites');
  });

  it('selects the text to copy by hand when the browser refuses the clipboard', async () => {
    const view = await showSites();
    const panel = await openTool(view, 'coordinates');
    await waitFor(() => !!panel.shadowRoot!.querySelector('[data-copy="l93"]'));
    const clipboard = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')!;
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: () => Promise.reject(new DOMException('no', 'NotAllowedError')) } });
    try {
      panel.shadowRoot!.querySelector<HTMLButtonElement>('[data-copy="l93"]')!.click();
      await waitFor(() => /refuse la copie/.test(panel.shadowRoot!.querySelector('.status')!.textContent ?? ''));
      const shown = panel.shadowRoot!.querySelector('[data-row="l93"]')!.textContent!;
      expect(getSelection()!.toString().trim()).to.equal(shown.trim());
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      expect(Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard')).to.deep.equal(clipboard);
      getSelection()!.removeAllRanges();
    }
  });

  it('prints through a layout at the end of the page, on paper of the chosen size, gone after printing', async () => {
    const view = await showSites();
    const panel = await openTool(view, 'print');
    const realPrint = window.print;
    const sizeBefore = view.adapter!.map.getSize();
    const centreBefore = view.adapter!.map.getView().getCenter();
    let printed = 0;
    window.print = () => void printed++;
    try {
      panel.shadowRoot!.querySelector<HTMLInputElement>('input[value="A3"]')!.click();
      panel.shadowRoot!.querySelector<HTMLInputElement>('input[value="portrait"]')!.click();
      await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      panel.shadowRoot!.querySelector<HTMLButtonElement>('.print')!.click();
      await waitFor(() => printed === 1, 20000);
      const layout = document.body.lastElementChild!;
      expect(layout.localName).to.equal('cartable-print-layout');
      const rules = document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join('\n');
      expect(rules).to.match(/@page\s*\{\s*size: a3( portrait)?;\s*margin: 10mm;/i);
      expect(getComputedStyle(layout).display, 'the layout shows on screen').to.equal('none');
      expect(layout.shadowRoot!.querySelector('h1')!.textContent).to.equal('Sites');
      expect(layout.shadowRoot!.textContent).to.contain('© Essai');
      // The map on screen is back to its size and view.
      expect(view.adapter!.map.getSize()).to.deep.equal(sizeBefore);
      expect(view.adapter!.map.getView().getCenter()).to.deep.equal(centreBefore);
      window.dispatchEvent(new Event('afterprint'));
      expect(layout.isConnected).to.equal(false);
      expect(document.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((r) => r.cssText.startsWith('@page')))).to.equal(false);
    } finally {
      window.print = realPrint;
      document.querySelectorAll('cartable-print-layout').forEach((e) => e.remove());
    }
  });
});
