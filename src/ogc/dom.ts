/**
 * Reading OGC documents' elements by their local name, whatever their namespace (services disagree
 * on prefixes and namespaces; only local names matter here). The DOM is read directly: the OpenLayers
 * parsers would do, but loading them with the add-layer dialog would split the first map's shared chunks.
 */
import type { LonLatBox } from './types.js';

export const text = (value: string | null | undefined): string | undefined => (value && value.trim() ? value.trim() : undefined);

export const box = (value: ReadonlyArray<number | undefined>): LonLatBox | undefined => {
  if (value.length !== 4 || !value.every((n) => typeof n === 'number' && Number.isFinite(n))) return undefined;
  const [w, s, e, n] = value as number[];
  return w! <= e! && s! <= n! && w! >= -180 && e! <= 180 && s! >= -90 && n! <= 90 ? [w!, s!, e!, n!] : undefined;
};

export const children = (parent: Element | undefined, name: string): Element[] =>
  parent ? [...parent.childNodes].filter((n): n is Element => n.nodeType === 1 && (n as Element).localName === name) : [];
export const child = (parent: Element | undefined, name: string): Element | undefined => children(parent, name)[0];
export const childText = (parent: Element | undefined, name: string): string | undefined => text(child(parent, name)?.textContent);
export const path = (parent: Element | undefined, ...names: string[]): Element | undefined =>
  names.reduce<Element | undefined>((at, name) => child(at, name), parent);
export const href = (element: Element | undefined): string | undefined =>
  text(element?.getAttributeNS('http://www.w3.org/1999/xlink', 'href') ?? element?.getAttribute('xlink:href'));
export const numbers = (element: Element | undefined): number[] => (element?.textContent ?? '').trim().split(/\s+/).map(Number);
/** An OWS bounding box (LowerCorner, UpperCorner: lon lat). */
export const owsBox = (element: Element | undefined): LonLatBox | undefined => {
  const [w, s] = numbers(child(element, 'LowerCorner'));
  const [e, n] = numbers(child(element, 'UpperCorner'));
  return element ? box([w, s, e, n]) : undefined;
};
