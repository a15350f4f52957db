import type { VectorStyle } from '../../src/context/types.js';

const dot = (color: string) => ({ marker: { shape: 'circle' as const, radius: 2, fill: { color } } });

/** The style of the bench's `points` layer: a few countries by category, the others in the base colour (radius 2 like the baselines). */
export const BENCH_POINTS_STYLE: VectorStyle = {
  categories: {
    field: 'country',
    values: [
      { value: 'FR', symbol: dot('#1f5fa8') },
      { value: 'US', symbol: dot('#2ca02c') },
      { value: 'DE', symbol: dot('#9467bd') },
      { value: 'IN', symbol: dot('#ff7f0e') },
      { value: 'BR', symbol: dot('#8c564b') },
    ],
  },
  symbol: dot('#c0392b'),
};
