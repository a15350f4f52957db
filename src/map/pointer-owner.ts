import type { Pixel } from 'ol/pixel.js';
import type { Coordinate } from 'ol/coordinate.js';

/** Where the pointer is, in the view's projection and in pixels of the map. */
export interface PointerAt {
  readonly coordinate: Coordinate;
  readonly pixel: Pixel;
}

/** A tool that owns the map's clicks while it holds the pointer (measure, picking coordinates…). */
export interface PointerOwner {
  /** Names the owner (for whoever it displaces, and for tests). */
  readonly name: string;
  /** A click or a tap on the map. */
  readonly onClick?: (at: PointerAt) => void;
  /** The pointer moves over the map without dragging it. */
  readonly onMove?: (at: PointerAt) => void;
  /** The pointer left the map. */
  readonly onLeave?: () => void;
  /** A double click; true keeps it from zooming the map. */
  readonly onDoubleClick?: (at: PointerAt) => boolean;
  /** Another owner took the pointer: this hold has ended (its release() now does nothing). */
  readonly onTakenAway?: (by: PointerOwner) => void;
}

export interface PointerHold {
  /** Gives the pointer back; nothing when it was already given back or taken away. */
  release(): void;
  /** True until released or taken away. */
  readonly active: boolean;
}

export interface MapPointer {
  /** Takes the pointer for an owner; the owner that held it is told its hold ended. */
  take(owner: PointerOwner): PointerHold;
  /** Who holds the pointer now. */
  readonly owner: PointerOwner | undefined;
  /** True while an owner, or an anonymous hold, has the pointer: clicks open no records, hovering shows no tooltips. */
  readonly held: boolean;
}

export interface PointerControl extends MapPointer {
  /** An anonymous hold (adapter.holdPointer): such holds add up and displace nobody. */
  hold(): () => void;
}

/**
 * Who owns the map's pointer: one owner at a time, plus anonymous holds that only keep clicks from
 * opening records. `onHeld` is called each time the pointer becomes held (the adapter hides tooltips).
 */
export function createMapPointer(onHeld: () => void = () => undefined): PointerControl {
  let current: { owner: PointerOwner; active: boolean } | undefined;
  let anonymous = 0;
  return {
    get owner() {
      return current?.owner;
    },
    get held() {
      return current !== undefined || anonymous > 0;
    },
    take(owner) {
      const previous = current;
      const hold = { owner, active: true };
      current = hold;
      if (previous) {
        previous.active = false;
        previous.owner.onTakenAway?.(owner);
      }
      onHeld();
      return {
        get active() {
          return hold.active;
        },
        release() {
          if (!hold.active) return;
          hold.active = false;
          if (current === hold) current = undefined;
        },
      };
    },
    hold() {
      anonymous += 1;
      onHeld();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        anonymous -= 1;
      };
    },
  };
}
