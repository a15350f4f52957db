/**
 * The `dsfr` preset: the State design system's (@gouvfr/dsfr) tokens mapped onto Cartable's
 * --cartable-* tokens. Filled by the DSFR work; empty means « the defaults ».
 */
export const dsfrTokens: Readonly<Record<string, string>> = {};
