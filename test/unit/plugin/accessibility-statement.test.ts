/** The accessibility statement pages (RGAA) the build writes from the site configuration. */
import { describe, expect, it } from 'vitest';
import { accessibilityStatementFiles } from '../../../plugin/accessibility-statement.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import type { SiteConfig } from '../../../src/context/types.js';

const INDEX = `<!doctype html><html lang="fr"><head><link rel="icon" href="./favicon.svg" type="image/svg+xml" />
<script type="module" crossorigin src="./assets/index-AbCdEf12.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-AbCdEf12.css"></head><body><div id="app"></div></body></html>`;

const STATEMENT = { entity: 'La DREAL', conformity: 'non', contact: 'mailto:a11y@example.gouv.fr', established: '2026-12-01' };

function site(extra: Record<string, unknown> = {}, statement: Record<string, unknown> = STATEMENT): SiteConfig {
  const result = validateSiteConfig({ version: 1, name: { fr: 'Cartes & co', en: 'Maps & co' }, legal: { accessibilityStatement: statement }, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const file = (config: SiteConfig, path: string): string => {
  const found = accessibilityStatementFiles(config, INDEX).find((f) => f.path === path);
  if (!found) throw new Error(`no ${path}`);
  return found.source;
};
const text = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the accessibility statement', () => {
  it('is written only when the configuration holds one', () => {
    const result = validateSiteConfig({ version: 1, name: 'Essai' });
    expect(result.ok && accessibilityStatementFiles(result.value, INDEX)).toEqual([]);
    expect(accessibilityStatementFiles(site(), INDEX).map((f) => f.path)).toEqual(['accessibilite.html', 'en/accessibility.html', 'accessibilite.css']);
  });

  it('has the RGAA sections, and says « non conforme » for want of an audit', () => {
    const html = file(site(), 'accessibilite.html');
    expect(html).toContain('<html lang="fr">');
    expect([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      'État de conformité',
      'Contenus non accessibles',
      'Établissement de cette déclaration',
      "Retour d'information et contact",
      'Voies de recours',
    ]);
    const words = text(html);
    expect(words).toContain('est non conforme avec le référentiel général');
    expect(words).toContain("aucun audit de conformité");
    expect(words).toContain('établie le 1er décembre 2026');
    expect(html).toContain('href="mailto:a11y@example.gouv.fr"');
    expect(html).toContain('href="https://formulaire.defenseurdesdroits.fr/"');
    expect(words).toContain('Défenseur des droits Libre réponse 71120 75342 Paris CEDEX 07');
    expect(html).not.toMatch(/<script/i);
  });

  it('gives the audit’s results and the contents that are not accessible', () => {
    const audited = site({}, { ...STATEMENT, conformity: 'partielle', audit: { date: '2026-10-15', rate: 72.5, by: 'Audit & Cie' }, nonAccessible: ['Les cartes ne sont pas décrites', { fr: 'Le tableau', en: 'The table' }] });
    const fr = text(file(audited, 'accessibilite.html'));
    expect(fr).toContain('Résultats des tests');
    expect(fr).toContain('réalisé le 15 octobre 2026 par Audit &amp; Cie révèle que 72,5 % des critères');
    expect(fr).toContain('est partiellement conforme');
    expect(fr).toContain('Les cartes ne sont pas décrites');
    expect(fr).not.toContain('aucun audit');
    const en = text(file(audited, 'en/accessibility.html'));
    expect(en).toContain('carried out on 15 October 2026 by Audit &amp; Cie shows that 72.5% of the RGAA criteria are met');
    expect(en).toContain('The table');
    expect(en).toContain('is partially compliant');
  });

  it('escapes every value of the configuration', () => {
    const hostile = site(
      { name: '<img src=x onerror=alert(1)>', contact: 'mailto:"x"@example.org' },
      { ...STATEMENT, entity: '<b>DREAL</b>', contact: 'https://example.gouv.fr/?a="><script>', nonAccessible: ['<script>alert(1)</script>'] },
    );
    for (const path of ['accessibilite.html', 'en/accessibility.html']) {
      const html = file(hostile, path);
      expect(html).not.toMatch(/<img src=x|<b>DREAL|<script>|"><script/);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html).toContain('&lt;b&gt;DREAL&lt;/b&gt;');
      expect(html).toContain('href="https://example.gouv.fr/?a=&quot;&gt;&lt;script&gt;"');
    }
  });

  it('links the other language, the viewer’s stylesheets from its own folder, and the State identity only for a State service', () => {
    const en = file(site(), 'en/accessibility.html');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('href="../accessibilite.html" hreflang="fr" lang="fr"');
    expect(en).toContain('href="../assets/index-AbCdEf12.css"');
    expect(en).toContain('href="../accessibilite.css"');
    expect(en).not.toContain('dsfr/');
    const state = file(site({ theme: { preset: 'dsfr' }, stateService: { logoText: { fr: ['Préfet', 'de la région', 'Auvergne-Rhône-Alpes'] } } }), 'en/accessibility.html');
    expect(state).toContain('<link rel="stylesheet" href="../dsfr/logo.css" />');
    expect(state).toContain('<link rel="stylesheet" href="../dsfr/marianne.css" />');
    expect(state).toContain('<p class="fr-logo">Préfet<br />de la région<br />Auvergne-Rhône-Alpes</p>');
  });

  it('has the site footer’s links, the statement’s own first', () => {
    const html = file(site({ contact: 'mailto:c@example.org', legal: { notice: 'https://example.org/ml', personalData: 'donnees.html', accessibilityStatement: STATEMENT } }), 'en/accessibility.html');
    const footer = html.slice(html.indexOf('<footer'));
    expect([...footer.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} → ${m[1]}`)).toEqual([
      'Accessibility: not compliant → ../en/accessibility.html',
      'Legal notice → https://example.org/ml',
      'Personal data → ../donnees.html',
      'Contact → mailto:c@example.org',
    ]);
  });
});
