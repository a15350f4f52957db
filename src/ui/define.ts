import { LitElement } from 'lit';

/**
 * Registers Cartable's custom elements without ever throwing: a name already defined (the same
 * code loaded twice, or the host page's own element of that name) is left as it is. Lit's
 * `@customElement` throws NotSupportedError there, which on a partner's page left a blank box.
 */

/**
 * Every tag name the viewer defines (test/unit/architecture/elements.test.ts keeps the list whole, with
 * the studio's in src/studio/tags.ts: a map's page never runs the studio, nor carries its names).
 */
export const CARTABLE_TAGS = [
  'cartable-access-message',
  'cartable-add-layer',
  'cartable-analytics-choice',
  'cartable-app',
  'cartable-basemaps',
  'cartable-catalog',
  'cartable-chart',
  'cartable-chart-panel',
  'cartable-commune-picker',
  'cartable-embed-preview',
  'cartable-language-switch',
  'cartable-layer-choices',
  'cartable-layer-info',
  'cartable-layer-tree',
  'cartable-legend',
  'cartable-map',
  'cartable-map-header',
  'cartable-map-view',
  'cartable-message',
  'cartable-popup',
  'cartable-print-layout',
  'cartable-report',
  'cartable-report-charts',
  'cartable-report-print',
  'cartable-restricted-maps',
  'cartable-search',
  'cartable-service-alerts',
  'cartable-share',
  'cartable-sign-in',
  'cartable-site-footer',
  'cartable-site-header',
  'cartable-site-mark',
  'cartable-status',
  'cartable-table',
  'cartable-tools',
  'cartable-tools-coordinates',
  'cartable-tools-measure',
  'cartable-tools-print',
] as const;

/** Defines `name` unless it is taken; returns whether `name` is now this class. */
export function defineElement(name: string, constructor: CustomElementConstructor, registry: CustomElementRegistry = customElements): boolean {
  const existing = registry.get(name);
  if (!existing) registry.define(name, constructor);
  return registry.get(name) === constructor;
}

/** The class decorator that replaces Lit's `@customElement(name)`. */
export const element =
  (name: string) =>
  (constructor: CustomElementConstructor): void => {
    defineElement(name, constructor);
  };

/**
 * Cartable's names that something else defined in this page: the host page's own elements, or
 * another copy of Cartable (another site's, with its own Lit). A map whose parts would be someone
 * else's cannot start. Ours: built on this copy's LitElement (the site's page and its element share it).
 */
export function foreignElements(registry: CustomElementRegistry = customElements): string[] {
  return CARTABLE_TAGS.filter((name) => {
    const defined = registry.get(name);
    return defined !== undefined && !(defined.prototype instanceof LitElement);
  });
}
