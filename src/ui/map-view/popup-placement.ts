import type { MapAdapter } from '../../map/adapter.js';
import type { Coordinate, Extent } from '../../map/places.js';
import type { PopupPlacement } from '../cartable-popup.js';
import { fitPlace } from '../layout/free-area.js';

/**
 * The panels that may lie over the map, as the map view draws them: the side panel, the table, the
 * report, and a record shown as a panel or a sheet (a popup follows its feature, so it covers nothing).
 */
const COVERS = ['aside', '.table-panel', 'cartable-report:not([hidden])', '.popup-holder.panel > cartable-popup', '.popup-holder.sheet > cartable-popup'];

/** The boxes of the panels shown now, in page pixels (hidden ones have none). */
export function panelBoxes(root: ParentNode): DOMRect[] {
  return [...root.querySelectorAll(COVERS.join(','))].map((e) => e.getBoundingClientRect()).filter((box) => box.width > 0 && box.height > 0);
}

/**
 * Frames a place (a feature's extent) in the part of the map that the open panels leave free;
 * `roomAbove` pixels at the top of the map stay clear too (an anchored popup goes above its feature).
 */
export function framePlace(adapter: MapAdapter, extent: Extent, root: ParentNode, mapTarget: HTMLElement, { duration, roomAbove = 0 }: { duration: number; roomAbove?: number }): Promise<void> {
  let moved = Promise.resolve();
  const place = [extent[0]!, extent[1]!, extent[2]!, extent[3]!] as const;
  const mapRect = mapTarget.getBoundingClientRect();
  const above = roomAbove > 0 ? [{ left: mapRect.left, top: mapRect.top, right: mapRect.right, bottom: mapRect.top + roomAbove }] : [];
  fitPlace(place, {
    mapRect,
    covers: [...panelBoxes(root), ...above],
    margin: 24,
    fit: (box, padding) => (moved = adapter.fitPlace(box, padding, { duration })),
  });
  return moved;
}

/** Keeps an anchored popup on its feature as the map moves (a panel or a sheet stays where it is). */
export function placePopup(holder: HTMLElement | null, placement: PopupPlacement, anchor: Coordinate, adapter: MapAdapter, mapTarget: HTMLElement): void {
  if (!holder) return;
  if (placement !== 'popup') {
    holder.style.removeProperty('transform');
    return;
  }
  const pixel = adapter.pixelOf(anchor);
  if (!pixel) return;
  const area = mapTarget.getBoundingClientRect();
  const width = holder.offsetWidth;
  const height = holder.offsetHeight;
  const x = Math.min(Math.max(pixel[0]! - width / 2, 8), Math.max(8, area.width - width - 8));
  const above = pixel[1]! - height - 16;
  const y = above >= 8 ? above : Math.min(pixel[1]! + 16, Math.max(8, area.height - height - 8));
  holder.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
}

/** Makes sure the popup, the panel or the sheet does not hide the feature; resolves once the map has moved. */
export function revealAnchor(holder: HTMLElement | null, placement: PopupPlacement, anchor: Coordinate, adapter: MapAdapter, mapTarget: HTMLElement): Promise<void> {
  const area = mapTarget.getBoundingClientRect();
  const box = holder?.getBoundingClientRect();
  const margin = 24;
  if (placement === 'sheet' && box) {
    return adapter.panIntoView(anchor, [margin, margin, area.width - margin, Math.max(margin * 2, box.top - area.top - margin)]);
  } else if (placement === 'panel' && box) {
    return adapter.panIntoView(anchor, [margin, margin, Math.max(margin * 2, box.left - area.left - margin), area.height - margin]);
  } else {
    // Room above the feature for the popup, which is then placed above it.
    const needed = (holder?.offsetHeight ?? 200) + 16 + 8;
    return adapter.panIntoView(anchor, [margin, Math.min(needed, area.height - margin), area.width - margin, area.height - margin]);
  }
}
