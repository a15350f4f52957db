import { ContextProvider } from '@lit/context';
import type { MapContext } from '../../../src/context/types.js';
import { sessionContext } from '../../../src/session/context.js';
import { MapSession } from '../../../src/session/map-session.js';
import { mount } from './mount.js';

/**
 * Mounts an element inside a provider of a map session on `context`, as a map view holds its
 * children. No map is built (the session has a store and layers, no adapter, and writes no URL), so
 * nothing needs closing: `unmountAll` takes the provider away. Change the state with `session.store.dispatch(…)`, the session with `provider.setValue(…)`.
 */
export function mountInSession<T extends HTMLElement>(
  element: T,
  context: MapContext,
  style = 'display:block;width:640px;height:480px',
): { element: T; session: MapSession; provider: ContextProvider<typeof sessionContext> } {
  const session = new MapSession({ context, documentUrl: location.href, urlState: false });
  const provider = mount(document.createElement('div'), 'display:contents');
  const contextProvider = new ContextProvider(provider, { context: sessionContext, initialValue: session });
  element.setAttribute('style', style);
  provider.append(element);
  return { element, session, provider: contextProvider };
}
