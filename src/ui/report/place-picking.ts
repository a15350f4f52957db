import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MapAdapter } from '../../map/adapter.js';
import type { PointerHold } from '../../map/pointer-owner.js';
import { areaFeature, drawShape, polygonAt } from '../../report/map-glue.js';
import type { Picked } from './places.js';

export interface PlacePickingOptions {
  /** The map's adapter now (the map may be rebuilt). */
  readonly adapter: () => MapAdapter | undefined;
  readonly onPicked: (picked: Picked) => void;
  /** A click found nothing to pick there (picking goes on). */
  readonly onMissed: () => void;
  /** The person cancelled with Escape. */
  readonly onCancelled: () => void;
}

/**
 * Picking the report's place on the map: the next click (an area feature or a point), or a drawn
 * polygon or line. It takes the map's pointer (`adapter.pointer.take`), so that no record opens and
 * no tool hears the same click; another tool taking the pointer ends the picking. Escape cancels.
 */
export class PlacePicking implements ReactiveController {
  /** Waiting for a click or a drawing on the map. */
  picking?: 'feature' | 'point' | 'draw';
  /** Vertices placed so far while drawing. */
  vertices = 0;
  readonly #host: ReactiveControllerHost;
  readonly #options: PlacePickingOptions;
  #drawing?: ReturnType<typeof drawShape>;
  #stop?: () => void;

  constructor(host: ReactiveControllerHost, options: PlacePickingOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancel();
  }

  /** The next click on the map picks an area feature (a commune…) or a point. */
  pickOnMap(what: 'feature' | 'point'): void {
    const adapter = this.#options.adapter();
    if (!adapter) return;
    this.cancel();
    const hold: PointerHold = adapter.pointer.take({
      name: 'report',
      onClick: (at) => {
        if (what === 'point') return this.#picked({ kind: 'point', at: at.coordinate });
        const found = polygonAt(adapter.map, at.pixel);
        const area = areaFeature(found?.feature);
        if (!found || !area) return this.#options.onMissed();
        this.#picked({ kind: 'feature', layerId: found.layerId, ...area });
      },
      onTakenAway: () => this.#ended(),
    });
    this.#start(what, () => hold.release());
  }

  /** Draws a polygon or a line on the map, vertex by vertex. */
  draw(shape: 'area' | 'line'): void {
    const adapter = this.#options.adapter();
    if (!adapter) return;
    this.cancel();
    this.vertices = 0;
    const drawing = drawShape(adapter.map, adapter.pointer, shape === 'line' ? 'LineString' : 'Polygon', (n) => {
      this.vertices = n;
      this.#host.requestUpdate();
    });
    this.#drawing = drawing;
    this.#start('draw', () => drawing.cancel());
    void drawing.done.then((geometry) => {
      if (this.#drawing !== drawing) return;
      if (geometry) this.#picked({ kind: 'shape', shape, geometry });
      else this.#ended(); // Another tool took the pointer.
    });
  }

  finishDrawing(): void {
    this.#drawing?.finish();
  }

  undoVertex(): void {
    this.#drawing?.undo();
  }

  /** Stops picking (nothing picked). */
  cancel(): void {
    this.#ended();
  }

  #start(what: 'feature' | 'point' | 'draw', stop: () => void): void {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      this.cancel();
      this.#options.onCancelled();
    };
    window.addEventListener('keydown', onKey, true);
    this.#stop = () => {
      window.removeEventListener('keydown', onKey, true);
      stop();
    };
    this.picking = what;
    this.#host.requestUpdate();
  }

  #picked(picked: Picked): void {
    this.cancel();
    this.#options.onPicked(picked);
  }

  /** Ends the picking once: the Escape listener goes, the pointer is given back (unless taken away). */
  #ended(): void {
    const stop = this.#stop;
    this.#stop = undefined;
    this.#drawing = undefined;
    stop?.();
    if (this.picking) {
      this.picking = undefined;
      this.#host.requestUpdate();
    }
  }
}
