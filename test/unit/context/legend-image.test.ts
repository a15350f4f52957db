import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/context/problems.js';
import type { LayerDef } from '../../../src/context/types.js';
import { isImageUrl } from '../../../src/context/schema/image-url.js';
import { validateContext } from '../../../src/context/validate.js';
import { minimalDocument } from './fixtures.js';

const ACCEPTED = ['https://data.example.org/legend.png', 'http://x.example/l?SERVICE=WMS&REQUEST=GetLegendGraphic', 'legend.png', './img/l.png', '../img/l.png', '/img/l.png'];

const REFUSED = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:image/png;base64,iVBORw0KGgo=',
  'data:image/svg+xml,<svg onload="alert(1)"/>',
  'vbscript:msgbox(1)',
  'blob:https://x.example/1',
  '//evil.example/l.png',
  '\\\\evil.example/l.png',
  '/\\evil.example/l.png',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'https://x.example/a\nb.png',
];

function withLegendImage(image: string): Record<string, any> {
  const doc = minimalDocument();
  doc.layers[0].legend = { image };
  return doc;
}

describe('legend.image', () => {
  it.each(ACCEPTED)('accepts %j (http(s) or relative)', (image) => {
    const result = validateContext(withLegendImage(image));
    expect(result.ok ? (result.value.layers[0] as LayerDef).legend.image : result.problems).toBe(image);
    expect(isImageUrl(image)).toBe(true);
  });

  it.each(REFUSED)('refuses %j with a message that says what is allowed', (image) => {
    const result = validateContext(withLegendImage(image));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => formatProblem('maps/essai.json', p))).toEqual([
      `maps/essai.json: /layers/0/legend/image: expected an http(s) URL, or a path relative to the document; other schemes (javascript:, data:…) and "//host" addresses are refused, got ${JSON.stringify(image)}`,
    ]);
    expect(isImageUrl(image)).toBe(false);
  });
});
