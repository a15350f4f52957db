/**
 * The site configuration's validation, apart from the map documents' (validate.ts): the build and the
 * `cartable` command run it, the browser never does, so its compiled schema stays out of the browser's chunks.
 */
import { siteConfig as compiledSiteConfig } from '../generated/site-validator.js';
import { deepFreeze } from './freeze.js';
import type { SiteConfig } from './types.js';
import { runSchema, type Validated } from './validate.js';

export function validateSiteConfig(input: unknown): Validated<SiteConfig> {
  const result = runSchema<SiteConfig>(compiledSiteConfig, input);
  return result.ok ? { ok: true, value: deepFreeze(result.value) } : result;
}
