/** Space kept between a popover and the window's edges, and between it and its button. */
const MARGIN = 8;
const GAP = 4;
/** Below this room, a popover opens on the other side of its button. */
const ENOUGH_ROOM = 200;

/**
 * Places a popover (in the top layer, `position: fixed`) beside the button that opens it, inside the
 * window: on the side asked for when it has room, otherwise on the roomier side; it scrolls within
 * the room it gets. Done before it shows (`beforetoggle`), so it never appears elsewhere first.
 */
export function placePopover(popover: HTMLElement, anchor: HTMLElement, prefer: 'above' | 'below'): void {
  const box = anchor.getBoundingClientRect();
  const width = document.documentElement.clientWidth;
  const height = innerHeight;
  const roomAbove = box.top - GAP - MARGIN;
  const roomBelow = height - box.bottom - GAP - MARGIN;
  const above = prefer === 'above' ? roomAbove >= ENOUGH_ROOM || roomAbove > roomBelow : roomBelow < ENOUGH_ROOM && roomAbove > roomBelow;
  const style = popover.style;
  style.top = above ? 'auto' : `${box.bottom + GAP}px`;
  style.bottom = above ? `${height - box.top + GAP}px` : 'auto';
  style.maxHeight = `${Math.max(0, above ? roomAbove : roomBelow)}px`;
  // Aligned with the button's edge nearest the window's middle, so that it grows into the window.
  const fromLeft = box.left + box.width / 2 < width / 2;
  style.left = fromLeft ? `${Math.max(MARGIN, box.left)}px` : 'auto';
  style.right = fromLeft ? 'auto' : `${Math.max(MARGIN, width - box.right)}px`;
  style.maxWidth = `${fromLeft ? width - Math.max(MARGIN, box.left) - MARGIN : Math.min(width, box.right) - MARGIN}px`;
}

/** The element that has focus, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
