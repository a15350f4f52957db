import { ID_PATTERN } from '../context/schema/json-schema.js';
import type { Report } from './report.js';

const VALID = new RegExp(ID_PATTERN);
const MAX_LENGTH = 80;

/** A Cartable id from any text (a URI, a title, a WMS name): letters, digits, "_", "." and "-". */
export function toId(raw: string, fallback: string): string {
  if (VALID.test(raw) && raw.length <= MAX_LENGTH) return raw;
  const slug = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .replace(/-+$/, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '');
  return slug && VALID.test(slug) ? slug : fallback;
}

/** The last meaningful segment of a URI used as an identifier ("http://x.org/a/b/" → "b"). */
export function lastSegment(uri: string): string {
  const parts = uri.split(/[/#?=:]+/).filter(Boolean);
  return parts.at(-1) ?? uri;
}

/** Hands out ids that are unique within one document, saying when one had to change. */
export class IdRegistry {
  private readonly used = new Set<string>();

  claim(raw: string, fallback: string, report: Report, path: string): string {
    const base = toId(raw, fallback);
    let id = base;
    for (let n = 2; this.used.has(id); n += 1) id = `${base.slice(0, MAX_LENGTH - 4)}-${n}`;
    this.used.add(id);
    if (id !== raw) {
      report.info(path, raw === '' ? `no identifier: named "${id}"` : this.usedMessage(raw, id, base));
    }
    return id;
  }

  private usedMessage(raw: string, id: string, base: string): string {
    return id === base
      ? `identifier "${raw}" is not a Cartable id (letters, digits, "_", "." and "-"): named "${id}"`
      : `identifier "${raw}" is used more than once: this one is named "${id}"`;
  }
}
