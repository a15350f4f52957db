/**
 * The picker's « Lieu : » line names a point and its radius by its coordinates as soon as the place is
 * chosen — WGS84 and Lambert-93, as the report's heading does — given the map's projection.
 */
import { expect } from 'chai';
import { render } from 'lit';
import { fromLonLat } from 'ol/proj.js';
import { ensureProjections } from '../../../src/proj/register.js';
import { circlePlace } from '../../../src/ui/report/places.js';
import { pickerTemplate, type PickerView } from '../../../src/ui/report/picker.js';
import { mount, unmountAll } from '../support/mount.js';

const noop = (): void => undefined;
const view = (overrides: Partial<PickerView>): PickerView => ({
  mode: 'circle', vertices: 0, language: 'fr', selectionIsArea: false, radiusKm: 5, lineKm: 0.1, typed: '',
  onMode: noop, onPick: noop, onDraw: noop, onFinish: noop, onUndo: noop, onCancel: noop, onUseSelected: noop,
  onUseCentre: noop, onKm: noop, onTyped: noop, onAddCentre: noop, onUseTyped: noop,
  ...overrides,
});
/** The « Lieu : » line as a person reads it. */
const placeLine = (host: HTMLElement): string =>
  [...host.querySelectorAll('p')].find((p) => p.textContent!.includes('Lieu :'))!.textContent!.replace(/\s+/g, ' ').trim();

describe('the picker’s « Lieu : » line', () => {
  afterEach(unmountAll);
  before(() => ensureProjections(['EPSG:2154']));

  it('names a point with a radius in WGS84 and Lambert-93 at once', () => {
    const host = mount(document.createElement('div'));
    const place = circlePlace(fromLonLat([6.03, 45.055]), { radiusKm: 5, lineKm: 0.1 }, 'Point choisi sur la carte');
    render(pickerTemplate(view({ place, projection: 'EPSG:3857' })), host);
    const line = placeLine(host);
    // X and Y as proj4 gives them with the IGN's definition (test/unit/report/place-text.test.ts checks the conversion).
    expect(line, line).to.match(/^Lieu : Point choisi sur la carte, à moins de 5 km de 45,05500° N, 6,03000° E \(WGS84\) — Lambert-93 : X 938 469 m, Y 6 444 103 m$/);
  });
});
