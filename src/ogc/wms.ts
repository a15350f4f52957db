/** WMS 1.1.1 and 1.3.0 capabilities: the named layers (extent and queryable inherited from their parents) and GetMap's formats. */
import { box, child, childText, children, path, text } from './dom.js';
import type { LonLatBox, OfferedLayer, ServiceCapabilities } from './types.js';

type Time = OfferedLayer['time'];

/** A layer's TIME dimension: 1.3.0 <Dimension name="time">values</Dimension>, 1.1.1 <Extent name="time">values</Extent>. */
function timeOf(layer: Element): Time {
  const found = [...children(layer, 'Dimension'), ...children(layer, 'Extent')].find(
    (e) => e.getAttribute('name')?.toLowerCase() === 'time' && text(e.textContent),
  );
  if (!found) return undefined;
  const values = text(found.textContent)!.split(',').map((v) => v.trim()).filter(Boolean);
  const fallback = found.getAttribute('default') ?? undefined;
  return { values, ...(fallback ? { default: fallback } : {}) };
}

export function readWms(doc: Document): ServiceCapabilities {
  const root = doc.documentElement;
  const layers: OfferedLayer[] = [];
  const walk = (layer: Element, inherited: { extent?: LonLatBox; queryable: boolean; time?: Time }): void => {
    const name = childText(layer, 'Name');
    const geographic = child(layer, 'EX_GeographicBoundingBox');
    const latLon = child(layer, 'LatLonBoundingBox'); // WMS 1.1.1
    const extent =
      (geographic &&
        box(['westBoundLongitude', 'southBoundLatitude', 'eastBoundLongitude', 'northBoundLatitude'].map((n) => Number(childText(geographic, n))))) ??
      (latLon && box(['minx', 'miny', 'maxx', 'maxy'].map((a) => Number(latLon.getAttribute(a))))) ??
      inherited.extent;
    const flag = layer.getAttribute('queryable');
    const queryable = flag === null ? inherited.queryable : flag === '1' || flag === 'true';
    const time = timeOf(layer) ?? inherited.time; // Dimensions are inherited.
    if (name) layers.push({ name, title: childText(layer, 'Title') ?? name, abstract: childText(layer, 'Abstract'), extent, queryable, ...(time ? { time } : {}) });
    for (const sub of children(layer, 'Layer')) walk(sub, { extent, queryable, time });
  };
  const capability = child(root, 'Capability');
  for (const top of children(capability, 'Layer')) walk(top, { queryable: false });
  return {
    type: 'wms',
    version: root.getAttribute('version') ?? '1.3.0',
    title: childText(child(root, 'Service'), 'Title') ?? '',
    layers,
    formats: children(path(capability, 'Request', 'GetMap'), 'Format').map((f) => text(f.textContent)).filter((f): f is string => !!f),
  };
}
