import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { emit } from '../events.js';
import { NarrowScreen } from '../narrow-screen.js';
import type { PanelName, ScreenKind } from './panels.js';
import { changeScreen, closePanel, closeTop, emptyLayout, openPanel, shownPanels, statusOf, togglePanel, type LayoutState, type LayoutStep, type PanelStatus } from './rules.js';

/**
 * The screen layout of one element: which panels are open, by the rules of src/ui/layout/rules.ts.
 * Follows the screen's width, closes the top panel on Esc, re-renders its host on every change and
 * sends one `cartable-panel-change` per panel that changed (the host opens or closes what it shows).
 */
export class LayoutController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  #state: LayoutState;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    const narrow = new NarrowScreen(host, (isNarrow) => this.#apply(changeScreen(this.#state, isNarrow ? 'phone' : 'wide')));
    this.#state = emptyLayout(narrow.matches ? 'phone' : 'wide');
    host.addController(this);
  }

  get state(): LayoutState {
    return this.#state;
  }

  get screen(): ScreenKind {
    return this.#state.screen;
  }

  /** The panels on screen now (not minimised), oldest first. */
  get shown(): PanelName[] {
    return shownPanels(this.#state);
  }

  status(panel: PanelName): PanelStatus {
    return statusOf(this.#state, panel);
  }

  isOpen(panel: PanelName): boolean {
    return this.status(panel) === 'open';
  }

  open(panel: PanelName): void {
    this.#apply(openPanel(this.#state, panel));
  }

  close(panel: PanelName): void {
    this.#apply(closePanel(this.#state, panel));
  }

  /** A new map: nothing open, and nothing to tell (what was open went with the old map). */
  clear(): void {
    this.#apply({ state: emptyLayout(this.#state.screen), changes: [] });
  }

  toggle(panel: PanelName): void {
    this.#apply(togglePanel(this.#state, panel));
  }

  /** What Esc does: closes the top panel, and says which (undefined when none may close). */
  closeTop(): PanelName | undefined {
    const result = closeTop(this.#state);
    this.#apply(result);
    return result.closed;
  }

  hostConnected(): void {
    this.#host.addEventListener('keydown', this.#onKeydown);
    document.addEventListener('keydown', this.#onPageKeydown);
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('keydown', this.#onKeydown);
    document.removeEventListener('keydown', this.#onPageKeydown);
  }

  /** Esc with no focus anywhere (after a click on the map's canvas, focus is on the page's body). */
  readonly #onPageKeydown = (event: KeyboardEvent): void => {
    if (event.target === document.body || event.target === document.documentElement) this.#onKeydown(event);
  };

  readonly #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    // A modal dialog (share, layer information) or a popover (the table's filters) closes itself on Esc:
    // the panels under it stay.
    if (event.composedPath().some(closesItselfOnEscape)) return;
    if (this.closeTop()) event.preventDefault();
  };

  #apply(step: LayoutStep): void {
    if (step.state === this.#state) return;
    this.#state = step.state;
    this.#host.requestUpdate();
    for (const change of step.changes) emit(this.#host, 'cartable-panel-change', change);
  }
}

/** An open dialog or popover on the key's path, or a button whose popover is open. */
function closesItselfOnEscape(node: EventTarget): boolean {
  if (node instanceof HTMLDialogElement && node.open) return true;
  if (!(node instanceof HTMLElement)) return false;
  const popover = node instanceof HTMLButtonElement ? node.popoverTargetElement : null;
  return node.matches(':popover-open') || (popover instanceof HTMLElement && popover.matches(':popover-open'));
}
