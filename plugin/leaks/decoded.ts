/**
 * What a file says once decoded, for the leak check to search like the rest: the text around its
 * escapes (percent-encoding, HTML character references, however mixed) and its base64 runs that
 * decode to text. A restricted string written in one of these forms is read back here.
 */

// The named character references of Latin-1 (U+00A0 to U+00FF), in code point order.
const LATIN1_NAMES = [
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest',
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig',
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml',
].join(' ').split(' ');

/**
 * Named references by lower-cased name, to the lower-cased character: the text is searched lower-cased,
 * and "&Eacute;" and "&eacute;" both read "é". A no-break space reads as a space and a soft hyphen as
 * nothing, so that they cannot hide a title.
 */
const NAMED = new Map<string, string>([
  ...LATIN1_NAMES.map((name, i) => [name.toLowerCase(), String.fromCharCode(0xa0 + i).toLowerCase()] as const),
  ['nbsp', ' '], ['shy', ''], ['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['oelig', 'œ'],
  ['lsquo', '‘'], ['rsquo', '’'], ['ldquo', '“'], ['rdquo', '”'], ['hellip', '…'], ['ndash', '–'], ['mdash', '—'], ['euro', '€'],
]);

// In a lower-cased text: runs of percent-encoded bytes, numeric references (";" optional, as browsers read them), named ones.
const ESCAPE = /(?:%[0-9a-f]{2})+|&#x[0-9a-f]{1,6};?|&#[0-9]{1,7};?|&[a-z][a-z0-9]{1,7};/g;

/** One escape decoded, or itself when it is none (an unknown name, a code point out of range). */
function decodeEscape(escape: string): string {
  if (escape.startsWith('%')) return Buffer.from(escape.replaceAll('%', ''), 'hex').toString('utf8');
  const numeric = /^&#(x?)([0-9a-f]+)/.exec(escape);
  if (!numeric) return NAMED.get(escape.slice(1, -1)) ?? escape;
  const code = parseInt(numeric[2]!, numeric[1] ? 16 : 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : escape;
}

/**
 * The parts of a lower-cased text around its escapes, decoded and lower-cased, one per line. An
 * escaped string holds at least one escape, and is at most `reach` characters long as written, so
 * the text `reach` characters around every escape is all that needs reading again.
 */
export function decodedEscapes(text: string, reach: number): string {
  const parts: string[] = [];
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (start >= 0) parts.push(text.slice(Math.max(0, start - reach - 1), end + reach + 1).replace(ESCAPE, decodeEscape).toLowerCase());
  };
  for (const match of text.matchAll(ESCAPE)) {
    if (decodeEscape(match[0]) === match[0]) continue;
    if (start < 0 || match.index - end > 2 * reach + 2) {
      flush();
      start = match.index;
    }
    end = match.index + match[0].length;
  }
  flush();
  return parts.join('\n');
}

// The value of each base64 character, standard or URL-safe alphabet; -1: not one.
const SEXTET = new Int8Array(128).fill(-1);
[...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'].forEach((c, i) => (SEXTET[c.charCodeAt(0)] = i));
SEXTET['+'.charCodeAt(0)] = SEXTET['-'.charCodeAt(0)] = 62;
SEXTET['/'.charCodeAt(0)] = SEXTET['_'.charCodeAt(0)] = 63;

const isBase64 = (code: number): boolean => code < 128 && SEXTET[code]! >= 0;
const isNewline = (code: number): boolean => code === 10 || code === 13;

/** A run shorter than this encodes less than 6 bytes: too short to hold a string worth seeking. */
const MIN_RUN = 8;
/**
 * Where an encoding may start inside a run, besides its start: after a "/" of a path before it
 * ("/partage/eyJ…"), or a "-", "_" or "+" of a name, within the run's first PREFIX_REACH characters.
 */
const STARTS_AFTER = new Set([...'/-_+'].map((c) => c.charCodeAt(0)));
const PREFIX_REACH = 64;
const MAX_STARTS = 8;
/** Decoded text shorter than this is taken for chance. */
const MIN_TEXT = 6;

/**
 * For each byte, the length of the UTF-8 character it starts when that character is text: 1 for
 * printable ASCII, tab and line breaks, 2 to 4 for a lead byte, 0 otherwise (a control character, a
 * continuation byte where a character should start, a byte UTF-8 never uses).
 */
const CHAR_LENGTH = Uint8Array.from({ length: 256 }, (_, b) =>
  (b >= 0x20 && b < 0x7f) || b === 9 || isNewline(b) ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0,
);

function keepText(bytes: Uint8Array, start: number, end: number, parts: string[]): void {
  if (end - start >= MIN_TEXT) parts.push(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('utf8'));
}

/**
 * Decodes the base64 characters of text[from, to) (others, such as line breaks, are skipped) and adds
 * to `parts` the stretches that read as text: well-formed UTF-8, printable. Decoding that starts at
 * the wrong place, or bytes that are not text, read as noise. One pass, as this runs on every run of
 * every file.
 */
function decodeText(text: string, from: number, to: number, bytes: Uint8Array, parts: string[]): void {
  let bits = 0;
  let value = 0;
  let count = 0;
  let start = 0; // of the current stretch of text
  let charStart = 0; // of the character being read
  let awaited = 0; // continuation bytes of that character still to come
  for (let i = from; i < to; i++) {
    const sextet = SEXTET[text.charCodeAt(i)]!;
    if (sextet < 0) continue;
    value = ((value << 6) | sextet) & 0xffff;
    bits += 6;
    if (bits < 8) continue;
    bits -= 8;
    const byte = (value >> bits) & 0xff;
    const at = count++;
    bytes[at] = byte;
    if (awaited) {
      if ((byte & 0xc0) === 0x80) {
        awaited--;
        continue;
      }
      keepText(bytes, start, charStart, parts); // A broken character ends the text before it.
      start = at;
      awaited = 0;
    }
    const length = CHAR_LENGTH[byte]!;
    if (length > 1) {
      charStart = at;
      awaited = length - 1;
    } else if (!length) {
      keepText(bytes, start, at, parts);
      start = at + 1;
    }
  }
  keepText(bytes, start, awaited ? charStart : count, parts);
}

/**
 * The text that the base64 runs of a file (as written, not lower-cased) decode to, lower-cased, one
 * stretch per line. Where a string lies inside the encoded text does not matter, since each whole run
 * is decoded; but the run may start with characters that are not part of the encoding (a path before
 * it), so it is also decoded from where such a prefix may end.
 */
export function decodedBase64(text: string): string {
  const parts: string[] = [];
  let bytes = new Uint8Array(1024);
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0;
    if (isBase64(code)) {
      if (start < 0) start = i;
      continue;
    }
    // A wrapped encoding goes on after a line break.
    if (start >= 0 && isNewline(code) && (isBase64(text.charCodeAt(i + 1)) || isNewline(text.charCodeAt(i + 1)))) continue;
    if (start >= 0 && i - start >= MIN_RUN) {
      if (bytes.length < i - start) bytes = new Uint8Array(2 * (i - start));
      decodeText(text, start, i, bytes, parts);
      for (let at = start, starts = 1; at < Math.min(i - MIN_RUN, start + PREFIX_REACH) && starts < MAX_STARTS; at++) {
        if (!STARTS_AFTER.has(text.charCodeAt(at))) continue;
        decodeText(text, at + 1, i, bytes, parts);
        starts++;
      }
    }
    start = -1;
  }
  return parts.join('\n').toLowerCase();
}
