/** The optional WFS of a WMS layer (what the report asks about whole areas), as the document schema reads it. */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/context/problems.js';
import { validateContext } from '../../../src/context/validate.js';
import type { WmsLayerDef } from '../../../src/context/types.js';

const document = (wfs: unknown) => ({
  version: 1,
  id: 'essai',
  title: 'Essai',
  view: { projection: 'EPSG:3857', center: [5, 45], zoom: 8 },
  layers: [{ type: 'wms', id: 'sic', title: 'Natura 2000', url: 'https://data.geopf.fr/wms-r/wms', layers: 'PROTECTEDAREAS.SIC', wfs }],
});

describe('a WMS layer’s WFS link', () => {
  it('is read with its default version', () => {
    const result = validateContext(document({ url: 'https://data.geopf.fr/wfs/ows', typeName: 'PROTECTEDAREAS.SIC:sic' }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((result.value.layers[0] as WmsLayerDef).wfs).toEqual({ url: 'https://data.geopf.fr/wfs/ows', typeName: 'PROTECTEDAREAS.SIC:sic', version: '2.0.0' });
  });

  it('names what is missing or unknown', () => {
    const result = validateContext(document({ url: 'https://data.geopf.fr/wfs/ows', typeNames: 'x' }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.problems.map((p) => formatProblem('maps/essai.json', p)).join('\n');
    expect(messages).toMatch(/\/layers\/0\/wfs/);
    expect(messages).toMatch(/typeName/);
  });
});
