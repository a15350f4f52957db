import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Below this width side panels become sheets over the map: one breakpoint for every element. */
export const NARROW = '(max-width: 700px)';

/** Tells its host whether the screen is narrow, when it connects and on every change after. */
export class NarrowScreen implements ReactiveController {
  readonly #query = matchMedia(NARROW);
  readonly #onChange: (narrow: boolean) => void;

  constructor(host: ReactiveControllerHost, onChange: (narrow: boolean) => void) {
    this.#onChange = onChange;
    host.addController(this);
  }

  get matches(): boolean {
    return this.#query.matches;
  }

  hostConnected(): void {
    this.#query.addEventListener('change', this.#changed);
    this.#onChange(this.#query.matches);
  }

  hostDisconnected(): void {
    this.#query.removeEventListener('change', this.#changed);
  }

  readonly #changed = (): void => this.#onChange(this.#query.matches);
}
