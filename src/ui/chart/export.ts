import type { CartableChart } from '../../charts/cartable-chart.js';
import { chartCsvFile, chartPngFile, chartSvgFile, type ChartFile } from '../../charts/export.js';
import { downloadBlob } from '../table/download.js';

export type ChartExportFormat = 'png' | 'svg' | 'csv';

/** Saves the chart drawn (SVG, PNG) or its figures (CSV) as a file named after its title. */
export async function exportChart(into: ParentNode, chart: CartableChart, format: ChartExportFormat): Promise<void> {
  if (!chart.figures) return;
  const file: ChartFile =
    format === 'svg' ? chartSvgFile(chart) : format === 'png' ? await chartPngFile(chart) : chartCsvFile(chart.figures, chart.language);
  downloadBlob(into, file.blob, file.name);
}
