/**
 * The State's identity files for a State service's site in the dsfr preset (src/theme/presets/site-preset.ts
 * showsStateIdentity), taken from the installed @gouvfr/dsfr at build time, never kept in the repository:
 * the Marianne faces the viewer uses (src/theme/state-identity.ts declares them), a stylesheet declaring them
 * for the static pages, and the package's logo stylesheet (the bloc-marque: Marianne and the motto,
 * as images in the CSS). Other sites get none of them: their licence restricts them to State services.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { SiteConfig } from '../src/context/types.js';
import { LOGO_CSS, MARIANNE_CSS, MARIANNE_FACES, STATE_ASSETS } from '../src/theme/state-identity.js';
import { showsStateIdentity } from '../src/theme/presets/site-preset.js';

const packageDist = (): string => join(dirname(createRequire(import.meta.url).resolve('@gouvfr/dsfr/package.json')), 'dist');

export function stateIdentityFiles(site: SiteConfig): Array<{ path: string; source: string | Uint8Array }> {
  if (!showsStateIdentity(site)) return [];
  const dist = packageDist();
  const fonts = MARIANNE_FACES.map(([file]) => ({ path: `${STATE_ASSETS}fonts/${file}`, source: new Uint8Array(readFileSync(join(dist, 'fonts', file))) }));
  const faces = MARIANNE_FACES.map(
    ([file, weight, style]) => `@font-face {\n  font-family: Marianne;\n  src: url("fonts/${file}") format("woff2");\n  font-weight: ${weight};\n  font-style: ${style};\n  font-display: swap;\n}\n`,
  );
  return [
    ...fonts,
    { path: MARIANNE_CSS, source: faces.join('') },
    // The package's own rules (with its licence header): .fr-logo and its sizes.
    { path: LOGO_CSS, source: readFileSync(join(dist, 'component/logo/logo.main.min.css'), 'utf8') },
  ];
}
