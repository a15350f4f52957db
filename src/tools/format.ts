/**
 * Measures and coordinates written for people: French number formatting by default (narrow no-break
 * space between thousands, decimal comma), units that keep numbers short. Pure: no DOM.
 */

const formatter = (language: string, digits: number): Intl.NumberFormat =>
  new Intl.NumberFormat(language, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** A number with a fixed count of decimals, in the language's way. */
export const formatNumber = (value: number, language: string, digits = 0): string => formatter(language, digits).format(value);

/** Fewer decimals as the number grows: three significant digits at least, never more than two decimals. */
const digitsFor = (value: number): number => (value < 10 ? 2 : value < 100 ? 1 : 0);

/** A length in metres: « 850 m », « 12,4 m », « 1,25 km », « 391 km ». */
export function formatLength(metres: number, language = 'fr'): string {
  if (metres < 1000) return `${formatNumber(metres, language, metres < 100 ? 1 : 0)} m`;
  const km = metres / 1000;
  return `${formatNumber(km, language, digitsFor(km))} km`;
}

/** An area in square metres: m² under a hectare, hectares under a square kilometre, then km². */
export function formatArea(squareMetres: number, language = 'fr'): string {
  if (squareMetres < 10_000) return `${formatNumber(squareMetres, language, 0)} m²`;
  if (squareMetres < 1_000_000) {
    const ha = squareMetres / 10_000;
    return `${formatNumber(ha, language, digitsFor(ha))} ha`;
  }
  const km2 = squareMetres / 1_000_000;
  return `${formatNumber(km2, language, digitsFor(km2))} km²`;
}

/** Decimal degrees with their hemisphere: « 45,19000° N ». */
export function formatDegrees(value: number, axis: 'lat' | 'lon', language = 'fr'): string {
  return `${formatNumber(Math.abs(value), language, 5)}° ${hemisphere(value, axis, language)}`;
}

/** Degrees, minutes and seconds: « 45° 11′ 24,0″ N ». */
export function formatDms(value: number, axis: 'lat' | 'lon', language = 'fr'): string {
  // Rounded once, in tenths of a second, so that 59.96″ never shows as 60,0″.
  const tenths = Math.round(Math.abs(value) * 36000);
  const degrees = Math.floor(tenths / 36000);
  const minutes = Math.floor((tenths % 36000) / 600);
  const seconds = (tenths % 600) / 10;
  return `${degrees}° ${String(minutes).padStart(2, '0')}′ ${formatNumber(seconds, language, 1).padStart(4, '0')}″ ${hemisphere(value, axis, language)}`;
}

function hemisphere(value: number, axis: 'lat' | 'lon', language: string): string {
  if (axis === 'lat') return value < 0 ? 'S' : 'N';
  return value < 0 ? (language === 'fr' ? 'O' : 'W') : 'E';
}

/** Projected metres: « 914 000 m » style without the unit, whole metres. */
export const formatMetres = (value: number, language = 'fr'): string => formatNumber(value, language, 0);

/**
 * Coordinates as text to paste elsewhere: plain numbers with a dot, the order named by the system
 * (« lat, lon » for degrees, « x, y » for metres). The « go to » box reads them back.
 */
export function copyableDegrees(lon: number, lat: number): string {
  return `${lat.toFixed(6)}, ${lon.toFixed(6)}`;
}

export function copyableMetres(x: number, y: number): string {
  return `${x.toFixed(1)}, ${y.toFixed(1)}`;
}
