/**
 * The leak check reads a restricted string however a public file writes it — percent-encoded in a
 * link, as HTML character references, in base64 — and finds the coordinates of withheld points, while
 * what the public site may say (a public record's point, a longer word) stays quiet.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPublicOutput, findLeaks, restrictedSecrets, type Leak } from '../../../plugin/leaks.js';
import { buildMaps } from '../../../plugin/maps.js';
import { lonLatToMercator } from '../../../src/layers/points/compact.js';
import { minimalDocument } from '../context/fixtures.js';
import { publicOutput, splitDocuments } from './leak-fixtures.js';
import { point, project } from './restricted-fixtures.js';

const TITLE = 'Relevés de la forêt à Françoise';
const VALUE = 'Aire de nidification cachée';
const LATIN1_VALUE = 'Gîte de Søren Ålborg à Ñandú, Straße Noël, naïve, sûr, côte';

/**
 * A restricted map, and a public map whose confidential layer withholds three points: one at five
 * decimals, one at three (whose latitude JSON writes "45.07"), one where a public record also lies.
 */
function formsProject(extra: Record<string, unknown> = {}): string {
  const { closed, open } = splitDocuments({ id: 'releves-confidentiels', title: { fr: TITLE, en: 'Surveys of the Françoise forest' } }, 'ouverte');
  return project({
    'maps/releves-confidentiels.json': closed,
    'maps/ouverte.json': open,
    'maps/data/sites.geojson': {
      type: 'FeatureCollection',
      features: [
        point('P1', { nom: 'Belvédère ouvert', niveau: 'Public' }, 6.30211, 44.91877),
        point('W1', { nom: VALUE, niveau: 'Réservé' }, 6.28734, 44.87112),
        point('W2', { nom: LATIN1_VALUE, niveau: 'Réservé' }, 5.912, 45.07),
        point('W3', { nom: 'Nichoir du belvédère', niveau: 'Réservé' }, 6.30211, 44.91877),
      ],
    },
    ...extra,
  });
}

/** The leaks of a public output made of the project's public maps and `planted` files, as "file: kind: text". */
function plantedLeaks(planted: Record<string, string>, root = formsProject()): string[] {
  const { maps, restricted } = buildMaps(join(root, 'maps'), root);
  const secrets = restrictedSecrets(maps, restricted);
  expect(findLeaks(publicOutput(maps), secrets)).toEqual([]);
  return findLeaks(publicOutput(maps, planted), secrets)
    .map((l: Leak) => `${l.file}: ${l.kind}: ${l.text}`)
    .sort();
}

const base64 = (text: string): string => Buffer.from(text).toString('base64');

describe('the leak check reads every written form', () => {
  it('finds restricted strings percent-encoded in links, whatever the hex case, with "%20" or "+" for spaces', () => {
    expect(
      plantedLeaks({
        'upper.html': `<a href="./?q=${encodeURIComponent(TITLE)}">`,
        'lower.js': `fetch("search?q=${encodeURIComponent(VALUE).toLowerCase()}")`,
        'plus.html': `<a href="./?${new URLSearchParams({ q: TITLE })}">`,
        'path.json': JSON.stringify({ url: `https://example.org/fiches/${encodeURI(LATIN1_VALUE)}` }),
        // A longer word ("Françoises") is another name.
        'longer.html': `<a href="./?q=${encodeURIComponent(`${TITLE}s`)}">`,
      }),
    ).toEqual([
      `lower.js: record value: ${VALUE}`,
      `path.json: record value: ${LATIN1_VALUE}`,
      `plus.html: map title: ${TITLE}`,
      `upper.html: map title: ${TITLE}`,
    ]);
  });

  it('finds restricted strings written with HTML character references: named in either case, decimal, hexadecimal, mixed', () => {
    expect(
      plantedLeaks({
        'named.html': '<h1>Relev&eacute;s de la for&ecirc;t &agrave; Fran&ccedil;oise</h1>',
        'upper.html': '<h1>RELEV&Eacute;S DE LA FOR&Ecirc;T &Agrave; FRAN&Ccedil;OISE</h1>',
        'decimal.html': '<h1>Relev&#233;s de la for&#234;t &#224; Fran&#231;oise</h1>',
        'hex.html': '<h1>Relev&#xe9;s de la for&#xEA;t &#XE0; Fran&#xe7;oise</h1>',
        'mixed.html': '<h1>Relev&eacute;s&nbsp;de la for&#234;t &#xE0; Fran&ccedil;oise</h1>',
        'every.html': `<h1>${[...VALUE].map((c) => `&#${c.codePointAt(0)};`).join('')}</h1>`,
        'latin1.html':
          '<td>G&icirc;te de S&oslash;ren &Aring;lborg &agrave; &Ntilde;and&uacute;, Stra&szlig;e No&euml;l, na&iuml;ve, s&ucirc;r, c&ocirc;te</td>',
        'partial.html': '<h1>Relev&eacute;s de la for&ecirc;t</h1>',
      }),
    ).toEqual([
      `decimal.html: map title: ${TITLE}`,
      `every.html: record value: ${VALUE}`,
      `hex.html: map title: ${TITLE}`,
      `latin1.html: record value: ${LATIN1_VALUE}`,
      `mixed.html: map title: ${TITLE}`,
      `named.html: map title: ${TITLE}`,
      `upper.html: map title: ${TITLE}`,
    ]);
  });

  it('finds restricted strings in base64, standard or URL-safe, at any place in the encoded text', () => {
    const wrapped = base64(`Sommaire des cartes : ${TITLE}, puis les autres cartes du site.`).replace(/(.{76})/g, '$1\n');
    expect(
      plantedLeaks({
        'data-uri.html': `<a href="data:application/json;base64,${base64(JSON.stringify({ titre: TITLE }))}">`,
        // The string starts at each of the three byte offsets of a base64 group.
        'offset-0.js': `atob("${base64(`${VALUE} — fin`)}")`,
        'offset-1.js': `atob("${base64(`:${VALUE} — fin`)}")`,
        'offset-2.js': `atob("${base64(`: ${VALUE} — fin`)}")`,
        // URL-safe, after a path that is not part of the encoding.
        'url-safe.html': `<a href="/cartes/${Buffer.from(JSON.stringify({ n: LATIN1_VALUE })).toString('base64url')}">`,
        'path.html': `<a href="./partage/${Buffer.from(TITLE).toString('base64url')}">`,
        'wrapped.txt': wrapped,
        'other.js': `atob("${base64(`${TITLE}s et Belvédère ouvert`)}")`,
      }),
    ).toEqual([
      `data-uri.html: map title: ${TITLE}`,
      `offset-0.js: record value: ${VALUE}`,
      `offset-1.js: record value: ${VALUE}`,
      `offset-2.js: record value: ${VALUE}`,
      `path.html: map title: ${TITLE}`,
      `url-safe.html: record value: ${LATIN1_VALUE}`,
      `wrapped.txt: map title: ${TITLE}`,
    ]);
  });

  it('finds the coordinates of withheld points as a public file writes them, and not those a public record shares', () => {
    const root = formsProject();
    const { maps, restricted } = buildMaps(join(root, 'maps'), root);
    // W3 lies where the public P1 does: its point is no secret.
    expect(restrictedSecrets(maps, restricted).filter((s) => s.kind === 'coordinates').map((s) => s.text)).toEqual(['6.28734,44.87112', '5.912,45.07']);
    const [x, y] = lonLatToMercator(6.28734, 44.87112);
    const W1 = 'coordinates: 6.28734,44.87112';
    const W2 = 'coordinates: 5.912,45.07';
    expect(
      plantedLeaks({
        'array.json': JSON.stringify({ c: [6.28734, 44.87112] }),
        'pretty.json': JSON.stringify({ c: [5.912, 45.07] }, null, 2),
        'fixed.js': `const c=[${(5.912).toFixed(3)}, ${(45.07).toFixed(3)}];`,
        'lat-lon.html': '<p>44.87112, 6.28734</p>',
        'wkt.txt': 'POINT (6.28734 44.87112)',
        'noise.js': `const c=[${6.28734 + 1e-15},${44.87112 - 1e-15}];`,
        'rounded.json': '[6.2873,44.8711]',
        'mercator.json': `[${x.toFixed(2)},${y.toFixed(2)}]`,
        'link.html': '<a href="./?center=6.28734%2C44.87112">',
        'encoded.txt': base64('{"center":[6.28734,44.87112]}'),
        // A public record's point, a point a metre away, the point rounded to 100 m.
        'public.json': '[[6.30211,44.91877],[6.28735,44.87112],[6.287,44.871]]',
      }, root),
    ).toEqual(
      ['array.json', 'encoded.txt', 'lat-lon.html', 'link.html', 'mercator.json', 'noise.js', 'rounded.json', 'wkt.txt']
        .map((file) => `${file}: ${W1}`)
        .concat(['fixed.js', 'pretty.json'].map((file) => `${file}: ${W2}`))
        .sort(),
    );
  });

  it('fails the build of a public layer that holds only withheld points, naming its file and the points', () => {
    const leak = minimalDocument();
    leak.id = 'points-utiles';
    delete leak.layers[0].url;
    leak.layers[0].file = 'data/points.geojson';
    const root = formsProject({
      'maps/points-utiles.json': leak,
      'maps/data/points.geojson': {
        type: 'FeatureCollection',
        features: [point('X1', { nom: 'Point utile' }, 6.28734, 44.87112), point('X2', { nom: 'Autre point' }, 5.912, 45.07)],
      },
    });
    const { maps, restricted } = buildMaps(join(root, 'maps'), root);
    const file = maps.find((m) => m.context.id === 'points-utiles')!.outputs.find((o) => o.path.endsWith('.geojson'))!.path;
    expect(() => checkPublicOutput(publicOutput(maps), maps, restricted)).toThrow(
      `${file}: coordinates of maps/ouverte.json: "6.28734,44.87112"\n  ${file}: coordinates of maps/ouverte.json: "5.912,45.07"`,
    );
  });
});
