/** English texts of the chart panel beside a table (see en.ts). */
import { str } from '@lit/localize';

export const chartPanel: Record<string, unknown> = {
  'chartPanel.back': 'Back to the table',
  'chartPanel.charts': 'Charts',
  'chartPanel.choice': 'Charts of the layer',
  'chartPanel.close': 'Close the chart',
  'chartPanel.export': 'Export the chart:',
  'chartPanel.filter': str`Chart filter: ${0}`,
  'chartPanel.heading': str`Charts: ${0}`,
  'chartPanel.layerFailed': 'The layer could not be loaded: no chart to show.',
  'chartPanel.loading': 'Loading the layer’s features…',
  'chartPanel.noRows': 'This layer has no feature to count.',
  'chartPanel.noValues': 'None of the features kept has a value for this field.',
  'chartPanel.noneKept': 'No feature matches the table’s filters.',
  'chartPanel.other': 'Other',
  'chartPanel.showAll': 'Show all',
};
