/**
 * The leak check reads large public files a piece at a time (plugin/leaks/file-text.ts): the pieces
 * overlap enough that a string is whole in one of them, split no character, and start where no run
 * of base64 crosses — so a restricted title planted across a piece boundary, as written or in
 * base64, is still found in a file larger than a piece.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLeaks, type Secret } from '../../../plugin/leaks.js';
import { PIECE_BYTES, textPieces } from '../../../plugin/leaks/file-text.js';

const work = mkdtempSync(join(tmpdir(), 'cartable-leak-pieces-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const IN_RUN = /[A-Za-z0-9+/\-_\n\r]/;

/** Writes `text`, reads it back in pieces, and says where each piece lies in it. */
function piecesOf(text: string, overlap: number, pieceBytes: number): Array<{ start: number; end: number }> {
  const path = join(work, `${randomBytes(4).toString('hex')}.txt`);
  writeFileSync(path, text);
  let from = 0;
  return [...textPieces(path, overlap, pieceBytes)].map((piece) => {
    const start = text.indexOf(piece, from);
    expect(start).toBeGreaterThanOrEqual(0); // Each piece is the text as written: no character cut in two.
    from = start + 1;
    return { start, end: start + piece.length };
  });
}

describe('textPieces', () => {
  it('covers the text with pieces that overlap by at least `overlap` characters and split no character', () => {
    const words = ['Réservé', 'forêt', 'carte', '🗺️', '"nom":', '6.28734,', '44.87112]', 'çà'];
    const text = Array.from({ length: 40_000 }, (_, i) => `${words[randomInt(words.length)]}${i % 7 ? ' ' : '\n'}`).join('');
    const pieces = piecesOf(text, 40, 4096);
    expect(pieces.length).toBeGreaterThan(50);
    expect(pieces[0]!.start).toBe(0);
    expect(pieces.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < pieces.length; i++) {
      expect(pieces[i - 1]!.end - pieces[i]!.start).toBeGreaterThanOrEqual(40);
      // No base64 run crosses a piece's start.
      expect(IN_RUN.test(text[pieces[i]!.start - 1]!) && IN_RUN.test(text[pieces[i]!.start]!)).toBe(false);
    }
  });

  it('reads a base64 run that crosses a piece\'s end whole in one piece, however long', () => {
    const crossing = randomBytes(2_250).toString('base64'); // 3,000 characters, from 1,500 before the first piece's end.
    const long = randomBytes(30_000).toString('base64');
    const text = `${'{"a": 1}, '.repeat(259)}${'x'.repeat(5)}"${crossing}" ${'{"b": 2}, '.repeat(500)}"data:${long}" ${'{"c": 3}, '.repeat(500)}`;
    expect(text.indexOf(crossing)).toBe(4096 - 1500);
    const pieces = piecesOf(text, 40, 4096);
    for (const run of [crossing, long]) {
      const at = text.indexOf(run);
      expect(pieces.some(({ start, end }) => start <= at && end >= at + run.length)).toBe(true);
    }
  });
});

describe('findLeaks in a file larger than a piece', () => {
  it('finds a restricted title written across a piece boundary, as is and in base64', () => {
    const title = `Relevés ${randomBytes(4).toString('hex')} de la grotte`;
    const secrets: Secret[] = [{ kind: 'map title', text: title, from: 'maps/releves.json' }];
    const folder = join(work, 'site');
    mkdirSync(join(folder, 'data'), { recursive: true });
    const filler = (bytes: number): string => '{"type":"Feature","properties":{"nom":"Lieu"}},\n'.repeat(Math.ceil(bytes / 48)).slice(0, bytes);
    // Each planted string starts a few bytes before a piece ends.
    const encoded = Buffer.from(JSON.stringify({ titre: title })).toString('base64');
    writeFileSync(join(folder, 'data/as-is.geojson'), `${filler(PIECE_BYTES - 10)} ${title} ${filler(1000)}`);
    writeFileSync(join(folder, 'data/base64.geojson'), `${filler(PIECE_BYTES - 20)} "${encoded}" ${filler(1000)}`);
    expect(findLeaks(folder, secrets).map((leak) => leak.file)).toEqual(['data/as-is.geojson', 'data/base64.geojson']);
  }, 60_000);
});
