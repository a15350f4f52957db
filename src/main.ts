/**
 * Entry: reads the URL, sets the language and theme, mounts the viewer. Vite-only imports (the
 * site configuration baked in at build time, CSS) stay in this module so the others load anywhere.
 */
import site from 'virtual:cartable/site';
// The design tokens on :root, resolved at build time (src/theme/tokens.ts: defaults, the site's preset, its own).
import 'virtual:cartable/tokens.css';
import './global.css';
import { readLanguage, readRoute } from './app/route.js';
import { readPageDocument } from './app/page-document.js';
import { useLanguage } from './i18n/localization.js';
import { createRequester, proxyForOrigins, type RequestHook } from './net/requester.js';
import { rememberLanguage } from './ui/cartable-app.js';
import { hasStoredSession, type AuthSession } from './auth/has-session.js';
import './ui/cartable-app.js';
import './ui/cartable-status.js';
import { announceNewVersion, loadChunk } from './offline/load-chunk.js';
import { wantsServiceWorker } from './offline/wants-worker.js';
import { showsStateIdentity } from './theme/presets/site-preset.js';

// Built assets live in <root>/assets/, the entry module in dev in <root>/src/: the root is one up.
const root = new URL(/* @vite-ignore */ '../', import.meta.url).href;
const url = new URL(location.href);
const pageMapId = document.querySelector<HTMLMetaElement>('meta[name="cartable:map"]')?.content ?? null;
const language = readLanguage(url, site.defaultLanguage);


const hooks: RequestHook[] = [];
if (site.proxy) hooks.push(proxyForOrigins(site.proxy.url, site.proxy.origins));
const requester = createRequester({ hooks });
// Sign-in (OpenID Connect): its code loads only on the provider's answer, for a session of this tab,
// or when the page asks for it (src/auth/start.ts; it adds the bearer hook to `hooks`).
let authStart: Promise<AuthSession> | undefined;
const auth = site.signIn ? () => (authStart ??= loadChunk(import('./auth/start.js')).then((m) => m.startAuth({ site, root, requester, hooks }))) : undefined;
if (auth && (url.searchParams.has('state') || hasStoredSession())) await auth().catch(() => undefined);
// Usage figures: their code loads only for sites that configure them, alongside the language, and
// starts before the app so that its first page is counted; a failure leaves the figures off.
const analytics = site.analytics
  ? loadChunk(import('./analytics/start.js')).then(({ startAnalytics }) => startAnalytics({ config: site.analytics, siteUrl: root })).catch(() => undefined)
  : undefined;

await useLanguage(language);
// Bounded: the figures never hold the viewer back for long.
if (analytics) await Promise.race([analytics, new Promise((resolve) => setTimeout(resolve, 1000))]);

const app = document.createElement('cartable-app');
const pageDocument = readPageDocument(document, pageMapId);
const route = readRoute(new URL(location.href), pageMapId);
Object.assign(app, { site, requester, root, language, auth, pageDocument, route });
// Marianne: declared for a State service's site only (its licence), its code too; fetched when text needs it.
// On a map page, once the map is drawn: the first view waits for neither the faces nor their code.
if (showsStateIdentity(site)) {
  const declareMarianne = (): void => void loadChunk(import('./theme/state-identity.js')).then(({ addMarianneFonts }) => addMarianneFonts(root));
  if (route.kind === 'map') document.addEventListener('cartable-map-rendered', declareMarianne, { once: true });
  else declareMarianne();
}

app.addEventListener('cartable-language', (event) => {
  const next = event.detail.language;
  if (next !== 'fr' && next !== 'en') return;
  void useLanguage(next).then(() => {
    app.language = next;
    app.renderRoot.querySelector('cartable-map-view, cartable-catalog')?.setAttribute('language', next);
    rememberLanguage(next, site.defaultLanguage);
  });
});
// Cartable Studio (?studio): staff's tool, its own element and code (src/studio/open.ts); no viewer app.
const studio =
  route.kind === 'studio'
    ? await loadChunk(import('./studio/open.js')).then(({ openStudio }) => openStudio({ site, requester, root, language, openId: route.mapId }))
    : undefined;
document.getElementById('app')!.replaceChildren(studio ?? app);

// Offline use: the status line, then the service worker once the page has loaded (built site only).
const status = document.createElement('cartable-status');
document.body.append(status);
// A chunk of an older deployment that is gone: every import of src/ goes through loadChunk, which
// says so; Vite's own preload of a chunk (imports from packages too) says it with this event.
addEventListener('vite:preloadError', announceNewVersion);
if ('serviceWorker' in navigator && import.meta.env.PROD && wantsServiceWorker(url)) {
  // Not before the first map is drawn: nothing the first view needs waits for the worker's code.
  let registered = false;
  const register = (): void => {
    if (registered) return;
    registered = true;
    const mapId = route.kind === 'map' ? route.id : undefined;
    void loadChunk(import('./offline/register.js')).then(({ registerServiceWorker }) => registerServiceWorker(root, status, mapId));
  };
  document.addEventListener('cartable-map-rendered', register, { once: true });
  // A map of the site always renders (at worst after first-render's deadline): only other pages (the catalog) use a timer.
  if (route.kind !== 'map') {
    const later = (): void => void setTimeout(register, 3000);
    if (document.readyState === 'complete') later();
    else addEventListener('load', later, { once: true });
  }
}
// The opt-out control of usage figures exists only where the site measures them.
if (site.analytics) void loadChunk(import('./ui/cartable-analytics-choice.js'));
