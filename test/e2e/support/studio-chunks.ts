/**
 * The built files that carry Cartable Studio's code, read from the build's own source maps (never
 * from hand-listed chunk names): a chunk is the studio's when one of its sources is under src/studio/
 * or is a studio text file (src/i18n/locales/en-studio*.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const STUDIO_SOURCE = /(^|\/)src\/studio\/|(^|\/)src\/i18n\/locales\/en-studio[\w-]*\.ts$/;

/** Paths (relative to the site root, e.g. "assets/cartable-studio-CnxB1q5y.js") of the chunks with studio code. */
export function studioChunks(dist: string): string[] {
  const assets = join(dist, 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js.map'))
    .filter((name) => {
      const { sources } = JSON.parse(readFileSync(join(assets, name), 'utf8')) as { sources?: string[] };
      return (sources ?? []).some((source) => STUDIO_SOURCE.test(source));
    })
    .map((name) => `assets/${name.slice(0, -'.map'.length)}`);
}
