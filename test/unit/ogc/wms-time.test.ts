/** A WMS layer's TIME dimension, read from capabilities (1.3.0 Dimension, 1.1.1 Extent) into the added layer's `time`. */
import { DOMParser as XmlDomParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawLayerOf } from '../../../src/add-layer/layer-defs.js';
import { readCapabilities } from '../../../src/ogc/capabilities.js';

beforeAll(() => {
  (globalThis as { DOMParser?: unknown }).DOMParser ??= XmlDomParser;
});

const caps130 = `<?xml version="1.0"?><WMS_Capabilities version="1.3.0" xmlns="http://www.opengis.net/wms">
<Service><Name>WMS</Name><Title>Population</Title></Service>
<Capability><Request><GetMap><Format>image/png</Format></GetMap></Request>
<Layer><Title>Racine</Title>
  <Dimension name="time" units="ISO8601" default="2017">1999,2007,2012,2017</Dimension>
  <Layer queryable="1"><Name>rb:pop</Name><Title>Densité</Title></Layer>
  <Layer><Name>rb:zones</Name><Title>Zones</Title><Dimension name="TIME" units="ISO8601" default="2023">2015/2023/P1Y</Dimension></Layer>
  <Layer><Name>rb:flow</Name><Title>Débits</Title><Dimension name="time" units="ISO8601">2000-01-01/2020-01-01/PT1M</Dimension></Layer>
</Layer></Capability></WMS_Capabilities>`;

const caps111 = `<?xml version="1.0"?><WMT_MS_Capabilities version="1.1.1"><Service><Name>OGC:WMS</Name><Title>Old</Title></Service>
<Capability><Request><GetMap><Format>image/png</Format></GetMap></Request>
<Layer><Title>Racine</Title><Layer><Name>zones</Name><Title>Zones</Title>
<Dimension name="time" units="ISO8601"/><Extent name="time" default="2022">2022,2023</Extent></Layer></Layer></Capability></WMT_MS_Capabilities>`;

describe('TIME dimension of WMS capabilities', () => {
  it('reads values and ranges, inherited from a parent layer, and the default', () => {
    const layers = readCapabilities(caps130).layers;
    expect(layers.map((l) => [l.name, l.time])).toEqual([
      ['rb:pop', { values: ['1999', '2007', '2012', '2017'], default: '2017' }],
      ['rb:zones', { values: ['2015/2023/P1Y'], default: '2023' }],
      ['rb:flow', { values: ['2000-01-01/2020-01-01/PT1M'] }],
    ]);
    expect(readCapabilities(caps111).layers[0]?.time).toEqual({ values: ['2022', '2023'], default: '2022' });
  });

  it('gives a layer added from them its time; a range of too many values offers none', () => {
    const service = readCapabilities(caps130);
    const raw = (name: string) => rawLayerOf({ id: 'x', type: 'wms', endpoint: 'https://geo.example/wms', layer: service.layers.find((l) => l.name === name)!, service });
    expect(raw('rb:pop')).toMatchObject({ time: { values: ['1999', '2007', '2012', '2017'], default: '2017' } });
    expect(raw('rb:zones')).toMatchObject({ time: { values: ['2015/2023/P1Y'], default: '2023' } });
    expect(raw('rb:flow')).not.toHaveProperty('time');
  });
});
