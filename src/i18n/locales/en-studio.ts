/**
 * English texts of Cartable Studio (see en.ts), added to the interface's when the studio opens
 * (src/studio/i18n.ts): map pages in English never load them. One file per part of the studio.
 */
import { str } from '@lit/localize';
import { studioCatalogue } from './en-studio-catalogue.js';
import { studioLayers } from './en-studio-layers.js';
import { studioRecords } from './en-studio-records.js';
import { studioSave } from './en-studio-save.js';
import { studioSettings } from './en-studio-settings.js';
import { studioStyle } from './en-studio-style.js';

export const studio: Record<string, unknown> = {
  'studio.editor': 'Document editing',
  'studio.modified': '(modified)',
  'studio.narrow': 'Read-only preview: the studio is used on a wider screen.',
  'studio.preview.empty': 'The map preview shows as soon as the document is valid.',
  'studio.problems.count': str`${0} problem(s) to fix before saving: ${1}.`,
  'studio.problems.none': 'Valid document',
  'studio.problems.show': str`Show: ${0}`,
  'studio.redo': 'Redo',
  'studio.redo.step': str`Redo: ${0}`,
  'studio.section.layers': 'Layers',
  'studio.section.records': 'Records',
  'studio.section.settings': 'Map',
  'studio.section.style': 'Style',
  'studio.sections': 'Parts of the document',
  'studio.title': 'Studio',
  'studio.undo': 'Undo',
  'studio.undo.step': str`Undo: ${0}`,
  ...studioCatalogue,
  ...studioLayers,
  ...studioRecords,
  ...studioSave,
  ...studioSettings,
  ...studioStyle,
};
