/**
 * The attributes a commune source reads, and a suggestion made from a record's properties. Shared by
 * the browser (service answers) and the build (packaged files).
 */
import type { CommuneFields } from '../context/types.js';
import type { CommuneSuggestion } from './types.js';

/** The attributes of `LIMITES_ADMINISTRATIVES_EXPRESS.LATEST:commune` on the Géoplateforme. */
export const SERVICE_FIELDS: Required<CommuneFields> = {
  name: 'nom',
  code: 'code_insee',
  department: 'code_insee_du_departement',
  population: 'population',
};

/** The attributes of plain commune files (e.g. ../shared/data/admin/communes-38-isere.geojson): no département, no population. */
export const FILE_FIELDS: CommuneFields = { name: 'nom', code: 'code' };

/** The département of an INSEE code: its first 2 characters (2A, 2B for Corsica), 3 overseas (97x). */
export function departmentOf(code: string): string {
  return code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2);
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

/** A record's population, when it is a number ≥ 0 (or a string holding one). */
function populationOf(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** The suggestion a record's properties make, or undefined without a name or a code. */
export function suggestionOf(properties: Readonly<Record<string, unknown>> | null | undefined, fields: CommuneFields): CommuneSuggestion | undefined {
  const name = text(properties?.[fields.name ?? 'nom']);
  const code = text(properties?.[fields.code ?? 'code'])?.toUpperCase();
  if (!name || !code) return undefined;
  const department = (fields.department ? text(properties?.[fields.department])?.toUpperCase() : undefined) ?? departmentOf(code);
  const population = fields.population ? populationOf(properties?.[fields.population]) : undefined;
  return population === undefined ? { name, code, department } : { name, code, department, population };
}
