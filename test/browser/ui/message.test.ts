/** A broken document's problems, said in the page's language with their file and JSON path. */
import { expect } from 'chai';
import { validateContext } from '../../../src/context/validate.js';
import { CartableMessage } from '../../../src/ui/cartable-message.js';
import '../../../src/ui/cartable-message.js';
import { mount, unmountAll, waitFor } from '../support/mount.js';

const items = (message: CartableMessage): string[] => [...message.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim());

describe('cartable-message', () => {
  afterEach(unmountAll);

  it('lists the problems in English on an English page, and in French once the page switches', async () => {
    const result = validateContext({ version: 1, id: 'x', title: 'X', view: { center: [2, 46], zoom: 'nine' }, layers: [] });
    expect(result.ok).to.equal(false);
    const message = new CartableMessage();
    Object.assign(message, { file: 'maps/x.json', problems: result.ok ? [] : result.problems, language: 'en' });
    mount(message, '');
    await waitFor(() => !!message.shadowRoot?.querySelector('li'));
    expect(items(message)).to.deep.equal(['maps/x.json: /view/zoom — must be a number ≥ 0 and ≤ 30, got "nine"']);
    message.language = 'fr';
    await message.updateComplete;
    expect(items(message)).to.deep.equal(['maps/x.json: /view/zoom — doit être un nombre ≥ 0 et ≤ 30 (trouvé : "nine")']);
  });
});
