/**
 * Embed mode in the URL: `embed=1` and one switch per control, `ctl.<name>=1|0`.
 *
 * | switch | control | default in an embed |
 * |---|---|---|
 * | `ctl.layers` | the layer list (and basemaps) | 1 |
 * | `ctl.legend` | the legend | 1 |
 * | `ctl.search` | the search box | 0 |
 * | `ctl.table` | the table button | 0 |
 * | `ctl.popups` | records on click | 1 |
 * | `ctl.zoom` | the zoom buttons | 1 |
 * | `ctl.scale` | the scale line | 1 |
 * | `ctl.fullscreen` | the full-screen button (where the host allows it) | 1 |
 * | `ctl.fullmap` | the « open the full map » link | 1 |
 * | `ctl.report` | the « Qu'y a-t-il ici ? » report button | 0 |
 * | `ctl.tools` | measure, coordinates and « go to », locate me | 0 |
 * | `ctl.print` | print layout and PNG export | 0 |
 *
 * Attributions always show. Outside an embed every control shows and the switches are ignored.
 * Pure: no DOM.
 */
export const EMBED_CONTROLS = ['layers', 'legend', 'search', 'table', 'popups', 'zoom', 'scale', 'fullscreen', 'fullmap', 'report', 'tools', 'print'] as const;
export type EmbedControl = (typeof EMBED_CONTROLS)[number];
export type EmbedControls = Readonly<Record<EmbedControl, boolean>>;

export const DEFAULT_EMBED_CONTROLS: EmbedControls = {
  layers: true,
  legend: true,
  search: false,
  table: false,
  popups: true,
  zoom: true,
  scale: true,
  fullscreen: true,
  fullmap: true,
  report: false,
  tools: false,
  print: false,
};

/** Every control: the full viewer. */
export const ALL_CONTROLS: EmbedControls = Object.fromEntries(EMBED_CONTROLS.map((c) => [c, true])) as Record<EmbedControl, boolean>;

export interface EmbedSettings {
  readonly embed: boolean;
  readonly controls: EmbedControls;
  /** Switches whose value was not 1 or 0, or unknown `ctl.` names. */
  readonly ignored: readonly string[];
}

const PREFIX = 'ctl.';

export function readEmbed(url: URL): EmbedSettings {
  const params = url.searchParams;
  if (params.get('embed') !== '1') return { embed: false, controls: ALL_CONTROLS, ignored: [] };
  const controls: Record<EmbedControl, boolean> = { ...DEFAULT_EMBED_CONTROLS };
  const ignored: string[] = [];
  for (const [key, value] of params) {
    if (!key.startsWith(PREFIX)) continue;
    const name = key.slice(PREFIX.length) as EmbedControl;
    if (!EMBED_CONTROLS.includes(name) || (value !== '1' && value !== '0')) ignored.push(key);
    else controls[name] = value === '1';
  }
  return { embed: true, controls, ignored };
}

/** The URL in embed mode with these controls (only switches that differ from the defaults are written); none: out of embed mode. */
export function writeEmbed(url: URL, controls: Partial<EmbedControls> | undefined): URL {
  const next = new URL(url);
  next.searchParams.delete('embed');
  for (const key of [...next.searchParams.keys()]) if (key.startsWith(PREFIX)) next.searchParams.delete(key);
  if (!controls) return next;
  next.searchParams.set('embed', '1');
  for (const name of EMBED_CONTROLS) {
    const on = controls[name] ?? DEFAULT_EMBED_CONTROLS[name];
    if (on !== DEFAULT_EMBED_CONTROLS[name]) next.searchParams.set(`${PREFIX}${name}`, on ? '1' : '0');
  }
  return next;
}
