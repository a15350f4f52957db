/**
 * The per-map static pages, read as plain HTML (as a link preview or a crawler without JavaScript
 * would): title, Open Graph tags and the map id are in the markup itself.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic, type StaticServer } from '../support/static-server.js';
import { BASE_PATH, DIST } from './support/harness.js';

let server: StaticServer;
before(async () => {
  assert.ok(existsSync(join(DIST, 'index.html')), `${DIST}/index.html is missing: build the site first (npx vite build)`);
  server = await serveStatic(DIST, BASE_PATH);
});
after(async () => {
  await server?.close();
});

function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([\da-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The content of every <meta> of a page, by its property or name. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const key = /\b(?:property|name)\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
    const content = /\bcontent\s*=\s*"([^"]*)"/i.exec(tag)?.[1];
    if (key !== undefined && content !== undefined) tags.set(key, decodeEntities(content));
  }
  return tags;
}

for (const id of ['geosites', 'lieux-de-france', 'nature-paysage']) {
  test(`maps/${id}.html carries og:title, og:description and the map id without JavaScript`, async () => {
    const response = await fetch(new URL(`maps/${id}.html`, server.url));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    const html = await response.text();
    const meta = metaTags(html);
    const document = JSON.parse(readFileSync(join(DIST, 'maps', `${id}.json`), 'utf8')) as {
      title: { fr: string };
      description: { fr: string };
    };

    assert.equal(meta.get('cartable:map'), id, '<meta name="cartable:map">');
    assert.equal(meta.get('og:title'), document.title.fr, 'og:title is the map title');
    assert.equal(meta.get('og:description'), document.description.fr, 'og:description is the map description');
    assert.ok(meta.get('og:title')!.trim().length > 0 && meta.get('og:description')!.trim().length > 0);
    const title = decodeEntities(/<title>([^<]*)<\/title>/i.exec(html)?.[1] ?? '');
    assert.ok(title.includes(document.title.fr), `<title> names the map: ${title}`);
  });
}

test('maps/geosites.html has its French title and description in the markup', async () => {
  const html = await (await fetch(new URL('maps/geosites.html', server.url))).text();
  const meta = metaTags(html);
  assert.equal(meta.get('og:title'), 'Géosites — patrimoine géologique');
  assert.match(meta.get('og:description') ?? '', /Inventaire national du patrimoine géologique/);
  assert.match(html, /<meta\s+name="cartable:map"\s+content="geosites"\s*\/?>/);
});

for (const id of ['geosites', 'lieux-de-france', 'nature-paysage']) {
  test(`maps/${id}.html carries maps/${id}.json inline as data (never run) and preloads its packaged data`, async () => {
    const html = await (await fetch(new URL(`maps/${id}.html`, server.url))).text();
    const block = /<script type="application\/json" id="cartable-document" data-document="([^"]*)">([^]*?)<\/script>/.exec(html);
    assert.ok(block, 'the document is in a JSON data block');
    assert.equal(block[1], `maps/${id}.json`, 'the block says where the site serves the same document');
    assert.deepEqual(JSON.parse(block[2]!), JSON.parse(readFileSync(join(DIST, 'maps', `${id}.json`), 'utf8')));
    // Only the entry runs (the CSP allows no inline script): every other <script> is this data block.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
    assert.equal(scripts.filter((tag) => !tag.includes('type="application/json"')).length, 1, scripts.join('\n'));
    const document = JSON.parse(block[2]!) as { layers: { type: string; url?: string; visible?: boolean; layers?: unknown[] }[] };
    const packaged = (layers: typeof document.layers): string[] =>
      layers.flatMap((l) => (l.type === 'group' ? packaged(l.layers as typeof document.layers) : l.type === 'geojson' && l.visible !== false && l.url?.startsWith('../data/') ? [l.url] : []));
    for (const url of packaged(document.layers)) assert.ok(html.includes(`<link rel="preload" as="fetch" crossorigin href="${url}" />`), `preloads ${url}`);
  });
}
