import WMTSCapabilities from 'ol/format/WMTSCapabilities.js';
import { get as getProjection } from 'ol/proj.js';
import { optionsFromCapabilities, type Options } from 'ol/source/WMTS.js';
import type { WmtsLayerDef } from '../../context/types.js';
import { ServiceExceptionError, serviceExceptionOf } from '../../ogc/exception.js';
import { parseXml } from '../../ogc/xml.js';
import { InvalidResponseError, NotOfferedError } from '../ogc/problem.js';

type Caps = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The WMTS source options of a layer, read from its service's capabilities document (XML text,
 * parsed without tripping the CSP: src/ogc/xml.ts): the matrix set named by `def.matrixSet` when the layer links
 * it, else the one in `def.projection`, else the first; the document's format and style when the
 * layer offers them, else the layer's own. Tiles are asked from `url` (the document's endpoint: the
 * URLs capabilities list are often internal or outdated), with KVP requests. Throws when the
 * capabilities are not readable or do not hold the layer.
 */
export function wmtsOptionsFromCapabilities(xml: string, def: WmtsLayerDef, url: string): Options {
  const doc = parseXml(xml);
  const exception = doc && serviceExceptionOf(doc);
  if (exception) throw new ServiceExceptionError(exception.message, exception.code);
  if (!doc) throw new InvalidResponseError('WMTS capabilities');
  let caps: Caps;
  try {
    caps = new WMTSCapabilities().read(doc) as Caps;
  } catch {
    throw new InvalidResponseError('WMTS capabilities');
  }
  const layers = (caps?.['Contents']?.['Layer'] ?? []) as Caps[];
  const layer = layers.find((l) => l['Identifier'] === def.layer);
  if (!layer) throw new NotOfferedError(def.layer);
  const links = (layer['TileMatrixSetLink'] ?? []) as Caps[];
  const config: Record<string, unknown> = { layer: def.layer };
  if (links.some((link) => link['TileMatrixSet'] === def.matrixSet)) config['matrixSet'] = def.matrixSet;
  else if (getProjection(def.projection)) config['projection'] = def.projection;
  const formats = (layer['Format'] ?? []) as string[];
  if (formats.includes(def.format)) config['format'] = def.format;
  // Tiles are asked from the document's endpoint with KVP, whatever operations the capabilities list.
  caps['OperationsMetadata'] = { GetTile: { DCP: { HTTP: { Get: [{ href: url }] } } } };
  const options = optionsFromCapabilities(caps, config as never);
  // The layer is there, but in no tile grid this map can use.
  if (!options) throw new NotOfferedError(def.layer);
  // OpenLayers matches a style on its title; the document names its identifier.
  const styles = ((layer['Style'] ?? []) as Caps[]).map((s) => s['Identifier'] as string);
  if (styles.includes(def.style)) options.style = def.style;
  return options;
}
