/** Layers named by a link, made again from their services (requests answered from memory; xmldom stands in for DOMParser). */
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRequester } from '../../../src/net/requester.js';
import { restoreAdded } from '../../../src/add-layer/restore.js';
import type { AddedRef } from '../../../src/add-layer/refs.js';

const FIXTURE = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/capabilities/wms-1-3-0-nested.xml'));

beforeAll(() => {
  (globalThis as { DOMParser?: unknown }).DOMParser ??= class extends XmlDomParser {
    constructor() {
      super({ onError: () => undefined });
    }
  };
});

describe('restoreAdded', () => {
  it('reads each service once, falls back to the link alone when a service fails, refuses origins the site does not allow', async () => {
    const asked: string[] = [];
    const requester = createRequester({
      fetch: async (input) => {
        const url = String(input);
        asked.push(url);
        if (url.startsWith('https://ok.example/')) return new Response(FIXTURE, { headers: { 'content-type': 'text/xml' } });
        return new Response('down', { status: 503 });
      },
    });
    const refs: AddedRef[] = [
      { id: 'add-1', type: 'wms', name: 'znieff1', url: 'https://ok.example/wms' },
      { id: 'add-2', type: 'wms', name: 'fond', url: 'https://ok.example/wms' },
      { id: 'add-3', type: 'wfs', name: 'ns:gone', url: 'https://down.example/wfs' },
      { id: 'add-4', type: 'wms', name: 'x', url: 'https://elsewhere.example/wms' },
      { id: 'add-5', type: 'geojson', name: 'Parkings', url: 'https://ok.example/p.geojson' },
    ];
    const policy = { self: 'https://cartes.example', origins: ['https://ok.example', 'https://down.example'], anyHttps: false };
    const { layers, refused, unread } = await restoreAdded(refs, { requester, policy });
    expect(asked).toEqual(['https://ok.example/wms?SERVICE=WMS&REQUEST=GetCapabilities', 'https://down.example/wfs?SERVICE=WFS&REQUEST=GetCapabilities']);
    expect(layers.map((l) => l.def.id)).toEqual(['add-1', 'add-2', 'add-3', 'add-5']);
    expect(layers[0]!.def).toMatchObject({ type: 'wms', title: 'ZNIEFF de type I', layers: 'znieff1', queryable: true });
    expect(layers[0]!.extent).toEqual([4.5, 44.1, 7.2, 46.4]);
    expect(layers[1]!.def).toMatchObject({ queryable: false });
    // The failed service: the layer is made from the link (its title is its name) and fails in the layer list.
    expect(layers[2]!.def).toMatchObject({ type: 'wfs', title: 'ns:gone', typeName: 'ns:gone', url: 'https://down.example/wfs' });
    expect(layers[3]!.def).toMatchObject({ type: 'geojson', title: 'Parkings', url: 'https://ok.example/p.geojson' });
    expect(unread.map((r) => r.id)).toEqual(['add-3']);
    expect(refused.map((r) => r.id)).toEqual(['add-4']);
  });
});
