/**
 * The <cartable-map> element for partner pages: dist/cartable-map.js is a loader of a few KB that
 * imports the element from the site's own chunks (src/embed/element.ts, an entry of
 * the site's build), resolved against the loader's own URL. A partner page thus loads, from the
 * site's origin and under its sub-path, the files the site's first map loads (cached alike), which
 * needs the CORS header of the deployment recipes (plugin/deploy.ts).
 */
import { join } from 'node:path';
import type { OutputBundle, OutputChunk } from 'rolldown';
import type { Plugin } from 'vite';
import { chunkClosure, staticClosure } from './chunk-closure.js';
import { loadSiteConfig } from './site.js';
import { resolveTheme, type Tokens } from '../src/theme/tokens.js';

/** The loader's file name, at the site's root: the URL partner pages keep. */
export const ELEMENT_LOADER = 'cartable-map.js';
const ENTRY = 'src/embed/element.ts';
const MAP_VIEW = 'src/ui/cartable-map-view.ts';

/** True for the element's entry chunk (so that code looking for the site's entry can skip it). */
export const isElementChunk = (chunk: OutputChunk): boolean => !!chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(ENTRY);

/**
 * The loader's text. It asks for the element's chunks and the map view's (the code every map needs)
 * all at once (modulepreload), then imports the element: one round of requests, not one per level
 * of imports. Paths are relative to the loader, so the site works under any sub-path. A module is
 * run once per URL, so two script tags, or the site's own page beside the element, share one copy
 * of every element.
 */
export function elementLoader(entryFileName: string, preloads: readonly string[], tokens: Tokens = resolveTheme()): string {
  // The note where a map would be, in the site's colours (the element's tokens never came).
  const note = `box-sizing:border-box;display:flex;align-items:center;justify-content:center;height:100%;min-height:4em;margin:0;padding:1rem;text-align:center;font:1rem/1.4 ${tokens['--cartable-font']};color:${tokens['--cartable-text']};background:${tokens['--cartable-map-bg']};border:1px solid ${tokens['--cartable-border']}`;
  return `// <cartable-map>: the element, from the chunks of the site this file comes from.
for (const file of ${JSON.stringify(preloads)}) {
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.crossOrigin = '';
  link.href = new URL(file, import.meta.url).href;
  document.head.append(link);
}
import(${JSON.stringify(`./${entryFileName}`)}).catch((error) => {
  // The site's code did not come (the site is down, a deployment removed these files, no CORS header):
  // each box says so where the map would be, and fires the element's error event.
  console.error(error);
  for (const box of document.querySelectorAll('cartable-map:not(:defined)')) {
    const english = (box.getAttribute('lang') ?? box.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('en');
    const message = english ? ${JSON.stringify(LOAD_FAILED.en)} : ${JSON.stringify(LOAD_FAILED.fr)};
    const note = Object.assign(document.createElement('p'), { textContent: message });
    note.setAttribute('role', 'alert');
    note.style.cssText = ${JSON.stringify(note)};
    box.replaceChildren(note);
    // Undefined, the element is inline: the note takes the box's size only once it is a block.
    if (getComputedStyle(box).display === 'inline') box.style.display = 'block';
    box.dispatchEvent(new CustomEvent('cartable-error', { bubbles: true, composed: true, detail: { code: 'element-unavailable', message } }));
  }
});
`;
}

/** What a box says when the site's code cannot be loaded (the loader has no translations of its own). */
export const LOAD_FAILED = {
  fr: 'Cette carte n’a pas pu être chargée : le site qui la publie n’a pas envoyé son code. Rechargez la page plus tard.',
  en: 'This map could not be loaded: the site that publishes it did not send its code. Reload the page later.',
} as const;

/**
 * Adds the element's entry to the site's build and writes the loader beside the site. The code it
 * shares with the site's page comes from the same chunks (plugin/chunks.ts groups the page's shell
 * and the first map's code; the element's own modules stay in its entry chunk).
 */
export function element(projectRoot: string): Plugin {
  return {
    name: 'cartable-element',
    apply: 'build',
    buildStart() {
      this.emitFile({ type: 'chunk', id: join(projectRoot, ENTRY), name: 'cartable-map' });
    },
    generateBundle(_options, bundle: OutputBundle) {
      const entry = Object.values(bundle).find((c): c is OutputChunk => c.type === 'chunk' && isElementChunk(c));
      if (!entry) this.error(`the <cartable-map> element's chunk (${ENTRY}) is missing from the bundle`);
      // The map view's chunks: the `map` group's and its import() facade (plugin/chunks.ts).
      const preloads = new Set([...staticClosure(bundle, [entry.fileName]), ...chunkClosure(bundle, MAP_VIEW)].map((file) => `./${file}`));
      const tokens = resolveTheme(loadSiteConfig(projectRoot).site?.theme);
      this.emitFile({ type: 'asset', fileName: ELEMENT_LOADER, source: elementLoader(entry.fileName, [...preloads], tokens) });
    },
  };
}
