import type { ReactiveControllerHost } from 'lit';
import type { EmbedSettings } from '../../embed/params.js';
import type { MapSession } from '../../session/map-session.js';
import type { SessionNotice } from '../../session/notices.js';
import type { LayoutController } from '../layout/layout-controller.js';

/** What the map view's controllers read of the element that holds them. */
export interface MapViewHost extends ReactiveControllerHost, HTMLElement {
  /** The map opened now (none before a document is given). */
  readonly session?: MapSession;
  readonly language: string;
  /** True on a phone-sized screen. */
  readonly narrow: boolean;
  /** The embed settings in force. */
  readonly embedSettings: EmbedSettings;
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** The element OpenLayers draws in. */
  readonly mapTarget: HTMLElement;
  /** Which panels are open: records, tables, the report and the layers open and close through it. */
  readonly layout: LayoutController;
  /** The quiet notice shown now. */
  readonly notice?: SessionNotice;
  /** Shows a quiet notice (none: clears it). */
  say(notice: SessionNotice | undefined): void;
  /** Zooms to a feature and opens its record (a search result, a table row). */
  showFeature(ref: { layerId: string; featureId: string | number }): Promise<boolean>;
}
