/**
 * An SLD document (SLD 1.0, or SLD 1.1 with Symbology Encoding 1.1: elements matched by local name)
 * read into plain rules: a name, a filter of the kind Cartable styles know (one field equal to a
 * value, or "else"), a scale range, one symbol and a label. What has no Cartable equivalent is
 * listed in `dropped`, one line per thing, with the rule it was in.
 */
import type { FillStyle, LabelStyle, StrokeStyle, Symbolizer } from '../../context/types.js';
import { attributeOf, childElement, childElements, hrefOf, localNameOf, numberOf, textOf } from '../xml.js';

export type SldFilter = { readonly field: string; readonly value: string | number } | 'else';

export interface SldRule {
  /** Its Name, else its Title, else "rule N": how the report names it. */
  readonly name: string;
  readonly title?: string;
  readonly filter?: SldFilter;
  readonly minScale?: number;
  readonly maxScale?: number;
  readonly symbol: Symbolizer;
  readonly label?: LabelStyle;
}

export interface SldRead {
  readonly rules: SldRule[];
  readonly dropped: string[];
}

/** The SVG/CSS parameters of a Fill, Stroke, Font or Halo element, by name (literal values only). */
function parameters(element: Element | undefined, drop: (what: string) => void): Map<string, string> {
  const out = new Map<string, string>();
  for (const parameter of element ? childElements(element, 'CssParameter', 'SvgParameter') : []) {
    const name = attributeOf(parameter, 'name') ?? '';
    const computed = childElements(parameter).find((c) => localNameOf(c) !== 'Literal');
    if (computed) drop(`${name} computed by <${localNameOf(computed)}> (only literal values are converted)`);
    else if (textOf(parameter) !== undefined) out.set(name, textOf(parameter)!);
  }
  return out;
}

/** "#3388ff" with opacity 0.5 → "rgba(51, 136, 255, 0.5)"; other colours are kept as they are. */
export function colorWithOpacity(color: string, opacity: number | undefined): string {
  const hex = /^#([0-9a-f]{6})$/i.exec(color.trim())?.[1];
  if (opacity === undefined || opacity >= 1 || !hex) return color.trim();
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${Math.max(0, opacity)})`;
}

function readFill(element: Element | undefined, drop: (what: string) => void): FillStyle | undefined {
  if (!element) return undefined;
  if (childElement(element, 'GraphicFill')) drop('a fill pattern (GraphicFill): a plain fill is used');
  const p = parameters(element, drop);
  return { color: colorWithOpacity(p.get('fill') ?? '#808080', numberOf(p.get('fill-opacity'))) };
}

const STROKE_KEPT = new Set(['stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray']);

function readStroke(element: Element | undefined, drop: (what: string) => void): StrokeStyle | undefined {
  if (!element) return undefined;
  if (childElement(element, 'GraphicFill', 'GraphicStroke')) drop('a stroke drawn with a graphic (GraphicStroke/GraphicFill): a plain line is used');
  const p = parameters(element, drop);
  for (const name of p.keys()) if (!STROKE_KEPT.has(name)) drop(`${name} of the stroke`);
  const dash = (p.get('stroke-dasharray') ?? '').split(/[\s,]+/).filter(Boolean).map(Number);
  return {
    color: colorWithOpacity(p.get('stroke') ?? '#000000', numberOf(p.get('stroke-opacity'))),
    width: numberOf(p.get('stroke-width')) ?? 1,
    ...(dash.length && dash.length <= 8 && dash.every((d) => Number.isFinite(d) && d >= 0) ? { dash } : {}),
  };
}

/** A PointSymbolizer's Graphic: a Mark (drawn as a circle) or an ExternalGraphic (an icon). */
function readGraphic(graphic: Element | undefined, drop: (what: string) => void): Symbolizer['marker'] {
  if (!graphic) return undefined;
  const size = numberOf(textOf(childElement(graphic, 'Size'))) ?? 6;
  for (const name of ['Opacity', 'Rotation', 'Displacement', 'AnchorPoint']) if (childElement(graphic, name)) drop(`the graphic's ${name}`);
  const mark = childElement(graphic, 'Mark');
  const external = childElement(graphic, 'ExternalGraphic');
  if (mark) {
    const shape = (textOf(childElement(mark, 'WellKnownName')) ?? 'square').toLowerCase();
    if (shape !== 'circle') drop(`the mark "${shape}" (Cartable draws circles and icons): drawn as a circle`);
    const fill = readFill(childElement(mark, 'Fill'), drop);
    const stroke = readStroke(childElement(mark, 'Stroke'), drop);
    return { shape: 'circle', radius: size / 2, ...(fill ? { fill } : {}), ...(stroke ? { stroke } : {}) };
  }
  const href = external ? hrefOf(childElement(external, 'OnlineResource')) : undefined;
  // http(s) or relative addresses only (no data:, javascript:, //host).
  if (href && (/^https?:\/\/\S/.test(href) || (!/^[a-z][a-z0-9+.-]*:/i.test(href) && !/^[/\\]{2}/.test(href)))) {
    drop(`the icon size (${size} px): the icon is drawn at its own size`);
    return { shape: 'icon', src: href, scale: 1 };
  }
  drop(external ? 'an external graphic without an http(s) or relative address' : 'a graphic with neither Mark nor ExternalGraphic');
  return undefined;
}

function readLabel(element: Element, drop: (what: string) => void): LabelStyle | undefined {
  const label = childElement(element, 'Label');
  const parts = label ? childElements(label) : [];
  const field = parts.length === 1 && localNameOf(parts[0]!) === 'PropertyName' ? textOf(parts[0]) : undefined;
  const text = label ? Array.from(label.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim()) : false;
  if (!field || text) {
    drop('a label that is not one field (literal text or an expression)');
    return undefined;
  }
  const font = parameters(childElement(element, 'Font'), drop);
  const fill = parameters(childElement(element, 'Fill'), drop);
  const halo = childElement(element, 'Halo');
  const haloFill = halo ? parameters(childElement(halo, 'Fill'), drop) : new Map<string, string>();
  for (const name of ['LabelPlacement', 'Graphic']) if (childElement(element, name)) drop(`the label's ${name}`);
  if (font.has('font-family') || font.has('font-style') || font.has('font-weight')) drop('the label font family, style and weight');
  const size = numberOf(font.get('font-size'));
  return {
    field: field.replace(/^.*:/, ''),
    color: colorWithOpacity(fill.get('fill') ?? '#000000', numberOf(fill.get('fill-opacity'))),
    haloColor: colorWithOpacity(haloFill.get('fill') ?? '#ffffff', numberOf(haloFill.get('fill-opacity'))),
    size: Math.min(48, Math.max(6, size ?? 10)),
  };
}

/** A literal as a category value: a number when it reads back the same ("3", "2.5"), else the text ("01"). */
const literal = (text: string): string | number => (text.trim() !== '' && String(Number(text)) === text ? Number(text) : text);

function readFilter(rule: Element, drop: (what: string) => void): SldFilter | undefined | null {
  if (childElement(rule, 'ElseFilter')) return 'else';
  const filter = childElement(rule, 'Filter');
  if (!filter) return undefined;
  const [test, ...more] = childElements(filter);
  if (test && !more.length && localNameOf(test) === 'PropertyIsEqualTo') {
    const name = textOf(childElement(test, 'PropertyName'));
    const value = textOf(childElement(test, 'Literal')) ?? childElement(test, 'Literal')?.textContent ?? undefined;
    if (name && value !== undefined && attributeOf(test, 'matchCase') !== 'false') return { field: name.replace(/^.*:/, ''), value: literal(value) };
  }
  drop(`its filter <${test ? localNameOf(test) : 'Filter'}> (Cartable styles vary by the values of one field: PropertyIsEqualTo only): the rule is left out`);
  return null;
}

/** Merges what one symbolizer draws into the rule's symbol; a second fill, stroke or marker is dropped. */
function merge(symbol: Record<string, unknown>, part: Symbolizer, kind: string, drop: (what: string) => void): void {
  for (const [key, value] of Object.entries(part)) {
    if (value === undefined) continue;
    if (symbol[key] === undefined) symbol[key] = value;
    else drop(`a second ${key} (${kind}): Cartable draws one ${key} per feature`);
  }
}

function readRule(rule: Element, index: number, dropped: string[]): SldRule | undefined {
  // SLD 1.0: <Title>; SE 1.1: <Description><Title>.
  const description = childElement(rule, 'Description');
  const title = textOf(childElement(rule, 'Title')) ?? (description ? textOf(childElement(description, 'Title')) : undefined);
  const name = textOf(childElement(rule, 'Name')) ?? title ?? `rule ${index + 1}`;
  const drop = (what: string): void => void dropped.push(`rule "${name}": ${what}`);
  const filter = readFilter(rule, drop);
  if (filter === null) return undefined;
  const symbol: Record<string, unknown> = {};
  let label: LabelStyle | undefined;
  for (const symbolizer of childElements(rule)) {
    const kind = localNameOf(symbolizer);
    if (!kind.endsWith('Symbolizer')) continue;
    if (childElement(symbolizer, 'Geometry')) drop(`the <Geometry> of a ${kind}: features are drawn by their own geometry`);
    if (kind === 'PolygonSymbolizer') {
      const fill = readFill(childElement(symbolizer, 'Fill'), drop);
      const stroke = readStroke(childElement(symbolizer, 'Stroke'), drop);
      merge(symbol, { ...(fill ? { fill } : {}), ...(stroke ? { stroke } : {}) }, kind, drop);
    } else if (kind === 'LineSymbolizer') {
      const stroke = readStroke(childElement(symbolizer, 'Stroke'), drop);
      if (stroke) merge(symbol, { stroke }, kind, drop);
    } else if (kind === 'PointSymbolizer') {
      const marker = readGraphic(childElement(symbolizer, 'Graphic'), drop);
      if (marker) merge(symbol, { marker }, kind, drop);
    } else if (kind === 'TextSymbolizer') {
      const read = readLabel(symbolizer, drop);
      if (read && label) drop('a second label');
      else if (read) label = read;
    } else {
      drop(`a ${kind} (Cartable draws points, lines, polygons and labels)`);
    }
  }
  const minScale = numberOf(textOf(childElement(rule, 'MinScaleDenominator')));
  const maxScale = numberOf(textOf(childElement(rule, 'MaxScaleDenominator')));
  return {
    name,
    ...(title ? { title } : {}),
    ...(filter ? { filter } : {}),
    ...(minScale !== undefined && minScale > 0 ? { minScale } : {}),
    ...(maxScale !== undefined && maxScale > 0 && Number.isFinite(maxScale) ? { maxScale } : {}),
    symbol: symbol as Symbolizer,
    ...(label ? { label } : {}),
  };
}

/** The rules of the document's first layer and its default (else first) style. */
export function readSld(document: Document): SldRead {
  const dropped: string[] = [];
  const root = document.documentElement;
  const layers = root ? childElements(root, 'NamedLayer', 'UserLayer') : [];
  // A bare FeatureTypeStyle (SE 1.1) is a style of its own.
  const ownStyle = root && localNameOf(root) === 'FeatureTypeStyle' ? [root] : [];
  if (layers.length > 1) dropped.push(`${layers.length - 1} more layer(s) of the document: only the first one's style is converted`);
  const styles = layers[0] ? childElements(layers[0], 'UserStyle') : [];
  const style = styles.find((s) => textOf(childElement(s, 'IsDefault')) === '1' || textOf(childElement(s, 'IsDefault')) === 'true') ?? styles[0];
  if (styles.length > 1) dropped.push(`${styles.length - 1} other style(s) of the layer: only "${textOf(childElement(style!, 'Name')) ?? 'the default'}" is converted`);
  const featureTypeStyles = style ? childElements(style, 'FeatureTypeStyle') : ownStyle;
  const rules = featureTypeStyles.flatMap((fts) => childElements(fts, 'Rule'));
  return { rules: rules.map((rule, i) => readRule(rule, i, dropped)).filter((r): r is SldRule => r !== undefined), dropped };
}
