import { html, type TemplateResult } from 'lit';
import { LOGO_CSS } from '../../theme/state-identity.js';

/**
 * The République Française bloc-marque: the package's .fr-logo (src/theme/state-identity.ts), its
 * stylesheet linked in the shadow root (DSFR classes do not cross it), `lines` under Marianne.
 */
export function blocMarque(lines: readonly string[], root: string, size: '' | 'fr-logo--sm' = ''): TemplateResult {
  return html`<link rel="stylesheet" href=${new URL(LOGO_CSS, new URL(root, location.href)).href} />
    <p class="fr-logo ${size}">${lines.map((line, i) => (i === 0 ? line : html`<br />${line}`))}</p>`;
}
