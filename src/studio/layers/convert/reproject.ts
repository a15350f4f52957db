/** Coordinates to WGS84 longitude/latitude with proj4 (the studio never touches OpenLayers). */
import proj4 from 'proj4';
import { PROJ4_DEFINITIONS } from '../../../proj/definitions.js';

export const WGS84 = 'EPSG:4326';

/** A function from `code` coordinates to [lon, lat]; undefined for an unknown projection. */
export function toWgs84(code: string): ((xy: readonly number[]) => number[]) | undefined {
  // ETRS89 and RGF93 geographic coordinates differ from WGS84 by less than a metre.
  if ([WGS84, 'CRS:84', 'OGC:CRS84', 'EPSG:4258', 'EPSG:4171'].includes(code)) return (xy) => [...xy];
  const definition = PROJ4_DEFINITIONS[code] ?? (code === 'EPSG:3857' ? 'EPSG:3857' : undefined);
  if (!definition) return undefined;
  const converter = proj4(definition, 'EPSG:4326');
  return (xy) => {
    const [x, y] = converter.forward([xy[0]!, xy[1]!]);
    return [round(x!), round(y!)];
  };
}

/** Seven decimals: about a centimetre, and files a third smaller than full doubles. */
const round = (n: number): number => Math.round(n * 1e7) / 1e7;

type Coordinates = number[] | Coordinates[];

/** The nested coordinates of a geometry, each position converted. */
export function mapPositions(coordinates: Coordinates, convert: (xy: readonly number[]) => number[]): Coordinates {
  if (typeof coordinates[0] === 'number') return convert(coordinates as number[]);
  return (coordinates as Coordinates[]).map((inner) => mapPositions(inner, convert));
}
