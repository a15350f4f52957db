/**
 * Shared pieces of the JSON Schemas (draft 2020-12). Plain data: the generator writes the assembled
 * schemas to public/schema/ (for editors and for anyone who reads the format) and compiles them ahead
 * of time into validators that run without eval (strict Content-Security-Policy).
 *
 * Each piece lives beside the type it describes; the order below is the order of the published `$defs`.
 */

import { chartDefs } from './chart.js';
import { commonDefs } from './common.js';
import { communeDefs } from './communes.js';
import { fieldDefs } from './fields.js';
import type { JsonSchema } from './json-schema.js';
import { layerCommonDefs, layerInfoDefs } from './layer-common.js';
import { legendDefs } from './legend.js';
import { popupDefs } from './popup.js';
import { searchDefs } from './search.js';
import { sourceDefs } from './sources.js';
import { styleDefs } from './style.js';
import { tableDefs } from './table.js';
import { vectorCommonDefs } from './vector.js';

export { ID_PATTERN, type JsonSchema } from './json-schema.js';

export const sharedDefs: Record<string, JsonSchema> = {
  ...commonDefs,
  ...sourceDefs,
  ...layerInfoDefs,
  ...fieldDefs,
  ...styleDefs,
  ...legendDefs,
  ...layerCommonDefs,
  ...popupDefs,
  ...tableDefs,
  ...chartDefs,
  ...searchDefs,
  ...vectorCommonDefs,
  ...communeDefs,
};
