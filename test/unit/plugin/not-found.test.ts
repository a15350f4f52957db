/** The site's "page not found" and the server recipes that answer it for unknown addresses. */
import { describe, expect, it } from 'vitest';
import { apacheHtaccess, nginxServer } from '../../../plugin/deploy.js';
import { notFoundFiles } from '../../../plugin/not-found.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import type { SiteConfig } from '../../../src/context/types.js';

const INDEX = `<!doctype html><html lang="fr"><head><link rel="icon" href="./favicon.svg" type="image/svg+xml" />
<script type="module" crossorigin src="./assets/index-AbCdEf12.js"></script>
<link rel="stylesheet" crossorigin href="./assets/index-AbCdEf12.css"></head><body><div id="app"></div></body></html>`;

function site(extra: Record<string, unknown> = {}): SiteConfig {
  const result = validateSiteConfig({ version: 1, name: { fr: 'Cartes & co', en: 'Maps & co' }, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

const page = (config: SiteConfig): string => notFoundFiles(config, INDEX).find((f) => f.path === '404.html')!.source;
const styles = (config: SiteConfig): string => notFoundFiles(config, INDEX).find((f) => f.path === '404.css')!.source;

describe('404.html', () => {
  it('is French and English, links to the catalog in each, and holds no script', () => {
    const html = page(site());
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<h1>Page introuvable</h1>');
    expect(html).toContain('<section lang="en">');
    expect(html).toContain('href="./">Voir le catalogue des cartes</a>');
    expect(html).toContain('href="./?lang=en">See the map catalogue</a>');
    expect(html).toContain('Cartes &amp; co');
    expect(html).not.toMatch(/<script/i);
  });

  it('uses the viewer’s stylesheet and icon, relative to its base', () => {
    const html = page(site());
    expect(html).toContain('<link rel="stylesheet" crossorigin href="assets/index-AbCdEf12.css">');
    expect(html).toContain('<link rel="icon" href="favicon.svg"');
    expect(html).toContain('<link rel="stylesheet" href="404.css" />');
  });

  it('takes its base from baseUrl, else writes the one the server recipes replace', () => {
    expect(page(site({ baseUrl: 'https://cartes.example.fr/geo/cartes' }))).toContain('<base href="/geo/cartes/" />');
    expect(page(site())).toContain('<base href="../" />');
  });

  it('is in the site’s language first', () => {
    const html = page(site({ defaultLanguage: 'en' }));
    expect(html).toContain('<html lang="en">');
    expect(html.indexOf('Page not found')).toBeLessThan(html.indexOf('Page introuvable'));
  });

  it('carries the site’s theme and the message page’s look, on the page instead of a shadow root', () => {
    const css = styles(site({ theme: { '--cartable-accent': '#006400' } }));
    expect(css).toContain('--cartable-accent: #006400;');
    // Every token resolved on :root (the defaults under the site's own), read without fallback values.
    expect(css).toContain('--cartable-radius-large: 10px;');
    expect(css).toContain('border-radius: var(--cartable-radius-large);');
    expect(css).not.toContain(':host');
  });
});

describe('the server recipes', () => {
  const base = page(site()).match(/<base href="[^"]*" \/>/)![0];

  it('nginx answers 404.html for unknown addresses and sets its base to the site’s path', () => {
    const server = nginxServer({ root: '/srv/www', basePath: '/geo/cartes/', listen: '80', csp: "default-src 'self'" });
    expect(server).toContain('error_page 404 /geo/cartes/404.html;');
    expect(server).toContain(`sub_filter '${base}' '<base href="/geo/cartes/" />';`);
  });

  it('Apache does the same', () => {
    const htaccess = apacheHtaccess("default-src 'self'", '/geo/cartes/');
    expect(htaccess).toContain('ErrorDocument 404 /geo/cartes/404.html');
    expect(htaccess).toContain(`Substitute 's|${base}|<base href="/geo/cartes/" />|n'`);
  });
});
