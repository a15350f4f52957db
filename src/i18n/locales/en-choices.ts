/** English texts of a WMS layer's time and filter controls (src/ui/layer-choices/). */
import { str } from '@lit/localize';

export const choices = {
  'layer.time.label': 'Date',
  'layer.choice.line': str`${0}: ${1}`,
  'layer.choices.label': str`Choices for ${0}`,
  'layer.filter.all': 'All',
};
