/**
 * The site's "page not found" (404.html and its stylesheet), in the look of the viewer's message
 * page, in the site's two languages, with a link to the catalog. It holds no script, so it works
 * under the site's Content-Security-Policy and on hosts that set none.
 *
 * A server answers it for any unknown address, at any depth (maps/old-map.html, a/b/c/), so its
 * links cannot be relative to where it is served: they all go through <base href>, the site's own
 * path. The build knows that path when the configuration gives `baseUrl`; otherwise it writes
 * UNKNOWN_BASE, which the nginx and Apache recipes (deploy.ts), knowing where the site is served,
 * replace as they answer.
 */
import { base as baseStyles, messagePage } from '../src/ui/theme.js';
import { resolveTheme } from '../src/theme/tokens.js';
import type { SiteConfig } from '../src/context/types.js';
import { textFor } from '../src/i18n/text.js';
import { escapeHtml } from './pages.js';

export const NOT_FOUND_PAGE = '404.html';
const STYLESHEET = '404.css';

/**
 * The base written when the site's path is unknown: right for an unknown page one folder down
 * (maps/<old-id>.html, the usual dead link), and the text the server recipes replace.
 */
export const UNKNOWN_BASE = '../';
export const baseTag = (href: string): string => `<base href="${href}" />`;

const TEXTS = {
  fr: {
    title: 'Page introuvable',
    text: 'Aucune page de ce site ne se trouve à cette adresse. La carte que vous cherchez a peut-être été retirée ou renommée : le catalogue liste toutes les cartes.',
    link: 'Voir le catalogue des cartes',
    href: './',
  },
  en: {
    title: 'Page not found',
    text: 'No page of this site is at this address. The map you are looking for may have been removed or renamed: the catalogue lists every map.',
    link: 'See the map catalogue',
    href: './?lang=en',
  },
} as const;

/** The site's path ("/cartes/") from its `baseUrl`, or UNKNOWN_BASE. */
export function notFoundBase(site: SiteConfig): string {
  if (!site.baseUrl) return UNKNOWN_BASE;
  const path = new URL(site.baseUrl).pathname;
  return path.endsWith('/') ? path : `${path}/`;
}

/** 404.html and 404.css; `indexHtml` (the built index.html) gives the viewer's stylesheets and icon. */
export function notFoundFiles(site: SiteConfig, indexHtml: string): Array<{ path: string; source: string }> {
  const language = site.defaultLanguage === 'en' ? 'en' : 'fr';
  const order = language === 'fr' ? (['fr', 'en'] as const) : (['en', 'fr'] as const);
  const siteName = textFor(site.name, language);
  // The viewer's own stylesheets (its design tokens) and icon, relative to the base.
  const links = [...indexHtml.matchAll(/<link rel="(?:stylesheet|icon)"[^>]*>/g)].map((m) => m[0].replace(/href="\.\//, 'href="'));
  const sections = order.map((lang, i) => {
    const t = TEXTS[lang];
    const heading = i === 0 ? `<h1>${t.title}</h1>` : `<h2>${t.title}</h2>`;
    return `<section lang="${lang}">
        ${heading}
        <p>${t.text}</p>
        <p><a class="button primary" href="${t.href}">${t.link}</a></p>
      </section>`;
  });
  const page = `<!doctype html>
<html lang="${language}">
  <head>
    <meta charset="utf-8" />
    ${baseTag(notFoundBase(site))}
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>${TEXTS[language].title} – ${escapeHtml(siteName)}</title>
    ${[...links, `<link rel="stylesheet" href="${STYLESHEET}" />`].join('\n    ')}
  </head>
  <body>
    <header><a href="${TEXTS[language].href}">${escapeHtml(siteName)}</a></header>
    <div class="page">
      <main>
      ${sections.join('\n      ')}
      </main>
    </div>
  </body>
</html>
`;
  // The message page's own styles (src/ui/theme.ts), on the page instead of an element's shadow root.
  const theme = Object.entries(resolveTheme(site.theme)).map(([token, value]) => `  ${token}: ${value};`);
  const styles = `:root {\n${theme.join('\n')}\n}\n${baseStyles.cssText.replaceAll(':host', 'body')}${messagePage.cssText.replaceAll(':host', '.page')}
header {
  padding: 0.6rem 1rem;
  background: var(--cartable-header-bg);
  font-weight: 600;
}
header a {
  color: var(--cartable-header-text);
  text-decoration: none;
}
section + section {
  margin-top: 2rem;
  border-top: 1px solid var(--cartable-border);
}
`;
  return [
    { path: NOT_FOUND_PAGE, source: page },
    { path: STYLESHEET, source: styles },
  ];
}
