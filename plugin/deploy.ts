/**
 * What a web server needs to serve the built site well: the Content-Security-Policy made from the
 * site configuration's allowed origins, and an nginx configuration (used by the end-to-end tests,
 * and written to dist/deploy/ as a recipe).
 */
import type { SiteConfig } from '../src/context/types.js';
import { NOT_FOUND_PAGE, UNKNOWN_BASE, baseTag } from './not-found.js';

const originsFor = (site: SiteConfig, use: string): string[] =>
  site.allowedOrigins.filter((o) => o.use.includes(use as never)).map((o) => o.origin);

const unique = (values: Array<string | undefined>): string => [...new Set(values.filter((v): v is string => !!v))].join(' ');

const originOf = (url: string | undefined): string | undefined => {
  try {
    return url ? new URL(url).origin : undefined;
  } catch {
    return undefined;
  }
};

/**
 * A strict policy: no inline script, no eval, nothing from anywhere the configuration does not name.
 * Styles: Lit and OpenLayers set styles through the CSSOM, which 'self' allows.
 */
export function contentSecurityPolicy(site: SiteConfig): string {
  const data = originsFor(site, 'data');
  const documents = originsFor(site, 'documents');
  const credentials = originsFor(site, 'credentials');
  const embedders = originsFor(site, 'embed');
  const analytics = originOf(site.analytics?.url);
  const issuer = originOf(site.signIn?.issuer);
  // Restricted maps and data are fetched (with the sign-in token) from where the restricted output is served.
  const restricted = originOf(site.restricted?.url);
  const proxy = originOf(site.proxy?.url.replace('{url}', ''));
  // A site that lets people add layers from any https service (addLayers.anyHttpsService) must let the page reach them.
  const anyService = site.addLayers?.anyHttpsService ? 'https:' : undefined;
  // The studio searches the platform's catalogue (studio.catalogue).
  const catalogue = originOf(site.studio?.catalogue?.url);
  const connect = unique(["'self'", ...data, ...documents, ...credentials, analytics, issuer, restricted, proxy, anyService, catalogue]);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src ${unique(["'self'", 'data:', 'blob:', ...data, ...credentials, proxy, anyService])}`,
    `connect-src ${connect}`,
    "worker-src 'self'",
    "font-src 'self'",
    "manifest-src 'self'",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${unique(["'self'", ...embedders])}`,
  ].join('; ');
}

export interface NginxOptions {
  /** The web root: the built site lies at <root><basePath> (e.g. /srv/www + /cartes/). */
  readonly root: string;
  /** The sub-path it is served under, e.g. "/cartes/". */
  readonly basePath: string;
  readonly listen: string;
  readonly csp: string;
  /** Folder for nginx's own files (pid, logs, temp) when run by a test. */
  readonly prefix?: string;
  /** The user nginx's workers run as (tests run as root read files only root may read). */
  readonly user?: string;
}

/**
 * An nginx server block: gzip, long cache for hashed assets, no-cache for HTML, documents and the
 * service worker, the Content-Security-Policy on every answer, the site's own "page not found".
 */
export function nginxServer(options: NginxOptions): string {
  const base = options.basePath.endsWith('/') ? options.basePath : `${options.basePath}/`;
  const security = [
    `add_header Content-Security-Policy "${options.csp}" always;`,
    'add_header X-Content-Type-Options "nosniff" always;',
    'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
    // Every file of the built site is public (only public maps are built): partner pages load the
    // <cartable-map> element (cartable-map.js, which imports the site's chunks in assets/), the
    // documents and data it reads, across origins.
    'add_header Access-Control-Allow-Origin "*" always;',
  ];
  const block = (extra: string[]): string => [...extra, ...security].map((l) => `      ${l}`).join('\n');
  return `  server {
    listen ${options.listen};
    gzip on;
    gzip_comp_level 6;
    gzip_min_length 512;
    gzip_types text/css application/javascript text/javascript application/json application/geo+json application/manifest+json image/svg+xml application/octet-stream;
    root ${options.root};
    location ${base} {
      index index.html;
      # Hashed file names never change: cache them for a year.
      location ~ ^${base}(assets|data|thumbnails)/ {
${block(['add_header Cache-Control "public, max-age=31536000, immutable" always;'])}
      }
      # Pages, documents, the catalog and the service worker must be fresh at every visit.
      location ~ ^${base}(.*\\.html|.*\\.json|sw\\.js|workbox-.*\\.js|manifest\\.webmanifest)?$ {
${block(['add_header Cache-Control "no-cache" always;'])}
      }
      # Unknown addresses, at any depth: the site's "page not found" (plugin/not-found.ts), its links
      # led to the site's path, which only the server knows when site.config.json has no baseUrl.
      error_page 404 ${base}${NOT_FOUND_PAGE};
      location = ${base}${NOT_FOUND_PAGE} {
        sub_filter '${baseTag(UNKNOWN_BASE)}' '${baseTag(base)}';
${block(['add_header Cache-Control "no-cache" always;'])}
      }
${block(['add_header Cache-Control "no-cache" always;'])}
    }
  }`;
}

/** A whole nginx configuration for one server (tests run it with `nginx -c`). */
export function nginxConfig(options: NginxOptions): string {
  const prefix = options.prefix ?? '/tmp';
  return `${options.user ? `user ${options.user};\n` : ''}worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  types { application/geo+json geojson; application/manifest+json webmanifest; application/javascript mjs; }
  default_type application/octet-stream;
  access_log ${prefix}/access.log;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  fastcgi_temp_path ${prefix}/fastcgi;
  uwsgi_temp_path ${prefix}/uwsgi;
  scgi_temp_path ${prefix}/scgi;
  sendfile on;
${nginxServer(options)}
}
`;
}

/**
 * The same rules for Apache (mod_headers, mod_deflate, mod_substitute), as a .htaccess at the site's
 * root; `basePath` is where the site is served (ErrorDocument wants it from the server's root).
 */
export function apacheHtaccess(csp: string, basePath = '/cartes/'): string {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`;
  return `# Apache: copy to the site's folder as .htaccess (needs mod_headers, mod_deflate, AllowOverride).
AddType application/geo+json .geojson
AddType application/manifest+json .webmanifest
# Unknown addresses, at any depth: the site's "page not found", its links led to the site's path.
# Change ${base} (twice) to where the site is served; mod_substitute must be on (a2enmod substitute).
ErrorDocument 404 ${base}${NOT_FOUND_PAGE}
<IfModule mod_substitute.c>
  <Files "${NOT_FOUND_PAGE}">
    AddOutputFilterByType SUBSTITUTE text/html
    Substitute 's|${baseTag(UNKNOWN_BASE)}|${baseTag(base)}|n'
  </Files>
</IfModule>
<IfModule mod_deflate.c>
  AddOutputFilterByType DEFLATE text/html text/css text/javascript application/javascript application/json application/geo+json application/manifest+json image/svg+xml
</IfModule>
<IfModule mod_headers.c>
  Header always set Content-Security-Policy "${csp}"
  Header always set X-Content-Type-Options "nosniff"
  Header always set Referrer-Policy "strict-origin-when-cross-origin"
  # Every built file is public: partner pages load the <cartable-map> element (cartable-map.js and the
  # site's chunks in assets/), the documents and data it reads, across origins.
  Header always set Access-Control-Allow-Origin "*"
  Header set Cache-Control "no-cache"
  <If "%{REQUEST_URI} =~ m#/(assets|data|thumbnails)/#">
    Header set Cache-Control "public, max-age=31536000, immutable"
  </If>
</IfModule>
`;
}
