/**
 * The app's icons (web app manifest), drawn at build time: no image files to keep in sync with the
 * theme. A small PNG encoder over node:zlib; the picture is the favicon's: a folded map and a pin.
 */
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** Encodes RGBA pixels (row after row) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

const hex = (color: string): [number, number, number] => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  return m ? [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)] : [20, 33, 61];
};

/**
 * The icon at a size. `maskable`: the picture fills the square with a safe zone (Android crops it);
 * otherwise a rounded square on transparency.
 */
export function drawIcon(size: number, options: { background: string; maskable: boolean }): Buffer {
  const [br, bg, bb] = hex(options.background);
  const px = new Uint8Array(size * size * 4);
  const set = (x: number, y: number, [r, g, b]: [number, number, number], a = 255): void => {
    const i = (y * size + x) * 4;
    px[i] = r;
    px[i + 1] = g;
    px[i + 2] = b;
    px[i + 3] = a;
  };
  const s = (v: number): number => (v / 32) * size; // the favicon's 32-unit grid
  const radius = options.maskable ? 0 : s(7);
  const inset = options.maskable ? s(4) : 0; // keep the picture in the maskable safe zone
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Rounded square: outside the corner circles is transparent.
      const cx = x < radius ? radius : x > size - 1 - radius ? size - 1 - radius : x;
      const cy = y < radius ? radius : y > size - 1 - radius ? size - 1 - radius : y;
      if (Math.hypot(x - cx, y - cy) > radius) continue;
      set(x, y, [br, bg, bb]);
      // The folded map: a white band between the zig-zag lines of the favicon (6..26 × 9..22).
      const u = ((x - inset) / (size - 2 * inset)) * 32;
      const v = ((y - inset) / (size - 2 * inset)) * 32;
      if (u >= 6 && u <= 26) {
        const fold = u < 12 ? 12 - (u - 6) / 2 : u < 20 ? 9 + (u - 12) * (3 / 8) : 12 - (u - 20) / 2;
        const top = fold - 0.5;
        const bottom = fold + 10.5;
        if (v >= top && v <= bottom) set(x, y, (Math.abs(v - top) < 1.6 || Math.abs(v - bottom) < 1.6) ? [255, 255, 255] : [46, 64, 102]);
      }
      // The pin.
      if (Math.hypot(u - 20, v - 13) < 3.2) set(x, y, [242, 165, 65]);
    }
  }
  return encodePng(size, size, px);
}
