/**
 * The <cartable-map> element's entry in the site's build (plugin/element.ts): the element, themed with
 * the site's design tokens resolved at build time. A Vite-only import, kept out of cartable-map.ts so
 * that the element's module loads anywhere (the browser tests import it with the default tokens).
 */
import tokens from 'virtual:cartable/tokens';
import { useSiteTokens } from './cartable-map.js';

useSiteTokens(tokens);
