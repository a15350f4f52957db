import { html, type ReactiveElement, type TemplateResult } from 'lit';
import { LOGO_CSS } from '../../theme/state-identity.js';

/** The République Française bloc-marque: the package's .fr-logo (src/theme/state-identity.ts), `lines` under Marianne. */
export function blocMarque(lines: readonly string[], size: '' | 'fr-logo--sm' = ''): TemplateResult {
  return html`<p class="fr-logo ${size}">${lines.map((line, i) => (i === 0 ? line : html`<br />${line}`))}</p>`;
}

let logoSheet: Promise<CSSStyleSheet | undefined> | undefined;

/**
 * Gives `host`'s shadow root the package's logo stylesheet (DSFR classes do not cross it), fetched once
 * for the page and adopted like the elements' own styles; a missing file leaves the lines as text.
 */
export function adoptLogoStyles(host: ReactiveElement, root: string): void {
  logoSheet ??= fetch(new URL(LOGO_CSS, new URL(root, location.href)))
    .then((response) => (response.ok ? response.text() : Promise.reject(new Error(`${response.status}`))))
    .then((text) => new CSSStyleSheet().replace(text))
    .catch(() => undefined);
  void logoSheet.then((sheet) => {
    const shadow = host.shadowRoot;
    if (sheet && shadow && !shadow.adoptedStyleSheets.includes(sheet)) shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
  });
}
