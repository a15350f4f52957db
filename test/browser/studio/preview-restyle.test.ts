import { expect } from 'chai';
import type OlMap from 'ol/Map.js';
import { CartableStudioPreview } from '../../../src/studio/preview/cartable-studio-preview.js';
import '../../../src/studio/preview/cartable-studio-preview.js';
import type { MapContext } from '../../../src/context/types.js';
import type { CartableMapView } from '../../../src/ui/cartable-map-view.js';
import { colourAt, pixelOf, rendered } from '../support/map.js';
import { mount, unmountAll, validContext, waitFor } from '../support/mount.js';

const PLACE = [5, 45];

/** One big point at the centre, drawn in `colour`; `title` to change something else than the style. */
const context = (colour: string, title = 'Essai'): MapContext =>
  validContext({
    version: 1,
    id: 'essai',
    title,
    view: { center: PLACE, zoom: 8 },
    layers: [
      {
        type: 'geojson',
        id: 'points',
        title: 'Points',
        geometry: 'point',
        data: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: PLACE }, properties: { nom: 'A' } }] },
        style: { symbol: { marker: { shape: 'circle', radius: 14, fill: { color: colour } } } },
      },
    ],
  });

const RED = [255, 0, 0, 255];
const BLUE = [0, 0, 255, 255];

function mapViewOf(preview: CartableStudioPreview): CartableMapView {
  return preview.shadowRoot!.querySelector('cartable-map-view')!;
}

/** The preview on a document, once its map has drawn its layer. */
async function show(preview: CartableStudioPreview, next: MapContext): Promise<OlMap> {
  preview.context = next;
  await preview.updateComplete;
  await waitFor(() => mapViewOf(preview)?.store?.state.layers['points']?.status === 'ready' && !!mapViewOf(preview).adapter, 60000, 'the layer drawn');
  const map = mapViewOf(preview).adapter!.map;
  await rendered(map);
  return map;
}

/** The colour of the legend's swatch of the layer. */
function legendFill(preview: CartableStudioPreview): string | null {
  const legend = mapViewOf(preview).shadowRoot!.querySelector('cartable-legend')!;
  return legend.shadowRoot!.querySelector('svg circle')?.getAttribute('fill') ?? null;
}

describe('the studio preview', () => {
  afterEach(unmountAll);

  it('draws a style-only change in place: the same session and map, new pixels, the legend follows', async () => {
    const preview = mount(new CartableStudioPreview(), 'display:block;width:900px;height:600px');
    const map = await show(preview, context('#ff0000'));
    const session = mapViewOf(preview).session!;
    expect(colourAt(map, pixelOf(map, PLACE))).to.deep.equal(RED);
    expect(legendFill(preview)).to.equal('#ff0000');

    preview.context = context('#0000ff');
    await preview.updateComplete;
    await mapViewOf(preview).updateComplete;
    expect(mapViewOf(preview).session).to.equal(session);
    expect(session.signal.aborted).to.equal(false);
    expect(mapViewOf(preview).adapter!.map).to.equal(map);
    await rendered(map);
    expect(colourAt(map, pixelOf(map, PLACE))).to.deep.equal(BLUE);
    await waitFor(() => legendFill(preview) === '#0000ff', 15000, 'the legend in the new colour');
  });

  it('opens a new session when more than the styles changed, or when in-place restyling is off', async () => {
    const preview = mount(new CartableStudioPreview(), 'display:block;width:900px;height:600px');
    await show(preview, context('#ff0000'));
    const first = mapViewOf(preview).session!;
    const map = await show(preview, context('#0000ff', 'Autre titre'));
    expect(first.signal.aborted).to.equal(true);
    const second = mapViewOf(preview).session!;
    expect(second).not.to.equal(first);
    expect(colourAt(map, pixelOf(map, PLACE))).to.deep.equal(BLUE);

    preview.restyleInPlace = false;
    await show(preview, context('#ff0000', 'Autre titre'));
    expect(second.signal.aborted).to.equal(true);
  });
});
