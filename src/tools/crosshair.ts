/**
 * The cross that marks the map's centre while a tool aims with it (measuring with the keyboard,
 * coordinates), in CSS pixels. What the tools write next to the centre keeps clear of it.
 */
export const CROSSHAIR_SIZE = 28;

/** How far above a point the measure's reading ends (its bottom edge), clear of the cross drawn on that point. */
export const LABEL_CLEARANCE = CROSSHAIR_SIZE / 2 + 8;
