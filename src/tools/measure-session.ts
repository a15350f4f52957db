import type OlMap from 'ol/Map.js';
import Feature from 'ol/Feature.js';
import LineString from 'ol/geom/LineString.js';
import Point from 'ol/geom/Point.js';
import Polygon from 'ol/geom/Polygon.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import { Circle, Fill, Stroke, Style, Text } from 'ol/style.js';
import type { Coordinate } from 'ol/coordinate.js';
import type { MapPointer } from '../map/pointer-owner.js';
import { LABEL_CLEARANCE } from './crosshair.js';
import { geodesicArea, geodesicLength, geodesicPerimeter } from './geodesy.js';

export type MeasureMode = 'length' | 'area';

/** What is measured now (the pointer's position counts as the next vertex while drawing). */
export interface MeasureReading {
  readonly mode: MeasureMode;
  /** Vertices placed (the pointer's not counted). */
  readonly vertices: number;
  /** Metres: the line, or the outline of the area. */
  readonly length: number;
  /** Square metres (area mode, from 3 points). */
  readonly area: number;
  readonly finished: boolean;
}

export interface MeasureSession {
  /** Measures a distance or an area from now on (what was drawn is cleared). */
  setMode(mode: MeasureMode): void;
  /** Adds a vertex where the crosshair is (the map's centre): measuring with the keyboard. */
  addAtCentre(): void;
  addAt(coordinate: Coordinate): void;
  /** Takes the last vertex back. */
  undo(): void;
  /** Ends the line or area (it stays drawn); the next vertex starts a new one. */
  finish(): void;
  /** Clears what is drawn. */
  clear(): void;
  dispose(): void;
}

/** Two clicks closer than this (in pixels) are one vertex: the end of a double click. */
const SAME_VERTEX_PX = 6;

/**
 * Measuring on the map: clicks (or taps) add vertices, the pointer previews the next one, a double
 * click ends; the reading is geodesic in any projection. The session takes the map's pointer (no
 * records open on click) for as long as it lives. On the focused map, Enter or Space adds the point
 * under the crosshair (the centre), Backspace takes the last back, Escape asks `onEscape`.
 */
export function startMeasure(options: {
  map: OlMap;
  pointer: MapPointer;
  mode: MeasureMode;
  format: (reading: MeasureReading) => string;
  onChange: (reading: MeasureReading) => void;
  /** Escape was pressed on the map. */
  onEscape?: () => void;
  /** Another tool took the pointer: the session has stopped listening (dispose it). */
  onTakenAway?: () => void;
}): MeasureSession {
  const { map, format, onChange } = options;
  let mode = options.mode;
  const projection = map.getView().getProjection();
  let vertices: Coordinate[] = [];
  let cursor: Coordinate | undefined;
  let finished = false;

  const sketch = new Feature();
  const source = new VectorSource({ features: [sketch] });
  const layer = new VectorLayer({
    source,
    zIndex: 10_000,
    properties: { 'cartable:tool': 'measure' },
    style: (feature) => styles(feature.getGeometry() as LineString | Polygon | undefined, String(feature.get('label') ?? '')),
  });
  map.addLayer(layer);

  const points = (): Coordinate[] => (cursor && !finished ? [...vertices, cursor] : vertices);

  const reading = (): MeasureReading => {
    const all = points();
    let length = 0;
    let area = 0;
    if (mode === 'length' && all.length >= 2) length = geodesicLength(new LineString(all), projection);
    // An area of two points is still a line: its length, not the way there and back.
    if (mode === 'area' && all.length === 2) length = geodesicLength(new LineString(all), projection);
    if (mode === 'area' && all.length >= 3) {
      const polygon = new Polygon([[...all, all[0]!]]);
      length = geodesicPerimeter(polygon, projection);
      area = geodesicArea(polygon, projection);
    }
    return { mode, vertices: vertices.length, length, area, finished };
  };

  const redraw = (): void => {
    const all = points();
    if (all.length === 0) sketch.setGeometry(undefined);
    else if (mode === 'area' && all.length >= 3) sketch.setGeometry(new Polygon([[...all, all[0]!]]));
    else sketch.setGeometry(new LineString(all.length === 1 ? [all[0]!, all[0]!] : all));
    const now = reading();
    sketch.set('label', all.length >= 2 ? format(now) : '');
    onChange(now);
  };

  const add = (coordinate: Coordinate): void => {
    if (finished) {
      vertices = [];
      finished = false;
    }
    vertices.push([coordinate[0]!, coordinate[1]!]);
    redraw();
  };

  const pixelDistance = (a: Coordinate, b: Coordinate): number => {
    const resolution = map.getView().getResolution() ?? 1;
    return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!) / resolution;
  };

  const hold = options.pointer.take({
    name: 'measure',
    onClick: ({ coordinate }) => add(coordinate),
    onMove: ({ coordinate }) => {
      if (finished || vertices.length === 0) return;
      cursor = coordinate;
      redraw();
    },
    // A double click ends the measure instead of zooming.
    onDoubleClick: () => {
      if (finished || vertices.length === 0) return false;
      const last = vertices.at(-1)!;
      const before = vertices.at(-2);
      if (before && pixelDistance(last, before) < SAME_VERTEX_PX) vertices.pop();
      session.finish();
      return true;
    },
    onTakenAway: () => options.onTakenAway?.(),
  });

  const keyTarget = map.getTargetElement();
  const onKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'Enter' || event.key === ' ') session.addAtCentre();
    else if (event.key === 'Backspace') session.undo();
    else if (event.key === 'Escape') options.onEscape?.();
    else return;
    event.preventDefault();
  };
  keyTarget?.addEventListener('keydown', onKey);

  const session: MeasureSession = {
    setMode(next) {
      mode = next;
      session.clear();
    },
    addAtCentre() {
      const centre = map.getView().getCenter();
      if (centre) add(centre);
    },
    addAt: add,
    undo() {
      if (finished) finished = false;
      vertices.pop();
      redraw();
    },
    finish() {
      if (vertices.length === 0) return;
      finished = true;
      cursor = undefined;
      redraw();
    },
    clear() {
      vertices = [];
      cursor = undefined;
      finished = false;
      redraw();
    },
    dispose() {
      hold.release();
      keyTarget?.removeEventListener('keydown', onKey);
      map.removeLayer(layer);
      layer.dispose();
    },
  };
  return session;
}

const HALO = new Stroke({ color: 'rgba(255, 255, 255, 0.9)', width: 6 });
const LINE = new Stroke({ color: '#0b3d91', width: 3, lineDash: [10, 6] });
const FILL = new Fill({ color: 'rgba(11, 61, 145, 0.15)' });
const VERTEX = new Circle({ radius: 5, fill: new Fill({ color: '#fff' }), stroke: new Stroke({ color: '#0b3d91', width: 2 }) });

function styles(geometry: LineString | Polygon | undefined, label: string): Style[] {
  if (!geometry) return [];
  const coordinates = geometry instanceof Polygon ? geometry.getCoordinates()[0]!.slice(0, -1) : geometry.getCoordinates();
  const drawn = [new Style({ stroke: HALO }), new Style({ stroke: LINE, fill: FILL }), ...coordinates.map((c) => new Style({ geometry: new Point(c), image: VERTEX }))];
  const last = coordinates.at(-1);
  return label && last ? [...drawn, labelStyle(label, last)] : drawn;
}

/** The reading, written above the last vertex, clear of the centre's crosshair when that vertex is the centre. */
export function labelStyle(text: string, at: Coordinate): Style {
  return new Style({
    geometry: new Point(at),
    text: new Text({
      text,
      font: '600 14px system-ui, sans-serif',
      textBaseline: 'bottom',
      offsetY: -LABEL_CLEARANCE,
      fill: new Fill({ color: '#0b1f44' }),
      stroke: new Stroke({ color: '#fff', width: 4 }),
    }),
  });
}
