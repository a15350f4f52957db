import type { Coordinate } from 'ol/coordinate.js';
import type { MapAdapter } from '../../map/adapter.js';
import type { PopupPlacement } from '../cartable-popup.js';

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

/** Makes sure the popup, the panel or the sheet does not hide the feature. */
export function revealAnchor(holder: HTMLElement | null, placement: PopupPlacement, anchor: Coordinate, adapter: MapAdapter, mapTarget: HTMLElement): void {
  const area = mapTarget.getBoundingClientRect();
  const box = holder?.getBoundingClientRect();
  const margin = 24;
  if (placement === 'sheet' && box) {
    adapter.panIntoView(anchor, [margin, margin, area.width - margin, Math.max(margin * 2, box.top - area.top - margin)]);
  } else if (placement === 'panel' && box) {
    adapter.panIntoView(anchor, [margin, margin, Math.max(margin * 2, box.left - area.left - margin), area.height - margin]);
  } else {
    // Room above the feature for the popup, which is then placed above it.
    const needed = (holder?.offsetHeight ?? 200) + 16 + 8;
    adapter.panIntoView(anchor, [margin, Math.min(needed, area.height - margin), area.width - margin, area.height - margin]);
  }
}
