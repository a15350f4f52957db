import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { formatProblem } from '../src/context/problems.js';
import type { SiteConfig } from '../src/context/types.js';
import { parseJson } from '../src/context/validate.js';
import { validateSiteConfig } from '../src/context/validate-site.js';

export const SITE_CONFIG_FILE = 'site.config.json';

/**
 * The site configuration's file: `site.config.json`, or the file the CARTABLE_SITE_CONFIG environment
 * variable names (absolute, or relative to the project), e.g. to build a copy of the site with other
 * settings (the analytics end-to-end test does).
 */
export function siteConfigPath(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(projectRoot, env.CARTABLE_SITE_CONFIG || SITE_CONFIG_FILE);
}

/**
 * The folder of the map documents: `maps/`, or the folder CARTABLE_MAPS_DIR names (absolute, or
 * relative to the project), e.g. a temporary copy the studio's tests save into.
 */
export function mapsDirOf(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(projectRoot, env.CARTABLE_MAPS_DIR || 'maps');
}

/** The validated site configuration (with defaults), or every problem in it. */
export function loadSiteConfig(projectRoot: string): { site?: SiteConfig; problems: string[] } {
  const path = siteConfigPath(projectRoot);
  const name = relative(projectRoot, path) || SITE_CONFIG_FILE;
  if (!existsSync(path)) return { problems: [`${name}: missing (the site configuration)`] };
  const parsed = parseJson(readFileSync(path, 'utf8'));
  const result = parsed.ok ? validateSiteConfig(parsed.value) : parsed;
  if (!result.ok) return { problems: result.problems.map((p) => formatProblem(name, p)) };
  return { site: result.value, problems: [] };
}
