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
  // Aligned with the button's edge nearest the window's middle, so that it grows into the window, and
  // slid back when the width its styles ask for (or at least its minimum) would cross the window's edge.
  const asked = Math.min(width - 2 * MARGIN, wantedWidth(popover));
  const fromLeft = box.left + box.width / 2 < width / 2;
  const start = Math.max(MARGIN, Math.min(fromLeft ? box.left : width - box.right, width - MARGIN - asked));
  style.left = fromLeft ? `${start}px` : 'auto';
  style.right = fromLeft ? 'auto' : `${start}px`;
  style.maxWidth = `${width - start - MARGIN}px`;
}

/** The width a hidden popover's styles ask for: its `width`, or else its `min-width` (px), or 0. */
function wantedWidth(popover: HTMLElement): number {
  const styles = getComputedStyle(popover);
  return parseFloat(styles.width) || parseFloat(styles.minWidth) || 0;
}

/** The element that has focus, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
