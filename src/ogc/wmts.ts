/** WMTS 1.0.0 capabilities: each layer's identifier, default style, legend, formats, matrix sets and WGS84 box. */
import { child, childText, children, href, owsBox, text } from './dom.js';
import type { OfferedLayer, ServiceCapabilities } from './types.js';

export function readWmts(doc: Document): ServiceCapabilities {
  const root = doc.documentElement;
  const layers = children(child(root, 'Contents'), 'Layer').flatMap((layer): OfferedLayer[] => {
    const name = childText(layer, 'Identifier');
    if (!name) return [];
    const styles = children(layer, 'Style');
    const style = styles.find((s) => s.getAttribute('isDefault') === 'true') ?? styles[0];
    return [
      {
        name,
        title: childText(layer, 'Title') ?? name,
        abstract: childText(layer, 'Abstract'),
        extent: owsBox(child(layer, 'WGS84BoundingBox')),
        legendUrl: href(child(style, 'LegendURL')),
        formats: children(layer, 'Format').map((f) => text(f.textContent)).filter((f): f is string => !!f),
        matrixSets: children(layer, 'TileMatrixSetLink').map((l) => childText(l, 'TileMatrixSet')).filter((m): m is string => !!m),
        style: childText(style, 'Identifier'),
      },
    ];
  });
  return { type: 'wmts', version: root.getAttribute('version') ?? '1.0.0', title: childText(child(root, 'ServiceIdentification'), 'Title') ?? '', layers, formats: [] };
}
