/**
 * The serialised form of a search index (format "cartable-search", version 2): plain JSON holding the
 * raw texts (and labels when they differ), ids, points and ranks — nothing derived. The build writes
 * it; an index rebuilds its words and postings when it loads one (text-index.ts). Version 1 (no
 * ranks; a record without a point written as 0, 0) is still read, 0, 0 then meaning "no point".
 */

/** One searchable record, as given to the index. */
export interface IndexRecord {
  /** The text searched (one or more fields joined by spaces). */
  readonly text: string;
  /** What a person reads in the results (default: the text). */
  readonly label?: string;
  /** The feature's id (idField), for showFeature. */
  readonly id?: string | number;
  /** Where it is, lon/lat (EPSG:4326), to zoom to it before its layer has loaded it. */
  readonly point?: readonly [number, number];
  /** Importance (e.g. population): among equal text matches, higher first. */
  readonly rank?: number;
}

/** The serialised index: plain JSON, version 2 (version 1 is read too). */
export interface SerialisedIndex {
  readonly format: 'cartable-search';
  readonly version: 1 | 2;
  /** Texts joined by "\n" (newlines in texts are replaced by spaces). */
  readonly texts: string;
  /** Labels joined by "\n", when some differ from their text; "" in a line means "same as the text". */
  readonly labels?: string;
  readonly ids?: ReadonlyArray<string | number | null>;
  /**
   * When some record has a point: per record, its lon, lat ×1e5 as integers, each pair relative to the
   * previous point (smaller JSON), or one `null` for a record without a point (version 2; version 1
   * wrote 0, 0 there).
   */
  readonly points?: ReadonlyArray<number | null>;
  /** When some record has a rank: one number per record, `null` for none (version 2). */
  readonly ranks?: ReadonlyArray<number | null>;
}

/** The version written. */
export const INDEX_VERSION = 2;

const line = (text: string): string => text.replace(/[\r\n]+/g, ' ');

const isPoint = (p: IndexRecord['point']): p is readonly [number, number] => !!p && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Serialises records (at build time, or in the worker). */
export function serialiseIndex(records: readonly IndexRecord[]): SerialisedIndex {
  const texts = records.map((r) => line(r.text));
  const labels = records.map((r, i) => (r.label === undefined || line(r.label) === texts[i] ? '' : line(r.label)));
  const hasLabels = labels.some(Boolean);
  const hasIds = records.some((r) => r.id !== undefined);
  const hasRanks = records.some((r) => Number.isFinite(r.rank));
  let points: Array<number | null> | undefined;
  if (records.some((r) => isPoint(r.point))) {
    points = [];
    let px = 0;
    let py = 0;
    for (const r of records) {
      if (!isPoint(r.point)) {
        points.push(null);
        continue;
      }
      const x = Math.round(r.point[0] * 1e5);
      const y = Math.round(r.point[1] * 1e5);
      points.push(x - px, y - py);
      px = x;
      py = y;
    }
  }
  return {
    format: 'cartable-search',
    version: INDEX_VERSION,
    texts: texts.join('\n'),
    ...(hasLabels ? { labels: labels.join('\n') } : {}),
    ...(hasIds ? { ids: records.map((r) => r.id ?? null) } : {}),
    ...(points ? { points } : {}),
    ...(hasRanks ? { ranks: records.map((r) => (Number.isFinite(r.rank) ? r.rank! : null)) } : {}),
  };
}

/** "No point" in the decoded x array. */
export const NO_POINT = -0x80000000;

/**
 * The points of a serialised index, decoded: x, y ×1e5 per record (x = NO_POINT for none), or
 * undefined when no record has one.
 */
export function decodePoints(data: SerialisedIndex, size: number): Int32Array | undefined {
  const encoded = data.points;
  if (!encoded) return undefined;
  const points = new Int32Array(size * 2).fill(NO_POINT);
  let x = 0;
  let y = 0;
  for (let i = 0, r = 0; i < encoded.length && r < size; r++) {
    const dx = encoded[i];
    if (dx === null || dx === undefined) {
      i++;
      continue;
    }
    x += dx;
    y += encoded[i + 1] ?? 0;
    i += 2;
    // Version 1 wrote a record without a point as 0, 0 (the Gulf of Guinea): read it as none.
    if (data.version === 1 && x === 0 && y === 0) continue;
    points[2 * r] = x;
    points[2 * r + 1] = y;
  }
  return points;
}

/** True for a value that looks like a serialised index (version 1 or 2). */
export function isSerialisedIndex(value: unknown): value is SerialisedIndex {
  const v = value as Partial<SerialisedIndex> | null;
  return !!v && v.format === 'cartable-search' && (v.version === 1 || v.version === 2) && typeof v.texts === 'string';
}
