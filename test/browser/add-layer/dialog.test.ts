/**
 * The « Ajouter une couche » dialog in Chromium, its services answered from memory: the real
 * capabilities of ../shared/data (BRGM's ISO-8859-15 WMS 1.1.1, whose INSPIRE prefixes are declared
 * only in its DTD; skipped when absent) and the hand-made ones of test/fixtures/capabilities.
 */
import { expect } from 'chai';
import { sendKeys } from '@web/test-runner-commands';
import type { LayerDef, SiteConfig } from '../../../src/context/types.js';
import { CartableAddLayer } from '../../../src/ui/cartable-add-layer.js';
import '../../../src/ui/cartable-add-layer.js';
import { memoryRequester, type Handler } from '../layers/ogc-support.js';
import { mount, nextEvent, unmountAll, waitFor } from '../support/mount.js';
import { skipBecause } from '../support/skip.js';

const SERVICE = 'https://ows.example';
/** True when the test server can serve ../shared/data (test/support/wtr-data.mjs). */
const sharedAvailable = async (): Promise<boolean> => (await fetch('/__data__/available')).ok;
const site = { allowedOrigins: [{ origin: SERVICE, use: ['data'] }], addLayers: { enabled: true, anyHttpsService: false } } as unknown as SiteConfig;

const bytes = async (path: string): Promise<ArrayBuffer> => {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.arrayBuffer();
};
const xml = (body: ArrayBuffer | string, status = 200): Response => new Response(body, { status, headers: { 'content-type': 'text/xml' } });
const service = (url: string): string | undefined => [...new URL(url).searchParams].find(([k]) => k.toLowerCase() === 'service')?.[1];

async function open(handler: Handler): Promise<{ dialog: CartableAddLayer; urls: string[]; root: ShadowRoot }> {
  const { requester, urls } = memoryRequester(handler);
  const dialog = mount(Object.assign(new CartableAddLayer(), { requester, site, taken: (id: string) => id === 'add-1' }));
  await dialog.show();
  return { dialog, urls, root: dialog.shadowRoot! };
}

const $ = <T extends Element>(root: ShadowRoot, selector: string): T => {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};

async function typeAddress(root: ShadowRoot, address: string): Promise<void> {
  const input = $<HTMLInputElement>(root, '#address');
  input.focus();
  await sendKeys({ type: address });
  await sendKeys({ press: 'Enter' }); // The form's submit: « Lire le service ».
}

const shownNames = (root: ShadowRoot): string[] => [...root.querySelectorAll('#layers .name')].map((e) => e.textContent ?? '');

describe('cartable-add-layer', () => {
  afterEach(() => unmountAll());

  it('reads the BRGM WMS 1.1.1 (ISO-8859-15, prefixes declared in its DTD), filters, and sends the chosen layer, by keyboard', async function () {
    if (!(await sharedAvailable())) skipBecause(this, '../shared/data is absent: the real BRGM capabilities are not there');
    const caps = await bytes('/__data__/shared/configs/capabilities/wms_capabilities-brgm-1-1-1-iso-8859-15.xml');
    const { dialog, urls, root } = await open(() => xml(caps));
    expect(document.activeElement).to.equal(dialog);
    expect(root.activeElement?.id).to.equal('address');
    await typeAddress(root, `${SERVICE}/geologie?language=fre&SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1`);
    await waitFor(() => !!root.querySelector('#layers'));
    expect(urls).to.deep.equal([`${SERVICE}/geologie?language=fre&SERVICE=WMS&REQUEST=GetCapabilities`]);
    const status = $<HTMLElement>(root, '.status').textContent ?? '';
    expect(status).to.match(/WMS 1\.1\.1/);
    // Accented titles decoded from ISO-8859-15.
    const titles = [...root.querySelectorAll('#layers label > span:first-of-type')].map((e) => e.textContent).join(' ');
    expect(titles).to.match(/[éèà]/);
    expect(titles).not.to.contain('\uFFFD');

    // The filter has the focus: type, then Tab to the one checkbox left and tick it with Space.
    expect(root.activeElement?.id).to.equal('filter');
    await sendKeys({ type: 'géol 1/250' });
    await dialog.updateComplete;
    expect(shownNames(root)).to.deep.equal(['SCAN_F_GEOL250']);
    expect($<HTMLElement>(root, '#filter-count').textContent).to.contain('1 couche(s) listée(s)');
    await sendKeys({ press: 'Tab' });
    expect((root.activeElement as HTMLInputElement).type).to.equal('checkbox');
    await sendKeys({ press: 'Space' });
    await dialog.updateComplete;
    const add = [...root.querySelectorAll<HTMLButtonElement>('.actions button')].at(-1)!;
    expect(add.textContent).to.contain('Ajouter 1 couche(s)');
    expect(add.disabled).to.equal(false);

    const sent = nextEvent(dialog, 'cartable-layers-add');
    add.click();
    const { layers } = (await sent as CustomEvent<{ layers: LayerDef[] }>).detail;
    expect(layers).to.have.length(1);
    // "add-1" is taken by the map: the next free id.
    expect(layers[0]).to.include({ type: 'wms', id: 'add-2', layers: 'SCAN_F_GEOL250', version: '1.1.1', url: `${SERVICE}/geologie?language=fre` });
    expect($<HTMLDialogElement>(root, 'dialog').open).to.equal(false);
  });

  it('detects a WFS behind a bare address (WMS and WMTS answer exception reports) and lists titles and abstracts as text', async () => {
    const wfs = `<?xml version="1.0" encoding="UTF-8"?>
      <wfs:WFS_Capabilities version="2.0.0" xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:ows="http://www.opengis.net/ows/1.1">
        <ows:ServiceIdentification><ows:Title>Zones</ows:Title></ows:ServiceIdentification>
        <ows:OperationsMetadata><ows:Operation name="GetFeature"><ows:Parameter name="outputFormat"><ows:AllowedValues>
          <ows:Value>application/gml+xml; version=3.2</ows:Value><ows:Value>application/json</ows:Value>
        </ows:AllowedValues></ows:Parameter></ows:Operation></ows:OperationsMetadata>
        <wfs:FeatureTypeList>
          <wfs:FeatureType><wfs:Name>z:reserves</wfs:Name><wfs:Title>&lt;img src=x onerror="window.__pwned=1"&gt;Réserves</wfs:Title>
            <wfs:Abstract>Périmètres &lt;script&gt;window.__pwned=1&lt;/script&gt;</wfs:Abstract></wfs:FeatureType>
        </wfs:FeatureTypeList>
      </wfs:WFS_Capabilities>`;
    const exception = `<?xml version="1.0"?><ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows/1.1"><ows:Exception exceptionCode="InvalidParameterValue"><ows:ExceptionText>unknown service</ows:ExceptionText></ows:Exception></ows:ExceptionReport>`;
    const { dialog, urls, root } = await open((url) => xml(service(url) === 'WFS' ? wfs : exception));
    await typeAddress(root, `${SERVICE}/geoserver/ows`);
    await waitFor(() => !!root.querySelector('#layers'));
    expect(urls.map(service)).to.deep.equal(['WMS', 'WMTS', 'WFS']);
    const item = $<HTMLElement>(root, '#layers li');
    expect(item.textContent).to.contain('<img src=x onerror="window.__pwned=1">Réserves');
    expect(item.querySelector('img, script')).to.equal(null);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    // The abstract describes the checkbox for screen readers.
    const box = $<HTMLInputElement>(root, '#layers input');
    const described = root.getElementById(box.getAttribute('aria-describedby')!);
    expect(described?.textContent).to.contain('Périmètres');
    box.click();
    await dialog.updateComplete;
    const sent = nextEvent(dialog, 'cartable-layers-add');
    [...root.querySelectorAll<HTMLButtonElement>('.actions button')].at(-1)!.click();
    const { layers } = (await sent as CustomEvent<{ layers: LayerDef[] }>).detail;
    expect(layers[0]).to.include({ type: 'wfs', typeName: 'z:reserves', version: '2.0.0', outputFormat: 'application/json' });
  });

  it('says why a service cannot be read, and asks nothing of an origin the site does not allow', async () => {
    const { dialog, urls, root } = await open(() => Promise.reject(new TypeError('Failed to fetch')));
    await typeAddress(root, 'https://elsewhere.example/wms');
    await dialog.updateComplete;
    expect($<HTMLElement>(root, '[role="alert"]').textContent).to.match(/https:\/\/elsewhere\.example.*allowedOrigins/s);
    expect(urls).to.deep.equal([]);

    const input = $<HTMLInputElement>(root, '#address');
    input.select();
    await sendKeys({ type: `${SERVICE}/wms` });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => /injoignable/.test(root.querySelector('[role="alert"]')?.textContent ?? ''));
    // A network failure does not change with another service type: one request.
    expect(urls).to.have.length(1);
    expect(root.querySelector('#layers')).to.equal(null);
  });

  it('reads the hand-made WMS 1.3.0 with the type picked by the person, and an HTTP error in words', async () => {
    const caps = await bytes('/test/fixtures/capabilities/wms-1-3-0-nested.xml');
    let fail = true;
    const { dialog, urls, root } = await open(() => (fail ? new Response('nope', { status: 502 }) : xml(caps)));
    const select = $<HTMLSelectElement>(root, '#type');
    select.value = 'wms';
    select.dispatchEvent(new Event('change'));
    await typeAddress(root, `${SERVICE}/wms`);
    await waitFor(() => /HTTP 502/.test(root.querySelector('[role="alert"]')?.textContent ?? ''));
    expect(urls).to.have.length(1); // The person said WMS: no other type is tried.
    fail = false;
    $<HTMLButtonElement>(root, 'form button[type="submit"]').click();
    await waitFor(() => !!root.querySelector('#layers'));
    expect(root.querySelector('[role="alert"]')).to.equal(null);
    expect(shownNames(root)).to.deep.equal(['znieff1', 'fond']);
    dialog.close();
  });
});
