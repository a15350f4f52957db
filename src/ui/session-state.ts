import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveElement } from 'lit';
import { msg } from '@lit/localize';
import type { LayerNode } from '../context/types.js';
import { sessionContext } from '../session/context.js';
import type { MapSession } from '../session/map-session.js';
import type { MapState } from '../state/store.js';

/**
 * The map session for an element inside a map view, read through `@lit/context` (the view provides
 * it), and the store's state: the host updates when the session changes, when its map is built, and
 * at every state change while connected. `new SessionState(this)`, then `.session` and `.state`.
 */
export class SessionState implements ReactiveController {
  session?: MapSession;
  state?: MapState;
  readonly #host: ReactiveElement;
  #stop?: () => void;

  constructor(host: ReactiveElement) {
    this.#host = host;
    new ContextConsumer(host, { context: sessionContext, subscribe: true, callback: (session) => this.#follow(session) });
    host.addController(this);
  }

  /** The layer tree: the document's, with the added layers in their own group on top. */
  get tree(): readonly LayerNode[] {
    return this.session?.layers.tree(this.state, msg('Couches ajoutées', { id: 'addLayer.group' })) ?? [];
  }

  hostConnected(): void {
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  #follow(session: MapSession | undefined): void {
    if (session === this.session) {
      this.#host.requestUpdate(); // The same session again: its document changed in place (MapSession.restyle).
      return;
    }
    this.hostDisconnected();
    this.session = session;
    this.state = session?.store.state;
    this.#subscribe();
    // The adapter comes once the map is built: tools need it.
    if (session && !session.adapter) void session.whenBuilt().then(() => this.session === session && this.#host.requestUpdate());
    this.#host.requestUpdate();
  }

  #subscribe(): void {
    const session = this.session;
    if (!session || this.#stop || !this.#host.isConnected) return;
    this.state = session.store.state; // It may have changed while the host was away.
    this.#stop = session.store.subscribe((next) => {
      this.state = next;
      this.#host.requestUpdate();
    });
  }
}
