import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { writeEmbed } from '../../embed/params.js';
import type { GestureHint } from '../../map/cooperative-gestures.js';
import { loadChunk } from '../../offline/load-chunk.js';
import type { MapSession } from '../../session/map-session.js';
import type { MapViewHost } from './host.js';

/** How long the hint of a gesture left to the host page stays. */
const HINT_MS = 1600;

/**
 * Embed mode: the hint of a gesture left to the host page (cooperative gestures), the full-screen
 * button, where the « open the full map » link leads, and the iframe's link to its host page (postMessage API).
 */
export class EmbedController implements ReactiveController {
  #hint?: GestureHint;
  #hintTimer?: ReturnType<typeof setTimeout>;
  #disconnectFrame?: () => void;

  constructor(private readonly host: MapViewHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.reset();
  }

  reset(): void {
    clearTimeout(this.#hintTimer);
    this.#hint = undefined;
    this.#disconnectFrame?.();
    this.#disconnectFrame = undefined;
  }

  showHint(hint: GestureHint): void {
    this.#hint = hint;
    clearTimeout(this.#hintTimer);
    this.#hintTimer = setTimeout(() => {
      this.#hint = undefined;
      this.host.requestUpdate();
    }, HINT_MS);
    this.host.requestUpdate();
  }

  /** An iframe embed answers its host (postMessage API, WordPress): the code loads only in embed mode. */
  connectFrame(session: MapSession): void {
    if (!this.host.embedSettings.embed || !session.urlState) return;
    void loadChunk(import('../../embed/frame.js')).then(({ connectFrame }) => {
      if (session.signal.aborted) return;
      const disconnect = connectFrame(session);
      this.#disconnectFrame = disconnect;
      session.signal.addEventListener('abort', disconnect, { once: true });
    });
  }

  get #fullscreen(): boolean {
    return document.fullscreenElement !== null && document.fullscreenElement !== undefined;
  }

  async #toggleFullscreen(): Promise<void> {
    try {
      if (this.#fullscreen) await document.exitFullscreen();
      else await document.documentElement.requestFullscreen();
    } catch {
      // Refused by the host page (no allow="fullscreen"): nothing changes.
    }
    this.host.requestUpdate();
  }

  /** Where the header's « open the full map » link leads (none when the embed hides it). */
  fullMapHref(permalink: string): string | undefined {
    return this.host.embedSettings.controls.fullmap ? writeEmbed(new URL(permalink), undefined).href : undefined;
  }

  /** The hint and the full-screen button, over the map. */
  render(): TemplateResult {
    const { embed, controls } = this.host.embedSettings;
    return html`${this.#hint
      ? html`<div class="gesture-hint" aria-hidden="true">
          ${this.#hint === 'wheel'
            ? msg('Pour zoomer, tournez la molette en tenant Ctrl (ou ⌘)', { id: 'embed.hint.wheel' })
            : msg('Pour déplacer la carte, utilisez deux doigts', { id: 'embed.hint.touch' })}
        </div>`
      : nothing}
    ${embed && controls.fullscreen && document.fullscreenEnabled
      ? html`<button class="fullscreen" aria-pressed=${this.#fullscreen ? 'true' : 'false'} @click=${() => void this.#toggleFullscreen()}>
          ${msg('Plein écran', { id: 'share.ctl.fullscreen' })}
        </button>`
      : nothing}`;
  }
}
