import View from 'ol/View.js';
import { get as getProjection, transform, transformExtent } from 'ol/proj.js';
import type { Extent } from 'ol/extent.js';
import type { ViewSettings } from '../context/types.js';
import { scaleToResolution } from '../styles/scale.js';

/** An OpenLayers view for the document's view settings; the extent to fit when no centre is given. */
export function createView(settings: ViewSettings): { view: View; fitExtent?: Extent } {
  const projection = getProjection(settings.projection);
  if (!projection) throw new Error(`Unknown projection ${settings.projection}`);
  const metersPerUnit = projection.getMetersPerUnit() ?? 1;
  const view = new View({
    projection,
    center: settings.center ? transform([...settings.center], settings.crs, projection) : [0, 0],
    zoom: settings.zoom ?? (settings.center ? undefined : 2),
    resolution:
      settings.resolution ?? (settings.scale !== undefined ? scaleToResolution(settings.scale, metersPerUnit) : undefined),
    minZoom: settings.minZoom,
    maxZoom: settings.maxZoom,
    // Lambert-93 and other projected views zoom smoothly; Web Mercator snaps to tile levels.
    constrainResolution: settings.projection === 'EPSG:3857',
  });
  const fitExtent =
    !settings.center && settings.extent ? transformExtent([...settings.extent], settings.crs, projection) : undefined;
  return { view, fitExtent };
}
