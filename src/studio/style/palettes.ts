/**
 * Colour palettes for categories and classes: data, chosen to stay distinct for people with colour
 * vision deficiencies (and printed in grey for the sequential ones).
 */

/**
 * Okabe–Ito, « Color Universal Design » (Masataka Okabe and Kei Ito, 2008, jfly.uni-koeln.de/color/):
 * eight qualitative colours told apart under deuteranopia, protanopia and tritanopia. Black, last,
 * comes after the seven hues.
 */
export const OKABE_ITO: readonly string[] = ['#e69f00', '#56b4e9', '#009e73', '#f0e442', '#0072b2', '#d55e00', '#cc79a7', '#000000'];

/** The qualitative palette's size: values beyond it go to « Autres ». */
export const MAX_CATEGORIES = OKABE_ITO.length;

export type SequentialName = 'viridis' | 'ylgnbu' | 'ylorrd';

/** Class counts the editor offers. */
export const MIN_CLASSES = 3;
export const MAX_CLASSES = 7;

/**
 * Sequential palettes, light to dark, by number of classes (3 to 7).
 * viridis: matplotlib's (Stéfan van der Walt and Nathaniel Smith), sampled evenly as R's viridisLite::viridis(n) gives it;
 * YlGnBu and YlOrRd: ColorBrewer 2.0 (Cynthia Brewer, colorbrewer2.org), marked colour-blind safe there.
 */
export const SEQUENTIAL: Readonly<Record<SequentialName, Readonly<Record<number, readonly string[]>>>> = {
  viridis: {
    3: ['#fde725', '#21908c', '#440154'],
    4: ['#fde725', '#35b779', '#31688e', '#440154'],
    5: ['#fde725', '#5dc863', '#21908c', '#3b528b', '#440154'],
    6: ['#fde725', '#7ad151', '#22a884', '#2a788e', '#414487', '#440154'],
    7: ['#fde725', '#8fd744', '#35b779', '#21908c', '#31688e', '#443a83', '#440154'],
  },
  ylgnbu: {
    3: ['#edf8b1', '#7fcdbb', '#2c7fb8'],
    4: ['#ffffcc', '#a1dab4', '#41b6c4', '#225ea8'],
    5: ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'],
    6: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#2c7fb8', '#253494'],
    7: ['#ffffcc', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#0c2c84'],
  },
  ylorrd: {
    3: ['#ffeda0', '#feb24c', '#f03b20'],
    4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
    5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
    6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
    7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  },
};

/** `n` distinct qualitative colours (n ≤ MAX_CATEGORIES; beyond, they repeat). */
export const qualitative = (n: number): string[] => Array.from({ length: Math.max(0, n) }, (_, i) => OKABE_ITO[i % OKABE_ITO.length]!);

/** The sequential palette of `n` classes (clamped to 3–7). */
export function sequential(name: SequentialName, n: number): readonly string[] {
  const count = Math.min(MAX_CLASSES, Math.max(MIN_CLASSES, Math.round(n)));
  return SEQUENTIAL[name][count]!;
}

/** Colours of a new style: a mid blue symbol with a white rim, grey « Autres », dark labels on a white halo. */
export const DEFAULT_COLOURS = {
  fill: '#0072b2',
  outline: '#ffffff',
  line: '#0072b2',
  others: '#8c8c8c',
  label: '#1b1b1b',
  halo: '#ffffff',
} as const;
