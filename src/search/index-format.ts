/**
 * The serialised form of a search index (format "cartable-search", version 1): plain JSON holding the
 * raw texts (and labels when they differ), ids and points — nothing derived. The build writes it; an
 * index rebuilds its words and postings when it loads one (text-index.ts).
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
}

/** The serialised index: plain JSON, version 1. */
export interface SerialisedIndex {
  readonly format: 'cartable-search';
  readonly version: 1;
  /** Texts joined by "\n" (newlines in texts are replaced by spaces). */
  readonly texts: string;
  /** Labels joined by "\n", when some differ from their text; "" in a line means "same as the text". */
  readonly labels?: string;
  readonly ids?: ReadonlyArray<string | number | null>;
  /**
   * lon, lat pairs ×1e5, as integers, each pair relative to the previous one (smaller JSON); a record
   * without a point is written as 0, 0 (and reads back as that point) when others have one.
   */
  readonly points?: readonly number[];
}

const line = (text: string): string => text.replace(/[\r\n]+/g, ' ');

/** Serialises records (at build time, or in the worker). */
export function serialiseIndex(records: readonly IndexRecord[]): SerialisedIndex {
  const texts = records.map((r) => line(r.text));
  const labels = records.map((r, i) => (r.label === undefined || line(r.label) === texts[i] ? '' : line(r.label)));
  const hasLabels = labels.some(Boolean);
  const hasIds = records.some((r) => r.id !== undefined);
  const hasPoints = records.some((r) => r.point);
  let points: number[] | undefined;
  if (hasPoints) {
    points = [];
    let px = 0;
    let py = 0;
    for (const r of records) {
      const x = Math.round((r.point?.[0] ?? 0) * 1e5);
      const y = Math.round((r.point?.[1] ?? 0) * 1e5);
      points.push(x - px, y - py);
      px = x;
      py = y;
    }
  }
  return {
    format: 'cartable-search',
    version: 1,
    texts: texts.join('\n'),
    ...(hasLabels ? { labels: labels.join('\n') } : {}),
    ...(hasIds ? { ids: records.map((r) => r.id ?? null) } : {}),
    ...(points ? { points } : {}),
  };
}

/** True for a value that looks like a serialised index. */
export function isSerialisedIndex(value: unknown): value is SerialisedIndex {
  const v = value as Partial<SerialisedIndex> | null;
  return !!v && v.format === 'cartable-search' && v.version === 1 && typeof v.texts === 'string';
}
