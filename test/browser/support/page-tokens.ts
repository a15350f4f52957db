/**
 * Every test page gets the design tokens on its :root, as the site's page does (src/main.ts sets the
 * site's resolved tokens): the elements' styles read them without fallback values. A test of a page
 * without them (a partner page of <cartable-map>) takes them away with `withoutPageTokens`.
 */
import { DEFAULT_TOKENS } from '../../../src/theme/tokens.js';

export function setPageTokens(): void {
  for (const [name, value] of Object.entries(DEFAULT_TOKENS)) document.documentElement.style.setProperty(name, value);
}

/** Removes the :root tokens until the returned function puts them back. */
export function withoutPageTokens(): () => void {
  for (const name of Object.keys(DEFAULT_TOKENS)) document.documentElement.style.removeProperty(name);
  return setPageTokens;
}

setPageTokens();
