import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatProblem } from '../src/context/problems.js';
import type { SiteConfig } from '../src/context/types.js';
import { parseJson, validateSiteConfig } from '../src/context/validate.js';

export const SITE_CONFIG_FILE = 'site.config.json';

/** The validated site configuration (with defaults), or every problem in it. */
export function loadSiteConfig(projectRoot: string): { site?: SiteConfig; problems: string[] } {
  const path = join(projectRoot, SITE_CONFIG_FILE);
  if (!existsSync(path)) return { problems: [`${SITE_CONFIG_FILE}: missing (the site configuration)`] };
  const parsed = parseJson(readFileSync(path, 'utf8'));
  const result = parsed.ok ? validateSiteConfig(parsed.value) : parsed;
  if (!result.ok) return { problems: result.problems.map((p) => formatProblem(SITE_CONFIG_FILE, p)) };
  return { site: result.value, problems: [] };
}
