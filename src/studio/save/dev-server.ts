/**
 * The development server's studio endpoint (plugin/studio-endpoint.ts), as the studio's page uses it.
 * Only `npm start` has it: `import.meta.env.DEV` is false in the built site, so these addresses are
 * never asked there (and the code that asks them is left out of the build).
 */
import type { Problem } from '../../context/problems.js';
import type { PackagedFile } from '../model/edits.js';

export const STUDIO_ROUTE = '__cartable/studio/';

/** True only in code served by Vite's development server. */
// `?.`: test runners that serve the code without Vite have no import.meta.env.
export const isDevelopment = (): boolean => import.meta.env?.DEV === true;

export interface SiteMapEntry {
  readonly id: string;
  /** As the document writes it: a text, or a text per language. */
  readonly title: unknown;
}

const probes = new Map<string, Promise<SiteMapEntry[] | undefined>>();

/**
 * The maps folder's documents when the development server's endpoint answers, undefined otherwise
 * (a static site). Asked once per root.
 */
export function devMaps(root: string, refresh = false): Promise<SiteMapEntry[] | undefined> {
  if (!isDevelopment()) return Promise.resolve(undefined);
  if (refresh || !probes.has(root)) {
    const probe = fetch(new URL(`${STUDIO_ROUTE}maps`, root), { cache: 'no-store' })
      .then(async (response) => (response.ok ? ((await response.json()) as { maps: SiteMapEntry[] }).maps : undefined))
      .catch(() => undefined);
    probes.set(root, probe);
  }
  return probes.get(root)!;
}

/** A document's text as it is in the maps folder (undefined when there is none). */
export async function devMapText(root: string, id: string): Promise<string | undefined> {
  const response = await fetch(new URL(`${STUDIO_ROUTE}maps/${encodeURIComponent(id)}`, root), { cache: 'no-store' });
  return response.ok ? response.text() : undefined;
}

export type SaveOutcome =
  | { readonly ok: true; readonly saved: string; readonly files: readonly string[] }
  | {
      readonly ok: false;
      readonly status: number;
      readonly message: string;
      readonly problems: readonly Problem[];
      /** Refusals the page words itself: a file outside the map's folder, too large, a failed write. */
      readonly code?: 'file-outside' | 'too-large' | 'write';
      readonly file?: string;
    };

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Writes the document (its text) and its packaged files into the maps folder. */
export async function devSave(root: string, id: string, text: string, files: ReadonlyMap<string, PackagedFile>): Promise<SaveOutcome> {
  let response: Response;
  try {
    response = await fetch(new URL(`${STUDIO_ROUTE}maps/${encodeURIComponent(id)}`, root), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Cartable-Studio': '1' },
      body: JSON.stringify({ text, files: [...files].map(([path, file]) => ({ path, base64: base64Of(file.bytes) })) }),
    });
  } catch {
    return { ok: false, status: 0, message: '', problems: [] };
  }
  const body = (await response.json().catch(() => ({}))) as { saved?: string; files?: string[]; message?: string; problems?: Problem[]; code?: 'file-outside' | 'too-large' | 'write'; file?: string };
  if (response.ok) return { ok: true, saved: body.saved ?? `maps/${id}.json`, files: body.files ?? [] };
  return { ok: false, status: response.status, message: body.message ?? '', problems: body.problems ?? [], code: body.code, file: body.file };
}
