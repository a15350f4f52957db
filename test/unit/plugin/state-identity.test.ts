/**
 * The State's identity (Marianne, the République Française logo) ships only in a State service's
 * site in the dsfr preset, and the site configuration's stateService and legal parts are checked.
 */
import { describe, expect, it } from 'vitest';
import { stateIdentityFiles } from '../../../plugin/state-identity.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import type { SiteConfig } from '../../../src/context/types.js';
import { logoLines, accessibilityLink } from '../../../src/ui/site-frame/frame-data.js';

const STATE = { logoText: { fr: ['Préfet', 'de la région', 'Auvergne-Rhône-Alpes'] } };
const STATEMENT = { entity: 'La DREAL', conformity: 'non', contact: 'mailto:a11y@example.gouv.fr', established: '2026-12-01' };

function check(extra: Record<string, unknown>) {
  return validateSiteConfig({ version: 1, name: 'Essai', ...extra });
}
function site(extra: Record<string, unknown>): SiteConfig {
  const result = check(extra);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

describe('the State identity files', () => {
  it('are the Marianne faces, their @font-face rules (swap) and the package’s logo stylesheet, for a State service in the dsfr preset', () => {
    const files = stateIdentityFiles(site({ theme: { preset: 'dsfr' }, stateService: STATE }));
    expect(files.map((f) => f.path)).toEqual([
      'dsfr/fonts/Marianne-Regular.woff2',
      'dsfr/fonts/Marianne-Regular_Italic.woff2',
      'dsfr/fonts/Marianne-Bold.woff2',
      'dsfr/marianne.css',
      'dsfr/logo.css',
    ]);
    const font = files[0]!.source as Uint8Array;
    expect(new TextDecoder().decode(font.slice(0, 4))).toBe('wOF2');
    const faces = String(files.find((f) => f.path === 'dsfr/marianne.css')!.source);
    expect(faces.match(/font-display: swap;/g)).toHaveLength(3);
    expect(faces).toContain('src: url("fonts/Marianne-Bold.woff2") format("woff2");');
    expect(String(files.find((f) => f.path === 'dsfr/logo.css')!.source)).toMatch(/DSFR v1\.\d+\.\d+[^]*\.fr-logo:before\{background-image:url\("data:image\/svg/);
  });

  it('are not shipped without stateService, nor outside the dsfr preset', () => {
    expect(stateIdentityFiles(site({ theme: { preset: 'dsfr' } }))).toEqual([]);
    expect(stateIdentityFiles(site({ stateService: STATE }))).toEqual([]);
  });
});

describe('the site configuration’s stateService and legal parts', () => {
  it('accepts a State service with its logo text, and the legal links and statement', () => {
    expect(check({ stateService: {} }).ok).toBe(true);
    const accepted = site({ stateService: STATE, legal: { notice: 'https://x.fr/ml', personalData: 'donnees.html', accessibilityStatement: STATEMENT } });
    expect(accepted.legal.accessibilityStatement?.nonAccessible).toEqual([]);
    expect(check({ legal: { accessibilityStatement: { ...STATEMENT, conformity: 'totale', audit: { date: '2026-01-02', rate: 100 } } } }).ok).toBe(true);
  });

  it.each([
    ['an unknown State service setting', { stateService: { marianne: true } }],
    ['logo text that is not lines', { stateService: { logoText: { fr: 'Préfet' } } }],
    ['too many logo lines', { stateService: { logoText: { fr: ['a', 'b', 'c', 'd', 'e', 'f'] } } }],
    ['an unknown conformity', { legal: { accessibilityStatement: { ...STATEMENT, conformity: 'oui' } } }],
    ['« partiellement conforme » without an audit', { legal: { accessibilityStatement: { ...STATEMENT, conformity: 'partielle' } } }],
    ['a rate above 100 %', { legal: { accessibilityStatement: { ...STATEMENT, audit: { date: '2026-01-02', rate: 120 } } } }],
    ['a date that is not YYYY-MM-DD', { legal: { accessibilityStatement: { ...STATEMENT, established: '1/12/2026' } } }],
    ['a contact that is neither https nor mailto', { legal: { accessibilityStatement: { ...STATEMENT, contact: 'javascript:alert(1)' } } }],
    ['a statement without its entity', { legal: { accessibilityStatement: { conformity: 'non', contact: 'mailto:a@b.fr', established: '2026-01-02' } } }],
    ['an unknown legal link', { legal: { cookies: 'https://x.fr' } }],
  ])('refuses %s', (_, extra) => {
    expect(check(extra).ok).toBe(false);
  });
});

describe('the frame’s data', () => {
  it('writes « République / Française » under Marianne unless the State service says otherwise', () => {
    expect(logoLines(site({ stateService: {} }), 'fr')).toEqual(['République', 'Française']);
    expect(logoLines(site({ stateService: STATE }), 'en')).toEqual(['Préfet', 'de la région', 'Auvergne-Rhône-Alpes']);
  });

  it('links the statement published elsewhere rather than the generated page', () => {
    expect(accessibilityLink(site({ legal: { accessibilityStatement: STATEMENT } }), 'en')).toEqual({ href: 'en/accessibility.html', conformity: 'non' });
    expect(accessibilityLink(site({ legal: { accessibility: 'https://x.fr/a11y', accessibilityStatement: STATEMENT } }), 'fr')).toEqual({ href: 'https://x.fr/a11y', conformity: 'non' });
    expect(accessibilityLink(site({}), 'fr')).toBeUndefined();
  });
});
