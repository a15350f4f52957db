import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface MenuButtonParts {
  /** The button that opens the menu (aria-haspopup="menu"). */
  readonly button: () => HTMLElement | null | undefined;
  /** The menu's items, in order (elements with a menuitem role). */
  readonly items: () => readonly HTMLElement[];
}

/**
 * The WAI-ARIA menu button pattern: Enter, Space or ↓ open the menu on its first item, ↑ on its last;
 * ↑ ↓ Home End move between items; Esc closes it and gives focus back to the button; Tab and a
 * pointer outside close it. The host renders `open` and calls the two key handlers.
 */
export class MenuButton implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #parts: MenuButtonParts;
  #open = false;

  constructor(host: ReactiveControllerHost & HTMLElement, parts: MenuButtonParts) {
    this.#host = host;
    this.#parts = parts;
    host.addController(this);
  }

  get open(): boolean {
    return this.#open;
  }

  async show(focus: 'first' | 'last' = 'first'): Promise<void> {
    this.#setOpen(true);
    await this.#host.updateComplete;
    const items = this.#parts.items();
    (focus === 'first' ? items[0] : items.at(-1))?.focus();
  }

  hide({ returnFocus }: { returnFocus: boolean }): void {
    if (!this.#open) return;
    this.#setOpen(false);
    if (returnFocus) this.#parts.button()?.focus();
  }

  toggle(): void {
    if (this.#open) this.hide({ returnFocus: true });
    else void this.show('first');
  }

  readonly onButtonKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowDown' ? 'first' : 'last');
    } else if (event.key === 'Escape' && this.#open) {
      event.preventDefault();
      this.hide({ returnFocus: true });
    }
  };

  readonly onMenuKeydown = (event: KeyboardEvent): void => {
    const items = this.#parts.items();
    const at = items.indexOf(event.composedPath().find((n): n is HTMLElement => items.includes(n as HTMLElement)) as HTMLElement);
    const moveTo = (index: number): void => {
      event.preventDefault();
      items[(index + items.length) % items.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return moveTo(at + 1);
      case 'ArrowUp':
        return moveTo(at - 1);
      case 'Home':
        return moveTo(0);
      case 'End':
        return moveTo(items.length - 1);
      case 'Escape':
        // Used here: the panels under the menu stay open (see the LayoutController).
        event.preventDefault();
        event.stopPropagation();
        return this.hide({ returnFocus: true });
      case 'Tab':
        return this.hide({ returnFocus: false });
    }
  };

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this.#onPointerDown, true);
    this.#open = false;
  }

  #setOpen(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    if (open) document.addEventListener('pointerdown', this.#onPointerDown, true);
    else document.removeEventListener('pointerdown', this.#onPointerDown, true);
    this.#host.requestUpdate();
  }

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (!event.composedPath().includes(this.#host)) this.hide({ returnFocus: false });
  };
}
