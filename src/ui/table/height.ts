import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ROW_HEIGHT } from './layout.js';

/** Where the chosen height lives for the rest of the visit (a reload keeps it, a new tab does not). */
const KEY = 'cartable:table-height';
/** The toolbar, the header and two rows. */
const MIN_HEIGHT = 180;
/** Above the table: the header of the page and a strip of map big enough to act on. */
const KEPT_ABOVE = 200;
/** The default: most of the lower half of the window, at least 8 rows with the toolbar at 1366×768. */
const DEFAULT_SHARE = 0.56;
const DEFAULT_MAX = 480;

function remembered(): number | undefined {
  try {
    const value = Number(sessionStorage.getItem(KEY));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined; // Storage refused (sandboxed frame, privacy settings): the default height.
  }
}

function remember(height: number): void {
  try {
    sessionStorage.setItem(KEY, String(height));
  } catch {
    // The height then lasts as long as the table.
  }
}

/**
 * The height of a table docked under the map, chosen by dragging the handle on its top edge or with
 * the keyboard on it (a separator: arrows by a row, Page keys by five, Home/End to the bounds), and
 * remembered for the visit. The host gets the height as its own; on phones (`enabled` false) the
 * host fills what holds it.
 */
export class TableHeightController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #enabled: () => boolean;
  #wanted: number;
  #drag?: { pointerId: number; y: number; height: number };

  constructor(host: ReactiveControllerHost & HTMLElement, enabled: () => boolean) {
    this.#host = host;
    this.#enabled = enabled;
    this.#wanted = remembered() ?? Math.min(DEFAULT_MAX, Math.round(innerHeight * DEFAULT_SHARE));
    host.addController(this);
  }

  get min(): number {
    return MIN_HEIGHT;
  }

  get max(): number {
    return Math.max(MIN_HEIGHT, innerHeight - KEPT_ABOVE);
  }

  /** The height, within the bounds of the window as it is now. */
  get height(): number {
    return Math.round(Math.max(this.min, Math.min(this.max, this.#wanted)));
  }

  hostUpdate(): void {
    const style = this.#host.style;
    if (this.#enabled()) {
      // Inline, through the CSSOM (the CSP refuses style attributes): it beats the `flex: 1` of a
      // container, and the container may then shrink the table (max-height) but never stretch it.
      style.height = `${this.height}px`;
      style.flex = '0 1 auto';
    } else {
      style.removeProperty('height');
      style.removeProperty('flex');
    }
  }

  #set(height: number, keep: boolean): void {
    this.#wanted = Math.max(this.min, Math.min(this.max, height));
    if (keep) remember(this.height);
    this.#host.requestUpdate();
  }

  onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    event.preventDefault(); // No text selection while dragging.
    (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
    this.#drag = { pointerId: event.pointerId, y: event.clientY, height: this.height };
  };

  onPointerMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (drag?.pointerId !== event.pointerId) return;
    this.#set(drag.height + drag.y - event.clientY, false);
  };

  onPointerUp = (event: PointerEvent): void => {
    if (this.#drag?.pointerId !== event.pointerId) return;
    this.#drag = undefined;
    this.#set(this.height, true);
  };

  onKeydown = (event: KeyboardEvent): void => {
    const steps: Record<string, number> = { ArrowUp: 1, ArrowRight: 1, ArrowDown: -1, ArrowLeft: -1, PageUp: 5, PageDown: -5 };
    let next: number | undefined;
    if (event.key in steps) next = this.height + steps[event.key]! * ROW_HEIGHT;
    else if (event.key === 'Home') next = this.min;
    else if (event.key === 'End') next = this.max;
    if (next === undefined) return;
    event.preventDefault();
    this.#set(next, true);
  };
}
