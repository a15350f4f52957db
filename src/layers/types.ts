import type Feature from 'ol/Feature.js';
import type { Extent } from 'ol/extent.js';
import type BaseLayer from 'ol/layer/Base.js';
import type OlMap from 'ol/Map.js';
import type { Pixel } from 'ol/pixel.js';
import type { Projection } from 'ol/proj.js';
import type { LayerDef, LayerType } from '../context/types.js';
import type { LayerChoices } from '../context/layers/wms-choices.js';
import type { LayerHit } from '../identify/hit.js';
import type { LoadPolicySettings } from './load-policy.js';
import type { Requester } from '../net/requester.js';
import type { LayerProblem, LayerStatus } from './status.js';

export interface LayerStatusReport {
  readonly status: LayerStatus;
  readonly problem?: LayerProblem;
  readonly featureCount?: number;
  readonly skipped?: number;
  /** Features the service holds for the last request (e.g. WFS numberMatched). */
  readonly total?: number;
  /** True when fewer features were sent than the service holds (a cap was reached). */
  readonly capped?: boolean;
  /** Refreshing layers: when the data shown was read, and why the last refresh failed (the older data stays). */
  readonly updated?: number;
  readonly stale?: LayerProblem;
}

/** What a layer factory gets from the map: no store, no UI — only the means to load and to report. */
export interface LayerEnvironment {
  readonly requester: Requester;
  readonly viewProjection: Projection;
  /** Resolves a document-relative URL (packaged files, icons). */
  readonly resolveUrl: (url: string) => string;
  readonly report: (report: LayerStatusReport) => void;
  readonly attributions: readonly string[];
  /** How failed loads are retried and bounded (src/layers/load-policy.ts); the defaults when absent. */
  readonly loadPolicy?: LoadPolicySettings;
}

/** A created layer and how to try loading it again after a failure. */
export interface CreatedLayer {
  readonly layer: BaseLayer;
  readonly retry: () => void;
  readonly dispose?: () => void;
  /**
   * A click the layer itself answers (e.g. a cluster zooms into its points), called by the map before
   * it identifies features; returns true when the click was used and nothing else should happen.
   */
  readonly onClick?: (event: { readonly map: OlMap; readonly pixel: Pixel }) => boolean;
  /**
   * For layers that are not OpenLayers vector layers (e.g. `points`, drawn on a canvas): the features
   * drawn within `tolerance` pixels of a pixel, nearest first. Identify and hover consult it.
   */
  readonly hit?: LayerHit;
  /** For layers without an OpenLayers vector source: a loaded feature by the value of its id field. */
  readonly findFeature?: (id: string | number) => Feature | undefined;
  /**
   * Vector kinds: which of the layer's features lie in an extent (in the view's projection). The
   * layer answers in its own way (its loaded data, its service or its file's index asked for the box)
   * and loads what it needs first, a switched-off layer too. Rejects when aborted, with
   * LayerNotLoadedError when its data could not be read, with the service's error otherwise.
   */
  readonly featuresIn?: (extent: Extent, signal?: AbortSignal) => Promise<FeaturesInExtent>;
  /** Layers a person makes choices on (a WMS layer's time and filters): the store's choices, at each change. */
  readonly applyChoices?: (choices: LayerChoices | undefined) => void;
  /**
   * Vector kinds drawn with the document's style: draws the layer with the style of `def` (the same
   * layer, its style changed: the studio's style editor) in place, keeping its features. False when
   * it cannot (the map is then built anew).
   */
  readonly restyle?: (def: LayerDef) => boolean;
}

/** A layer's answer to « which of your features lie in this extent? ». */
export interface FeaturesInExtent {
  /** Features whose box meets the extent (their geometry may still miss it), ids from `idField`. */
  readonly features: readonly Feature[];
  /** True when a service sent fewer features than it holds there: the list is a part. */
  readonly capped?: boolean;
  /** Who answered: a service asked for the box (e.g. WFS GetFeature), or the layer's data. */
  readonly answeredBy: 'service' | 'data';
}

/** One layer kind: its factory, and the projections it needs registered before it is created. */
export interface LayerKind<D extends LayerDef = LayerDef> {
  readonly type: D['type'];
  readonly projections: (def: D) => string[];
  readonly create: (def: D, env: LayerEnvironment) => CreatedLayer;
  /**
   * True when the layer reads its features by view extent (a service or a file's index asked for each
   * box: only what is in view is loaded), false when it reads them whole. Kinds without features
   * (images, tiles) leave it out.
   */
  readonly readsByExtent?: (def: D) => boolean;
  /** Where search finds the layer's features when its document names no index (absent: what the layer has loaded). */
  readonly searchSource?: (def: D) => SearchSource | undefined;
}

/**
 * A layer's features for search: a GeoJSON document read whole (a URL or inline data, indexed in the
 * search worker), or a service asked at each query (the URL that asks it, answering GeoJSON in lon/lat).
 */
export type SearchSource =
  | { readonly from: 'geojson'; readonly url?: string; readonly data?: unknown; readonly projection?: string }
  | { readonly from: 'service'; readonly url: (query: string, options: { limit: number; resolveUrl?: (url: string) => string }) => string };

export type LayerKindOf<T extends LayerType> = LayerKind<Extract<LayerDef, { type: T }>>;
