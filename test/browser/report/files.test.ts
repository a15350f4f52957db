/**
 * The report over layers read by parts: a FlatGeobuf file read by extent (only the place's box is
 * read, through the file's index and HTTP ranges — here the real AURA départements of ../shared/data),
 * and a `points` layer (its compact points scanned over the place's box).
 */
import { expect } from 'chai';
import { skipBecause } from '../support/skip.js';
import { fromLonLat, get as getProjection } from 'ol/proj.js';
import type { MapContext } from '../../../src/context/types.js';
import { createRequester } from '../../../src/net/requester.js';
import { makeReport, type ReportEnvironment } from '../../../src/report/gather.js';
import type { Place } from '../../../src/report/types.js';
import { SKIP_NO_SHARED_DATA, sharedDataAvailable } from '../layers/support.js';
import { memoryRequester } from '../layers/ogc-support.js';
import { layersOf } from './support.js';

const common = { visible: true, opacity: 1, attributions: [], legend: { hidden: false }, style: {} };
const GRENOBLE = [5.7245, 45.1885];

const environment = (context: MapContext, requester: ReportEnvironment['requester']): ReportEnvironment => {
  const viewProjection = getProjection('EPSG:3857')!;
  const resolveUrl = (url: string) => new URL(url, location.href).href;
  return {
    context,
    language: 'fr',
    viewProjection,
    resolution: 100,
    requester,
    resolveUrl,
    visible: () => true,
    featuresIn: layersOf(context, { requester, viewProjection, resolveUrl }).featuresIn,
  };
};

describe('report over files read by parts', function () {

  it('reads only the place’s box of an indexed FlatGeobuf file and finds the département around a point', async function () {
    if (!(await sharedDataAvailable())) {
      skipBecause(this, SKIP_NO_SHARED_DATA);
    }
    const ranges: string[] = [];
    const requester = createRequester({
      fetch: (input, init) => {
        ranges.push(new Headers(init?.headers).get('range') ?? 'whole');
        return fetch(input, init);
      },
    });
    const context = {
      layers: [
        { ...common, type: 'flatgeobuf', id: 'deps', title: 'Départements', url: '/__data__/shared/fgb/aura-departements.fgb', loading: 'extent', idField: 'code', fields: [{ name: 'code', type: 'text' }, { name: 'nom', type: 'text' }] },
      ],
    } as unknown as MapContext;
    const place: Place = { kind: 'circle', label: 'Grenoble', center: fromLonLat(GRENOBLE), distance: 2000 };
    const report = await makeReport(place, environment(context, requester));
    const deps = report.layers[0]!;
    expect(deps.unchecked).to.equal(undefined);
    expect(deps.items.map((i) => [i.id, i.label, i.distance])).to.deep.equal([['38', 'Isère', 0]]);
    expect(ranges.length).to.be.greaterThan(0);
    expect(ranges.every((r) => r.startsWith('bytes=')), 'read by ranges only').to.equal(true);
  });

  it('scans a points layer over the place and gives each point its distance', async () => {
    const points = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { id: 1, nom: 'Près' }, geometry: { type: 'Point', coordinates: [5.73, 45.19] } },
        { type: 'Feature', properties: { id: 2, nom: 'Loin' }, geometry: { type: 'Point', coordinates: [6.5, 45.5] } },
        { type: 'Feature', properties: { id: 3, nom: 'Tout près' }, geometry: { type: 'Point', coordinates: [5.725, 45.189] } },
      ],
    };
    const memory = memoryRequester(() => new Response(JSON.stringify(points), { headers: { 'content-type': 'application/geo+json' } }));
    const context = {
      layers: [{ ...common, type: 'points', id: 'pts', title: 'Points', file: 'points.geojson', idField: 'id', fields: [{ name: 'id', type: 'integer' }, { name: 'nom', type: 'text' }] }],
    } as unknown as MapContext;
    const place: Place = { kind: 'circle', label: 'Grenoble', center: fromLonLat(GRENOBLE), distance: 5000 };
    const report = await makeReport(place, environment(context, memory.requester));
    const items = report.layers[0]!.items;
    expect(items.map((i) => [i.id, i.label])).to.deep.equal([[3, 'Tout près'], [1, 'Près']]);
    expect(items[0]!.distance!).to.be.lessThan(items[1]!.distance!);
    expect(items[1]!.distance!).to.be.closeTo(480, 40);
  });
});
