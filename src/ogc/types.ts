/** What an OGC service offers, as read from its capabilities (src/ogc/capabilities.ts). */

export type ServiceType = 'wms' | 'wmts' | 'wfs';

/** A box in lon/lat: [west, south, east, north]. */
export type LonLatBox = readonly [number, number, number, number];

/** One layer (WMS, WMTS) or feature type (WFS) a service offers. */
export interface OfferedLayer {
  /** WMS Name, WMTS Identifier, WFS type name: what requests ask for. */
  readonly name: string;
  readonly title: string;
  readonly abstract?: string;
  readonly extent?: LonLatBox;
  /** WMS: the service answers GetFeatureInfo for it. */
  readonly queryable?: boolean;
  /** WMTS: the legend image of its default style. */
  readonly legendUrl?: string;
  /** WMTS: its tile formats, matrix sets and default style. */
  readonly formats?: readonly string[];
  readonly matrixSets?: readonly string[];
  readonly style?: string;
  /** WMS: its TIME dimension (values and "start/end/period" ranges, as the service lists them). */
  readonly time?: { readonly values: readonly string[]; readonly default?: string };
}

export interface ServiceCapabilities {
  readonly type: ServiceType;
  readonly version: string;
  /** The service's own title. */
  readonly title: string;
  readonly layers: readonly OfferedLayer[];
  /** WMS: GetMap image formats; WFS: GetFeature output formats. */
  readonly formats: readonly string[];
}
