/** The report's work against the opened map: asking every layer about the place, and printing. */
import type { MapContext } from '../../context/types.js';
import { textFor } from '../../i18n/text.js';
import type { MapAdapter } from '../../map/adapter.js';
import { loadChunk } from '../../offline/load-chunk.js';
import { makeReport } from '../../report/gather.js';
import { layerFeaturesIn, placeExtent, projectionOf, viewOf } from '../../report/map-glue.js';
import { LAMBERT_93 } from '../../report/place-facts.js';
import type { Place, Report } from '../../report/types.js';
import { ensureProjections } from '../../proj/register.js';
import type { MapSession } from '../../session/map-session.js';
import { distanceText, placeText, reasonText } from './texts.js';

export interface ReportRun {
  readonly session: MapSession;
  readonly adapter: MapAdapter;
  /** The document with the layers added to the map. */
  readonly context: MapContext;
  readonly place: Place;
  readonly language: string;
  /** Aborts when another place is picked or the panel closes. */
  readonly signal: AbortSignal;
}

/** Asks every layer what lies at the place; `onLayer` after each answer. Undefined when aborted meanwhile. */
export async function runReport(run: ReportRun, onLayer: () => void): Promise<Report | undefined> {
  const { session, adapter, signal } = run;
  const view = viewOf(adapter.map);
  // Lambert-93 names a point's place (src/report/place-facts.ts): proj4 comes with the report, not the first map.
  const [requester] = await Promise.all([session.requester(), ensureProjections([LAMBERT_93]).catch(() => undefined)]);
  if (signal.aborted) return undefined;
  const report = await makeReport(
    run.place,
    {
      context: run.context,
      language: run.language,
      viewProjection: view.projection,
      resolution: view.resolution,
      requester,
      resolveUrl: (url) => session.resolveUrl(url),
      visible: (id) => session.store.state.layers[id]?.visible ?? false,
      featuresIn: layerFeaturesIn(adapter.map),
      signal,
    },
    onLayer,
  );
  if (signal.aborted) return undefined;
  const map = { title: textFor(run.context.title, run.language), address: location.href };
  return { ...report, projection: view.projection.getCode(), map, language: run.language };
}

/** Prints a report: the map is drawn at the paper's map box around its place (the panel is not printed), then the print view. */
export async function printPlaceReport(session: MapSession, adapter: MapAdapter, report: Report, language: string): Promise<void> {
  const [{ printReport }, { printedMap }] = await Promise.all([loadChunk(import('../cartable-report-print.js')), loadChunk(import('../../report/print-map.js'))]);
  const extent = placeExtent(report.place, projectionOf(adapter.map));
  // The layers' charts of what was found, as the report panel shows them (their code only for a map with charts).
  const withCharts = session.layers.tableLayers().some((l) => l.charts?.length);
  const charts = withCharts ? (await loadChunk(import('../chart/print-chart.js'))).reportChartFigures(session, report.layers, language) : undefined;
  await printReport({
    charts,
    report,
    mapImage: () => printedMap(adapter.map, extent),
    context: session.context,
    state: session.store.state,
    mapTitle: textFor(session.context.title, language),
    placeText: placeText(report.place, language, report.projection),
    language,
    reason: (l) => (l.unchecked ? reasonText(l.unchecked.reason, l.unchecked.detail) : ''),
    distance: (m) => distanceText(m, language),
  });
}
