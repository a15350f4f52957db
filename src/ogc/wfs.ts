/** WFS 1.1.0 and 2.0.0 capabilities: the feature types and GetFeature's output formats (OWS operations metadata). */
import { child, childText, children, owsBox, text } from './dom.js';
import type { OfferedLayer, ServiceCapabilities } from './types.js';

export function readWfs(doc: Document): ServiceCapabilities {
  const root = doc.documentElement;
  const layers = children(child(root, 'FeatureTypeList'), 'FeatureType').flatMap((type): OfferedLayer[] => {
    const name = childText(type, 'Name');
    if (!name) return [];
    return [{ name, title: childText(type, 'Title') ?? name, abstract: childText(type, 'Abstract'), extent: owsBox(child(type, 'WGS84BoundingBox')) }];
  });
  // GetFeature's output formats (OWS 1.1 operations metadata: 1.1.0 and 2.0.0 alike).
  const getFeature = children(child(root, 'OperationsMetadata'), 'Operation').find((op) => op.getAttribute('name') === 'GetFeature');
  const parameter = children(getFeature, 'Parameter').find((p) => /^outputFormat$/i.test(p.getAttribute('name') ?? ''));
  const values = [...children(parameter, 'Value'), ...children(child(parameter, 'AllowedValues'), 'Value')];
  return {
    type: 'wfs',
    version: root.getAttribute('version') ?? '2.0.0',
    title: childText(child(root, 'ServiceIdentification'), 'Title') ?? '',
    layers,
    formats: values.map((v) => text(v.textContent)).filter((f): f is string => !!f),
  };
}
