import { PROJ4_DEFINITIONS, PROJECTION_EXTENTS, isBuiltInProjection } from './definitions.js';
import { loadChunk } from '../offline/load-chunk.js';

/**
 * Makes the given projections known to OpenLayers. proj4 (≈ 50 KB gzip) is loaded only when a map
 * needs a projection that OpenLayers lacks, so Web-Mercator maps never pay for it.
 * Throws for a code that has no bundled definition.
 */
export async function ensureProjections(codes: Iterable<string>): Promise<void> {
  const missing = [...new Set(codes)].filter((code) => !isBuiltInProjection(code));
  if (missing.length === 0) return;
  const unknown = missing.filter((code) => !(code in PROJ4_DEFINITIONS));
  if (unknown.length) throw new Error(`Unknown projection: ${unknown.join(', ')}`);

  const [{ default: proj4 }, { register }, { get: getProjection }] = await Promise.all([
    loadChunk(import('proj4')),
    loadChunk(import('ol/proj/proj4.js')),
    loadChunk(import('ol/proj.js')),
  ]);
  const fresh = missing.filter((code) => !proj4.defs(code));
  if (fresh.length === 0) return;
  for (const code of fresh) proj4.defs(code, PROJ4_DEFINITIONS[code]!);
  register(proj4);
  for (const code of fresh) {
    const extent = PROJECTION_EXTENTS[code];
    if (extent) getProjection(code)?.setExtent([...extent]);
  }
}
