import { expect } from 'chai';
import type { AuthSession } from '../../../src/auth/session.js';
import { CartableAccessMessage } from '../../../src/ui/cartable-access-message.js';
import { mount, unmountAll, waitFor } from '../support/mount.js';

/** A session stand-in: who is signed in, and what signIn() answers. */
function session(user: AuthSession['user'], outcome: { kind: string } = { kind: 'redirected' }) {
  const calls: string[] = [];
  return {
    calls,
    session: {
      user,
      expired: false,
      lastError: undefined,
      signIn: async (_: string, options?: { switchAccount?: boolean }) => {
        calls.push(options?.switchAccount ? 'switch' : 'sign-in');
        return outcome;
      },
      signOut: async () => void calls.push('sign-out'),
    } as unknown as AuthSession,
  };
}

async function show(props: Partial<CartableAccessMessage>): Promise<ShadowRoot> {
  const element = new CartableAccessMessage();
  Object.assign(element, props);
  mount(element);
  await element.updateComplete;
  return element.shadowRoot!;
}

describe('cartable-access-message', () => {
  afterEach(unmountAll);

  it('403: who is signed in, as text (a name is never markup), switch account and sign out', async () => {
    const { session: s, calls } = session({ sub: 'x', name: '<img src=x onerror=alert(1)>Eve', email: 'eve@example.org', groups: [] });
    const root = await show({ problem: 'forbidden', session: s });
    expect(root.querySelector('h1')!.textContent).to.equal('Vous n’avez pas accès à cette carte');
    expect(root.textContent).to.contain('Connecté(e) en tant que <img src=x onerror=alert(1)>Eve (eve@example.org)');
    expect(root.querySelector('img')).to.equal(null);
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Changer de compte', 'Se déconnecter']);
    buttons[0]!.click();
    buttons[1]!.click();
    await waitFor(() => calls.length === 2);
    expect(calls).to.deep.equal(['switch', 'sign-out']);
  });

  it('401 in a frame whose popups are blocked: a link to sign in in a new tab, out of embed mode', async () => {
    const { session: s } = session(undefined, { kind: 'popup-blocked' });
    const root = await show({ problem: 'sign-in', session: s });
    expect(root.querySelector('h1')!.textContent!.trim()).to.equal('Connexion requise');
    root.querySelector('button')!.click();
    await waitFor(() => !!root.querySelector('a[target="_blank"]'));
    const link = root.querySelector<HTMLAnchorElement>('a[target="_blank"]')!;
    expect(link.textContent!.trim()).to.equal('Ouvrir dans un nouvel onglet pour se connecter');
    expect(new URL(link.href).searchParams.has('embed')).to.equal(false);
    expect(link.rel).to.equal('noopener');
  });

  it('network: a retry button that asks again', async () => {
    let retried = 0;
    const root = await show({ problem: 'network', reason: 'no answer after 20 s', session: session(undefined).session, onRetry: () => retried++ });
    expect(root.textContent).to.contain('no answer after 20 s');
    root.querySelector('button')!.click();
    expect(retried).to.equal(1);
  });
});
