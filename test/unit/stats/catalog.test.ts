import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDownload, readCatalog } from '../../../src/stats/catalog.js';
import { FIXTURES } from './matomo-server.js';

describe('the download a followed URL is', () => {
  const catalog = readCatalog(join(FIXTURES, 'maps'));
  const [source, info] = [...catalog.downloads].find(([, link]) => link.map === 'geosites')!;
  const name = source.split('/').pop()!;
  const dot = name.lastIndexOf('.');

  it('is the document’s own link, or the built site’s packaged copy of it (its name with a content hash)', () => {
    expect(findDownload(catalog, source)).toBe(info);
    const copy = `https://cartes.example.fr/cartes/data/${name.slice(0, dot)}.0123456789${name.slice(dot)}`;
    expect(findDownload(catalog, copy)).toBe(info);
  });

  it('is nothing for another file, or a name that is not a content hash', () => {
    expect(findDownload(catalog, 'https://cartes.example.fr/data/autre.0123456789.geojson')).toBeUndefined();
    expect(findDownload(catalog, `https://cartes.example.fr/data/${name.slice(0, dot)}.v2${name.slice(dot)}`)).toBeUndefined();
    expect(findDownload(catalog, 'not a url')).toBeUndefined();
  });
});
