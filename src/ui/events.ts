/** Typed events the elements send up. All bubble and cross shadow roots. */
export interface CartableEventMap {
  'cartable-layer-visibility': { id: string; visible: boolean };
  'cartable-layer-opacity': { id: string; opacity: number };
  'cartable-group-expanded': { id: string; expanded: boolean };
  'cartable-layer-info': { id: string };
  'cartable-layer-retry': { id: string };
  'cartable-basemap': { id: string };
  'cartable-language': { language: string };
}

export type CartableEventName = keyof CartableEventMap;

export function emit<K extends CartableEventName>(from: EventTarget, name: K, detail: CartableEventMap[K]): void {
  from.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'cartable-layer-visibility': CustomEvent<CartableEventMap['cartable-layer-visibility']>;
    'cartable-layer-opacity': CustomEvent<CartableEventMap['cartable-layer-opacity']>;
    'cartable-group-expanded': CustomEvent<CartableEventMap['cartable-group-expanded']>;
    'cartable-layer-info': CustomEvent<CartableEventMap['cartable-layer-info']>;
    'cartable-layer-retry': CustomEvent<CartableEventMap['cartable-layer-retry']>;
    'cartable-basemap': CustomEvent<CartableEventMap['cartable-basemap']>;
    'cartable-language': CustomEvent<CartableEventMap['cartable-language']>;
  }
}
