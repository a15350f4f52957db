/**
 * The State's identity on a State service's site in the dsfr preset (src/theme/presets/site-preset.ts
 * showsStateIdentity): the build copies its files from @gouvfr/dsfr (plugin/state-identity.ts). The
 * viewer declares Marianne with the FontFace API, so nothing blocks the first paint (no stylesheet to
 * wait for) and a face is fetched only once text needs it, shown in the fallback font meanwhile (swap).
 */

/** Where the build writes the State identity's files, from the site's root. */
export const STATE_ASSETS = 'dsfr/';
/** The package's logo stylesheet (.fr-logo: Marianne and the motto drawn in CSS), adopted where a bloc-marque shows. */
export const LOGO_CSS = `${STATE_ASSETS}logo.css`;
/** The static pages' @font-face rules for the same faces. */
export const MARIANNE_CSS = `${STATE_ASSETS}marianne.css`;

/** The Marianne faces the viewer uses: file, weight, style. */
export const MARIANNE_FACES: ReadonlyArray<readonly [file: string, weight: string, style: 'normal' | 'italic']> = [
  ['Marianne-Regular.woff2', '400', 'normal'],
  ['Marianne-Regular_Italic.woff2', '400', 'italic'],
  ['Marianne-Bold.woff2', '700', 'normal'],
];

/** Declares the Marianne faces in the document; `root` is the site's root URL. */
export function addMarianneFonts(root: string): void {
  if (!('fonts' in document) || typeof FontFace === 'undefined') return;
  for (const [file, weight, style] of MARIANNE_FACES) {
    const url = new URL(`${STATE_ASSETS}fonts/${file}`, root).href;
    document.fonts.add(new FontFace('Marianne', `url("${url}") format("woff2")`, { weight, style, display: 'swap' }));
  }
}
