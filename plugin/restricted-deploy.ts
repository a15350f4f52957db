/**
 * How to serve the restricted output behind authentication (docs/deploy.md explains it): an nginx
 * server block that lets nothing out without a token check. nginx cannot verify a token by itself:
 * every request is first asked of a token checker (`auth_request`) — `cartable token-checker`
 * (src/token-checker/) or any service that verifies the bearer token (signature against the issuer's
 * keys, issuer, audience, expiry) and the groups access.json asks for, and answers 2xx, 401 or 403.
 * The checker judges the path nginx serves: the request's `$uri`, decoded and normalised (no query,
 * `//` merged, `%xx` decoded, `..` resolved), never the raw `$request_uri`, which it would read as
 * another file than the one served. CORS: the site's origin only, with the Authorization header
 * allowed; preflights need no token. Nothing but reading (GET, HEAD, OPTIONS) is accepted.
 */
import type { SiteConfig } from '../src/context/types.js';

export interface RestrictedServerOptions {
  /** The folder the restricted output was copied to (it holds catalog.json). */
  readonly root: string;
  /** The token checker's URL; it gets the original URI in X-Original-URI and the Authorization header. */
  readonly checker: string;
  readonly listen: string;
}

/** The origin the site is served from (for CORS): baseUrl's, else a placeholder to replace. */
const siteOrigin = (site: SiteConfig): string => (site.baseUrl ? new URL(site.baseUrl).origin : 'https://cartes.example.fr');

/** The nginx server block of the restricted output, at the path of `restricted.url`. */
export function nginxRestrictedServer(site: SiteConfig, options: RestrictedServerOptions): string {
  const url = new URL(site.restricted?.url ?? 'https://donnees.example.fr/cartes-restreint/');
  const origin = siteOrigin(site);
  const cors = [
    `add_header Access-Control-Allow-Origin "${origin}" always;`,
    'add_header Access-Control-Expose-Headers "WWW-Authenticate" always;',
    'add_header Vary "Origin, Authorization" always;',
  ];
  const indent = (lines: string[], depth: number): string => lines.map((l) => `${' '.repeat(depth)}${l}`).join('\n');
  return `  # Restricted output of Cartable, served at ${url.href} (site.config.json "restricted.url").
  # Every answer needs a valid bearer token (401 without or with a bad one, 403 without the groups).
  server {
    listen ${options.listen};
    server_name ${url.hostname};
    gzip on;
    gzip_types application/json application/geo+json application/octet-stream;
    location ${url.pathname} {
      alias ${options.root.endsWith('/') ? options.root : `${options.root}/`};
      # The path the token checker judges: this request's own, as nginx decoded and normalised it —
      # the file it serves (in the check's subrequest, $uri is the subrequest's own).
      set $cartable_original_uri $uri;
      # Reading only.
      if ($request_method !~ ^(GET|HEAD|OPTIONS)$) {
${indent(['add_header Allow "GET, HEAD, OPTIONS" always;', ...cors, 'add_header Cache-Control "no-store" always;', 'return 405;'], 8)}
      }
      # Preflights carry no token: answer them for the site's origin only.
      if ($request_method = OPTIONS) {
${indent([...cors, 'add_header Access-Control-Allow-Headers "Authorization" always;', 'add_header Access-Control-Allow-Methods "GET, HEAD, OPTIONS" always;', 'add_header Access-Control-Max-Age "600" always;', 'return 204;'], 8)}
      }
      # The checker's 401 and its WWW-Authenticate header (or 403) reach the browser as they are.
      auth_request /_cartable_token_check;
${indent([...cors, '# Personal answers: kept by no cache, the browser\'s included (nothing stays after sign-out).', 'add_header Cache-Control "no-store" always;'], 6)}
      # Who may read what: for the token checker only, never served.
      location = ${url.pathname}access.json { return 404; }
    }
    location = /_cartable_token_check {
      internal;
      proxy_pass ${options.checker};
      proxy_pass_request_body off;
      proxy_set_header Content-Length "";
      proxy_set_header Authorization $http_authorization;
      proxy_set_header X-Original-URI $cartable_original_uri;
    }
  }`;
}
