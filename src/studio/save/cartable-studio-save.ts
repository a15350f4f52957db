import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { localized } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import type { SiteConfig } from '../../context/types.js';
import type { Requester } from '../../net/requester.js';
import type { StudioState } from '../model/store.js';
import type { JsonPath } from '../model/json.js';
import type { StudioData } from '../data.js';
import { studioForm } from '../shell/studio-styles.js';

/**
 * @summary Studio: Enregistrer, télécharger, copier. (Skeleton: its part of the studio fills it.)
 * Takes the studio's state down; sends changes up as `cartable-studio-edit` events.
 */
@localized()
@element('cartable-studio-save')
export class CartableStudioSave extends LitElement {
  static override styles = [base, studioForm];

  @property({ attribute: false }) state?: StudioState;
  @property() language = 'fr';
  @property({ attribute: false }) site?: SiteConfig;
  @property({ attribute: false }) requester?: Requester;
  @property() root = new URL('./', location.href).href;
  @property({ attribute: false }) layerPath?: JsonPath;
  @property({ attribute: false }) data?: StudioData | null;
  @property() openId?: string;
  @property({ type: Boolean }) dirty = false;

  override render(): TemplateResult {
    return html``;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-save': CartableStudioSave;
  }
}
