/**
 * The `dsfr` preset: the State design system's (@gouvfr/dsfr 1.14.4) colour decisions mapped onto
 * Cartable's --cartable-* tokens. The values are written out (the browser never loads the package's
 * CSS); test/unit/theme/dsfr-preset.test.ts resolves each decision in the package's core.css and
 * fails when an upgrade changes one.
 */

/** Which DSFR decision (a custom property of core.css's light scheme) each token takes. */
export const dsfrDecisions: Readonly<Record<string, string>> = {
  '--cartable-bg': '--background-alt-grey',
  '--cartable-surface': '--background-default-grey',
  '--cartable-text': '--text-default-grey',
  '--cartable-muted': '--text-mention-grey',
  '--cartable-border': '--border-default-grey',
  '--cartable-border-strong': '--border-plain-grey',
  '--cartable-accent': '--background-action-high-blue-france',
  '--cartable-accent-contrast': '--text-inverted-blue-france',
  '--cartable-link': '--text-action-high-blue-france',
  '--cartable-danger': '--text-default-error',
  '--cartable-success': '--text-default-success',
  '--cartable-hover': '--background-default-grey-hover',
  '--cartable-header-bg': '--background-default-grey',
  '--cartable-header-text': '--text-title-grey',
  '--cartable-tag-bg': '--background-action-low-blue-france',
  '--cartable-tag-text': '--text-action-high-blue-france',
};

export const dsfrTokens: Readonly<Record<string, string>> = {
  '--cartable-bg': '#f6f6f6',
  '--cartable-surface': '#fff',
  '--cartable-text': '#3a3a3a',
  '--cartable-muted': '#666',
  '--cartable-border': '#ddd',
  '--cartable-border-strong': '#3a3a3a',
  '--cartable-accent': '#000091',
  '--cartable-accent-contrast': '#f5f5fe',
  '--cartable-link': '#000091',
  '--cartable-danger': '#ce0500',
  '--cartable-success': '#18753c',
  '--cartable-hover': '#f6f6f6',
  '--cartable-header-bg': '#fff',
  '--cartable-header-text': '#161616',
  '--cartable-tag-bg': '#e3e3fd',
  '--cartable-tag-text': '#000091',
  // core.css's focus ring (a literal outline-color there, not a custom property).
  '--cartable-focus': '#0a76f6',
  // DSFR controls and cards are square or barely rounded.
  '--cartable-radius': '0.25rem',
  '--cartable-radius-large': '0.25rem',
  // core.css's font stack: Marianne exists only where a State service's site declares it
  // (src/theme/marianne.ts); elsewhere the stack falls to the system's Arial.
  '--cartable-font': '"Marianne", arial, sans-serif',
};
