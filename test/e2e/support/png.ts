/**
 * Just enough PNG for the end-to-end tests: an encoder for solid-colour tiles (served in place of
 * remote map tiles) and one decoder, for screenshots (which colour a map pixel shows) and exported images.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export type Rgba = readonly [number, number, number, number];

/** A width × height PNG (8-bit RGBA) filled with one colour. */
export function solidPng(width: number, height: number, [r, g, b, a]: Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  // compression, filter and interlace methods: 0
  const row = Buffer.alloc(1 + width * 4); // filter byte 0 (None), then the pixels
  for (let x = 0; x < width; x += 1) row.set([r, g, b, a], 1 + x * 4);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** The colour at (x, y), alpha 255 for an RGB image. */
  pixel(x: number, y: number): Rgba;
}

/** Decodes an 8-bit RGB or RGBA, non-interlaced PNG (as Chromium writes screenshots and map exports). */
export function decodePng(png: Buffer): DecodedPng {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[12] !== 0) throw new Error('decodePng() reads 8-bit, non-interlaced images only');
      channels = { 2: 3, 6: 4 }[data[9]!] ?? 0;
      if (!channels) throw new Error(`decodePng(): unsupported PNG colour type ${data[9]}`);
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  // Undo each row's filter (None, Sub, Up, Average, Paeth) against the bytes already decoded.
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)]!;
    for (let x = 0; x < stride; x += 1) {
      const value = raw[y * (stride + 1) + 1 + x]!;
      const a = x >= channels ? out[y * stride + x - channels]! : 0;
      const b = y > 0 ? out[(y - 1) * stride + x]! : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      out[y * stride + x] = (value + [0, a, b, (a + b) >> 1, paeth][filter]!) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel(x, y) {
      const at = y * stride + x * channels;
      return [out[at]!, out[at + 1]!, out[at + 2]!, channels === 4 ? out[at + 3]! : 255];
    },
  };
}

/** The colour the page shows at (x, y) of the viewport, read from a 1×1 screenshot. */
export async function screenColourAt(page: Page, x: number, y: number): Promise<Rgba> {
  return decodePng(await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } })).pixel(0, 0);
}

/** Largest difference between two colours, channel by channel (alpha ignored). */
export function colourDistance(a: Rgba, b: Rgba): number {
  return Math.max(Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
}

/** Parses a CSS `rgb()`/`rgba()` colour as getComputedStyle returns it. */
export function parseCssColour(css: string): Rgba {
  const m = /rgba?\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)(?:[,\s/]+([\d.]+))?\s*\)/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 255 : Math.round(Number(m[4]) * 255)];
}

/** How two images of the same size differ: the share of pixels farther apart than `tolerance` (0–255, per channel). */
export function differingShare(a: DecodedPng, b: DecodedPng, tolerance: number): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`images of different sizes: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  let differing = 0;
  for (let y = 0; y < a.height; y += 1) for (let x = 0; x < a.width; x += 1) if (colourDistance(a.pixel(x, y), b.pixel(x, y)) > tolerance) differing += 1;
  return differing / (a.width * a.height);
}
