/** OGC standardised rendering pixel: 0.28 mm. */
export const OGC_PIXEL_METRES = 0.00028;

/**
 * Map units per pixel at a scale denominator, for a projection with `metersPerUnit` metres per unit
 * (1 for Lambert-93 and Web Mercator, ~111 km for degrees). Web Mercator is taken at face value, as
 * OGC services do.
 */
export const scaleToResolution = (scale: number, metersPerUnit: number): number =>
  (scale * OGC_PIXEL_METRES) / metersPerUnit;

export const resolutionToScale = (resolution: number, metersPerUnit: number): number =>
  (resolution * metersPerUnit) / OGC_PIXEL_METRES;

/** True when a scale lies within [minScale, maxScale). */
export const isInScaleRange = (scale: number, range: { minScale?: number; maxScale?: number }): boolean =>
  (range.minScale === undefined || scale >= range.minScale) && (range.maxScale === undefined || scale < range.maxScale);
