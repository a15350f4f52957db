import type { ChartFigures } from '../../charts/types.js';

export type ChartExportFormat = 'png' | 'svg' | 'csv';

/** TEMPORARY until charts/export.ts lands. */
export async function exportChart(
  _into: ParentNode,
  _options: { figures: ChartFigures; svg: SVGSVGElement | null | undefined; format: ChartExportFormat; layer: string; language: string },
): Promise<void> {}
