import { expect } from 'chai';
import type { WmsLayerDef } from '../../../src/context/types.js';
import { CartableLayerChoices } from '../../../src/ui/layer-choices/cartable-layer-choices.js';
import '../../../src/ui/layer-choices/cartable-layer-choices.js';
import { mount, nextEvent, unmountAll, validContext } from '../support/mount.js';

function layer(time: Record<string, unknown>): WmsLayerDef {
  const context = validContext({
    version: 1,
    id: 'c',
    title: 'C',
    view: { center: [-2.8, 48.1], zoom: 8 },
    layers: [
      {
        type: 'wms',
        id: 'pop',
        title: 'Population',
        url: 'https://geo.example/wms',
        layers: 'rb:pop',
        time,
        filters: [{ id: 'level', field: 'level', values: ['Commune', { value: 'EPCI', label: { fr: 'Intercommunalité', en: 'Inter-municipality' } }], label: 'Échelle', default: 'Commune' }],
      },
    ],
  });
  return context.layers[0] as WmsLayerDef;
}

async function choices(def: WmsLayerDef): Promise<CartableLayerChoices> {
  const element = mount(new CartableLayerChoices(), 'display:block;width:320px');
  element.layer = def;
  element.choices = { time: '2021', filters: { level: 'Commune' } };
  await element.updateComplete;
  return element;
}

describe('cartable-layer-choices', () => {
  afterEach(unmountAll);

  it('a slider of the times with its value said and shown; a step sends the next time', async () => {
    const element = await choices(layer({ values: ['2020/2023/P1Y'], label: 'Année' }));
    const slider = element.shadowRoot!.querySelector<HTMLInputElement>('input[type=range]')!;
    expect(slider.labels?.[0]?.textContent).to.equal('Année');
    expect(slider.getAttribute('aria-valuetext')).to.equal('2021');
    expect(element.shadowRoot!.querySelector('output')!.textContent).to.equal('2021');
    expect([...element.shadowRoot!.querySelectorAll('.ticks span')].map((s) => s.textContent)).to.deep.equal(['2020', '2021', '2022', '2023']);
    const event = nextEvent(element, 'cartable-layer-choice');
    slider.value = '2';
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    expect(((await event) as CustomEvent).detail).to.deep.equal({ id: 'pop', choice: { time: '2022' } });
  });

  it('a list of times for control "list"; filters as lists with « Tous » and the values\' labels', async () => {
    const element = await choices(layer({ values: ['2020', '2021'], control: 'list' }));
    const [time, filter] = [...element.shadowRoot!.querySelectorAll('select')];
    expect(time!.labels?.[0]?.textContent).to.equal('Date');
    expect(time!.value).to.equal('2021');
    expect(filter!.labels?.[0]?.textContent).to.equal('Échelle');
    expect([...filter!.options].map((o) => o.textContent)).to.deep.equal(['Tous', 'Commune', 'Intercommunalité']);
    const event = nextEvent(element, 'cartable-layer-choice');
    filter!.value = '';
    filter!.dispatchEvent(new Event('change', { bubbles: true }));
    expect(((await event) as CustomEvent).detail).to.deep.equal({ id: 'pop', choice: { filter: 'level', value: '' } });
  });
});
