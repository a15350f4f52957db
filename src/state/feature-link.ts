/**
 * The selected feature in the URL: ?feature=<layer id>~<feature id>. Feature ids are values of the
 * layer's id field (INPG records: "PAC0058"), so a link reopens the same record for good.
 */
export interface FeatureRef {
  readonly layerId: string;
  readonly featureId: string;
}

const PARAM = 'feature';
const SEPARATOR = '~';

export function readFeatureRef(url: URL): FeatureRef | undefined {
  const value = url.searchParams.get(PARAM);
  if (!value) return undefined;
  const at = value.indexOf(SEPARATOR);
  if (at <= 0 || at === value.length - 1) return undefined;
  return { layerId: value.slice(0, at), featureId: value.slice(at + 1) };
}

/** The same URL naming another feature (or none). */
export function withFeatureRef(url: URL, ref: FeatureRef | undefined): URL {
  const next = new URL(url);
  if (ref) next.searchParams.set(PARAM, `${ref.layerId}${SEPARATOR}${ref.featureId}`);
  else next.searchParams.delete(PARAM);
  return next;
}
