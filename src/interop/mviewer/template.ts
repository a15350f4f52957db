import { parseTemplate } from '../../context/template.js';
import { htmlToText } from '../common.js';

/**
 * mviewer's Mustache templates (HTML, looping over {{#features}}) → Cartable's logic-less text
 * templates, where the meaning is the same: {{field}}, {{#field}}…{{/field}} and {{^field}}…{{/field}}
 * keep their meaning; markup becomes text; table rows « label | {{field}} » become labelled fields;
 * links become record links. What would change meaning (JavaScript, helpers, partials, dotted names,
 * the current item {{.}}, custom delimiters) stops the conversion.
 */

/** A part of the record, in the template's order: a paragraph (a template) or labelled fields. */
export type ConvertedSection =
  | { readonly text: string }
  | { readonly fields: ReadonlyArray<{ readonly field: string; readonly label?: string }> };

export interface ConvertedTemplate {
  /** The record's title (from the template's first heading), a template. */
  readonly title?: string;
  /** The record's text, a template (table rows read « label : {{field}} »); undefined when not converted. */
  readonly text?: string;
  /** The same body as record sections: one per paragraph, table rows as labelled fields. */
  readonly sections: readonly ConvertedSection[];
  readonly links: ReadonlyArray<{ readonly label: string; readonly url: string }>;
  /** Fields whose value is an image address (<img src="{{field}}">): shown as image fields. */
  readonly images: readonly string[];
  /** Fields inserted as HTML ({{{field}}}) alone on their line: shown as (sanitised) HTML fields. */
  readonly html: readonly string[];
  /** What was changed on the way (markup removed, images left out…). */
  readonly notes: readonly string[];
  /** Why the template could not be converted. */
  readonly failure?: string;
}

const TAG = /\{\{\s*([#^/]?)\s*([^{}]*?)\s*\}\}/g;
/**
 * A field until the sections are cut: \u0001field\u0002label then \u0003 (a table row), \u0004 (an
 * image) or \u0005 (a value inserted as HTML).
 */
const FIELD_MARK = /\u0001([\w-]+)\u0002([^\u0001\u0002\n]*)([\u0003\u0004\u0005])/g;
const TRIPLE = /\{\{\{\s*([\w-]+)\s*\}\}\}/g;
/** In the text form, a table row reads « label : {{field}} »; images are left out. */
const asText = (_m: string, field: string, label: string, end: string): string => (end === '\u0004' ? '' : label ? `${label} : {{${field}}}` : `{{${field}}}`);

export function convertMustache(source: string): ConvertedTemplate {
  const notes: string[] = [];
  let text = source.replace(/\{\{![\s\S]*?\}\}/g, '');
  const failure = unconvertible(text);
  if (failure) return failed(failure);
  // mviewer renders one template for every feature found: a Cartable record is one feature.
  text = text.replace(/\{\{\s*#\s*features\s*\}\}([\s\S]*?)\{\{\s*\/\s*features\s*\}\}/g, '$1');
  text = text.replace(/<(style)\b[\s\S]*?<\/\1>/gi, '');
  // {{&x}} is {{{x}}}; inside tags (href, src, alt…) a value is a value.
  text = text.replace(/\{\{\s*&\s*([\w-]+)\s*\}\}/g, '{{{$1}}}').replace(/<[^>]*>/g, (tag) => tag.replace(TRIPLE, '{{$1}}'));
  const links: Array<{ label: string; url: string }> = [];
  text = text.replace(/<a\b[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, (_match, url: string, label: string) => {
    links.push({ label: linkLabel(label.replace(TRIPLE, '{{$1}}'), notes), url: url.trim() });
    return '';
  });
  if (links.length) notes.push(`${links.length} link(s) became record links`);
  const images: string[] = [];
  text = text.replace(/<img\b[^>]*>/gi, (tag) => {
    const field = /\bsrc\s*=\s*["']\s*\{\{\s*([\w-]+)\s*\}\}\s*["']/i.exec(tag)?.[1];
    if (!field) {
      notes.push('an image whose address is not one field is left out');
      return '';
    }
    images.push(field);
    // Its alternative text labels it when it is fixed text.
    const alt = /\balt\s*=\s*["']([^"'{}]*)["']/i.exec(tag)?.[1]?.trim() ?? '';
    return `\n\u0001${field}\u0002${alt}\u0004\n`;
  });
  if (images.length) notes.push(`images from the field(s) ${images.join(', ')} are shown as image fields`);
  const inserted = new Set<string>();
  text = text.replace(TRIPLE, (_m, field: string) => {
    inserted.add(field);
    return `\u0001${field}\u0002\u0005`;
  });
  let title: string | undefined;
  const heading = /<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/i.exec(text);
  if (heading) {
    title = htmlToText(heading[1]!).replace(FIELD_MARK, asText);
    text = text.replace(heading[0], '');
  }
  const rows = tableRows(text);
  if (rows.count) notes.push(`${rows.count} table row(s) became labelled fields or « label : value » lines`);
  text = rows.text;
  if (/<[a-z][^>]*>/i.test(text)) notes.push('HTML markup is removed: Cartable records are plain text');
  let marked = htmlToText(text);
  // Sections left empty once their link or image became a record link or an image field.
  for (let previous = ''; previous !== marked; ) {
    previous = marked;
    marked = marked.replace(/\{\{\s*[#^]\s*([\w-]+)\s*\}\}\s*\{\{\s*\/\s*\1\s*\}\}/g, '').trim();
  }
  const body = marked.replace(FIELD_MARK, asText).replace(/\n{2,}/g, '\n').trim();
  for (const candidate of [title, body]) {
    if (!candidate) continue;
    try {
      parseTemplate(candidate);
    } catch (error) {
      return failed(`its sections do not close properly (${(error as Error).message})`);
    }
  }
  const html = new Set<string>();
  const sections = sectionsOf(marked, html);
  if (html.size) notes.push(`values inserted as HTML alone on their line (${[...html].join(', ')}) are shown as sanitised HTML fields`);
  if ([...inserted].some((f) => !html.has(f))) notes.push('values inserted as HTML ({{{…}}}) inside text are shown as text');
  return { ...(title ? { title } : {}), ...(body ? { text: body } : {}), sections, links, images, html: [...html], notes };
}

/** Why a template cannot keep its meaning in Cartable, if so. */
function unconvertible(text: string): string | undefined {
  if (/<script\b/i.test(text)) return 'it runs JavaScript (<script>), which Cartable records never run';
  if (/<[a-z][^>]*\son[a-z]+\s*=/i.test(text)) return 'it runs JavaScript in event handlers (onclick=…), which Cartable records never run';
  if (/javascript:/i.test(text)) return 'it has javascript: links, which Cartable records never follow';
  if (/\{\{\s*>/.test(text)) return 'it includes partial templates ({{> …}}), which Cartable has no equivalent for';
  if (/\{\{\s*=/.test(text)) return 'it changes the Mustache delimiters ({{=…=}})';
  if (/\{\{\s*[#^/]?\s*\.\s*\}\}/.test(text)) return 'it uses the current item {{.}} (lists), which Cartable templates do not have';
  if (/\{\{\{?\s*[#^/]?\s*[\w-]+\.[\w.-]+\s*\}\}/.test(text)) return 'it reads nested values ({{a.b}}), which Cartable templates do not have';
  const helper = /\{\{\{?\s*([#^/&]?)\s*([^{}\s]+)\s+[^{}\s][^{}]*?\}\}/.exec(text);
  if (helper) return `it calls a function ({{${helper[1]}${helper[2]} …}}), which Cartable templates do not have`;
  return undefined;
}

/** A link's label: its text; a label made of values (« {{nom}} ») becomes « Lien ». */
function linkLabel(html: string, notes: string[]): string {
  const label = htmlToText(html);
  if (!/\{\{/.test(label)) return label || 'Lien';
  const fixed = label.replace(TAG, '').replace(/\s+/g, ' ').trim();
  notes.push(`the link label « ${label} » reads values: it became « ${fixed.length > 2 ? fixed : 'Lien'} »`);
  return fixed.length > 2 ? fixed : 'Lien';
}

/** Table rows: « <th>Label</th><td>{{field}}</td> » marks a labelled field, other rows become « a : b » lines. */
function tableRows(html: string): { text: string; count: number } {
  let count = 0;
  const text = html.replace(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi, (_row, inner: string) => {
    count += 1;
    const cells = [...inner.matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((c) => htmlToText(c[1]!).replace(/\s*\n\s*/g, ' '));
    const value = cells.length === 2 ? /^(?:\{\{\s*([\w-]+)\s*\}\}|\u0001([\w-]+)\u0002(\u0005))$/.exec(cells[1]!) : undefined;
    if (value && !/\{\{|\u0001/.test(cells[0]!)) return `\n\u0001${value[1] ?? value[2]}\u0002${cells[0]!.replace(/\s*:\s*$/, '')}${value[3] ?? '\u0003'}\n`;
    return `\n${cells.filter(Boolean).join(' : ')}\n`;
  });
  return { text: text.replace(/<\/?(table|thead|tbody|tfoot|caption)\b[^>]*>/gi, '\n'), count };
}

/**
 * The body cut into record sections at its top-level lines (a Mustache section stays whole):
 * Cartable renders each as a paragraph, so lines stay lines. Labelled fields alone on their line
 * (or inside a section on their own field, which the field row already hides) become field rows.
 */
function sectionsOf(marked: string, html: Set<string>): ConvertedSection[] {
  const chunks: string[] = [];
  let depth = 0;
  let current = '';
  for (const line of marked.split('\n')) {
    current += (current ? '\n' : '') + line;
    for (const [, sigil] of line.matchAll(TAG)) depth += sigil === '#' || sigil === '^' ? 1 : sigil === '/' ? -1 : 0;
    if (depth <= 0) {
      chunks.push(current);
      current = '';
      depth = 0;
    }
  }
  if (current) chunks.push(current);
  const sections: ConvertedSection[] = [];
  for (const chunk of chunks.map((c) => c.trim()).filter(Boolean)) {
    const alone = /^(?:\{\{\s*#\s*([\w-]+)\s*\}\}\s*)?\u0001([\w-]+)\u0002([^\u0001\u0002\n]*)([\u0003\u0004\u0005])(?:\s*\{\{\s*\/\s*([\w-]+)\s*\}\})?$/.exec(chunk);
    if (alone && alone[1] === alone[5] && (!alone[1] || alone[1] === alone[2])) {
      if (alone[4] === '\u0005') html.add(alone[2]!);
      const row = { field: alone[2]!, ...(alone[3] ? { label: alone[3] } : {}) };
      const last = sections.at(-1);
      if (last && 'fields' in last) sections[sections.length - 1] = { fields: [...last.fields, row] };
      else sections.push({ fields: [row] });
      continue;
    }
    const text = chunk.replace(FIELD_MARK, asText).trim();
    if (text) sections.push({ text });
  }
  return sections;
}

const failed = (failure: string): ConvertedTemplate => ({ sections: [], links: [], images: [], html: [], notes: [], failure });
