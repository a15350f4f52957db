import { encode } from 'uqr';

/** A QR code as one SVG path: `size` modules a side (quiet zone included), `d` the dark modules. */
export interface QrPath {
  readonly size: number;
  readonly d: string;
}

/**
 * Encodes a text (a link) as a QR code, made in the browser (no web service sees the link), as one
 * SVG path of horizontal runs of dark modules. Error correction M: a phone reads it from a screen or
 * from paper with a smudge.
 */
export function qrPath(text: string, { border = 2 }: { border?: number } = {}): QrPath {
  const { size, data } = encode(text, { ecc: 'M', border });
  const parts: string[] = [];
  data.forEach((row, y) => {
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`);
    }
  });
  return { size, d: parts.join('') };
}
