import type Feature from 'ol/Feature.js';
import { HttpReader } from 'flatgeobuf/lib/mjs/http-reader.js';
import { ensureProjections } from '../../proj/register.js';
import { checkDataExtent } from '../projection-check/geometries.js';
import type { RangeReader } from '../range-read.js';
import { WrongFormatError } from '../answer.js';
import { dataProjectionOf, featureConverter, isFlatGeobuf } from './read.js';

/** An indexed file read by parts: its header and the top of its index are read once. */
export interface IndexedFile {
  readonly reader: HttpReader;
  readonly dataProjection: string;
}

/**
 * Opens a FlatGeobuf file for reading by extent, every range through `range` (the requester).
 * Undefined when the file has no spatial index: it can then only be read whole. Throws
 * OutsideProjectionError when the file's box lies wholly outside its projection, WrongFormatError
 * when its first bytes are not a FlatGeobuf file's.
 */
export async function openIndexed(range: RangeReader, fallbackProjection: string | undefined): Promise<IndexedFile | undefined> {
  // The file's start is checked here: the library logs a console error for each file it finds is none.
  const getRange = async (begin: number, length: number): Promise<ArrayBuffer> => {
    const bytes = await range.read(begin, length);
    if (begin === 0 && !isFlatGeobuf(new Uint8Array(bytes))) throw new WrongFormatError();
    return bytes;
  };
  try {
    const reader = await HttpReader.openSource({ getRange }, false);
    const dataProjection = dataProjectionOf(reader.header, fallbackProjection);
    // The header's box holds every feature: data in another projection than declared shows here.
    checkDataExtent(reader.header.envelope, dataProjection);
    await ensureProjections([dataProjection]);
    return { reader, dataProjection };
  } catch (error) {
    if (error instanceof Error && error.message.startsWith('No index found')) return undefined;
    throw error;
  }
}

/** The features of a rectangle (in the data's CRS), through the index: only their bytes are read. */
export async function readRect(
  file: IndexedFile,
  rect: { minX: number; minY: number; maxX: number; maxY: number },
  options: { featureProjection: string; idField?: string },
): Promise<{ features: Feature[]; skippedIds: number[] }> {
  const convert = featureConverter({ dataProjection: file.dataProjection, ...options });
  const features: Feature[] = [];
  const skippedIds: number[] = [];
  for await (const { id, feature } of file.reader.selectBbox(rect)) {
    const converted = convert(id, feature, file.reader.header);
    if (converted) features.push(converted);
    else skippedIds.push(id);
  }
  return { features, skippedIds };
}
