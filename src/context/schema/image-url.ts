/**
 * The rule for image addresses a document gives (legend images): an http(s) URL or a path relative
 * to the document, nothing else. One pattern for the schema and for the elements that show them.
 *
 * Refused: any other scheme (javascript:, data:, vbscript:, blob:…, in any case), host-relative
 * addresses ("//host", "\\host", "/\host", which browsers read as another site), leading spaces or
 * control characters, and tabs or line breaks anywhere (URL parsers drop them, so "java\tscript:"
 * would become a scheme again).
 */
export const IMAGE_URL_PATTERN =
  '^(?![\\s\\S]*[\\t\\n\\r])(https?://\\S|(?![A-Za-z][A-Za-z0-9+.-]*:)(?![/\\\\][/\\\\])[^\\s\\\\\\u0000-\\u001f])';

export const IMAGE_URL_DESCRIPTION =
  'An http(s) URL, or a path relative to the document; other schemes (javascript:, data:…) and "//host" addresses are refused.';

const IMAGE_URL = new RegExp(IMAGE_URL_PATTERN, 'u');

/** Whether a document's image address follows the rule above (the schema checks the same). */
export const isImageUrl = (url: string): boolean => IMAGE_URL.test(url);
