/**
 * The commune source of a map: its own `communes.source` (in a built document, the one the build
 * resolved: the service, or the packaged files), else the site's service. Loaded by the UI when the
 * report offers « Une commune » (never with the first map).
 */
import type { CommuneServiceSetting, CommuneSourceSetting, MapContext, PackagedCommunesSetting, SiteConfig } from '../context/types.js';
import type { Requester } from '../net/requester.js';
import { createPackagedSource } from './packaged.js';
import { createServiceSource } from './service.js';
import type { CommuneSource } from './types.js';

const relativeToPage = (url: string): string => new URL(url, globalThis.document?.baseURI ?? globalThis.location?.href).href;

/**
 * The source a setting names: a service, or files the build packaged (`resolveUrl` resolves their
 * URLs against the document's: give the session's). Files not yet packaged (a document that skipped
 * the build) give undefined: only the build reads them.
 */
export function createCommuneSource(
  setting: CommuneSourceSetting | PackagedCommunesSetting,
  requester: Requester,
  resolveUrl: (url: string) => string = relativeToPage,
): CommuneSource | undefined {
  if ('service' in setting) return createServiceSource(setting as CommuneServiceSetting, requester);
  if ('packaged' in setting) return createPackagedSource(setting, requester, resolveUrl);
  return undefined;
}

/**
 * The commune source of a map that offers « Une commune » (`communes` in its document), or undefined
 * when it offers none or has no source it can read. `resolveUrl`: the session's (URLs relative to the document).
 */
export function communeSourceFor(
  site: Pick<SiteConfig, 'communes'> | undefined,
  context: Pick<MapContext, 'communes'>,
  requester: Requester,
  resolveUrl?: (url: string) => string,
): CommuneSource | undefined {
  if (!context.communes) return undefined;
  const setting = context.communes.source ?? site?.communes;
  return setting ? createCommuneSource(setting, requester, resolveUrl) : undefined;
}
