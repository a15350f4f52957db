import { parseTemplate } from '../../context/template.js';
import { htmlToText } from '../common.js';

/**
 * mviewer's Mustache templates (HTML, looping over {{#features}}) → Cartable's logic-less text
 * templates, where the meaning is the same: {{field}}, {{#field}}…{{/field}} and {{^field}}…{{/field}}
 * keep their meaning; markup becomes text; links become record links. What would change meaning
 * (partials, dotted names, the current item {{.}}, custom delimiters) stops the conversion.
 */

export interface ConvertedTemplate {
  /** The record's title (from the template's first heading), a template. */
  readonly title?: string;
  /** The record's text, a template; undefined when the template could not be converted. */
  readonly text?: string;
  readonly links: ReadonlyArray<{ readonly label: string; readonly url: string }>;
  /** Fields whose value is an image address (<img src="{{field}}">): shown as image fields. */
  readonly images: readonly string[];
  /** What was changed on the way (markup removed, images left out…). */
  readonly notes: readonly string[];
  /** Why the template could not be converted. */
  readonly failure?: string;
}

export function convertMustache(source: string): ConvertedTemplate {
  const notes: string[] = [];
  let text = source.replace(/\{\{![\s\S]*?\}\}/g, '');
  if (/\{\{\s*>/.test(text)) return failed('it includes partial templates ({{> …}}), which Cartable has no equivalent for');
  if (/\{\{\s*=/.test(text)) return failed('it changes the Mustache delimiters ({{=…=}})');
  // mviewer renders one template for every feature found: a Cartable record is one feature.
  text = text.replace(/\{\{\s*#\s*features\s*\}\}([\s\S]*?)\{\{\s*\/\s*features\s*\}\}/g, '$1');
  if (/\{\{\s*[#^/]?\s*\.\s*\}\}/.test(text)) return failed('it uses the current item {{.}} (lists), which Cartable templates do not have');
  if (/\{\{\s*[#^/]?\s*[\w-]+\.[\w.-]+\s*\}\}/.test(text)) return failed('it reads nested values ({{a.b}}), which Cartable templates do not have');
  if (/\{\{\{/.test(text)) {
    notes.push('values inserted as HTML ({{{…}}}) are shown as text');
    text = text.replace(/\{\{\{\s*([^{}]+?)\s*\}\}\}/g, '{{$1}}');
  }
  const links: Array<{ label: string; url: string }> = [];
  text = text.replace(/<a\b[^>]*\bhref\s*=\s*["']([^"']+)["'][^>]*>([\s\S]*?)<\/a>/gi, (_match, url: string, label: string) => {
    links.push({ label: htmlToText(label) || 'Lien', url: url.trim() });
    return '';
  });
  if (links.length) notes.push(`${links.length} link(s) became record links`);
  const images: string[] = [];
  text = text.replace(/<img\b[^>]*>/gi, (tag) => {
    const field = /\bsrc\s*=\s*["']\s*\{\{\{?\s*([\w-]+)\s*\}\}\}?\s*["']/i.exec(tag)?.[1];
    if (field) images.push(field);
    else notes.push('an image with a fixed address is left out');
    return '';
  });
  if (images.length) notes.push(`images from the field(s) ${images.join(', ')} are shown as image fields`);
  let title: string | undefined;
  const heading = /<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/i.exec(text);
  if (heading) {
    title = htmlToText(heading[1]!);
    text = text.replace(heading[0], '');
  }
  if (/<[a-z][^>]*>/i.test(text)) notes.push('HTML markup is removed: Cartable records are plain text');
  const body = htmlToText(text);
  for (const candidate of [title, body]) {
    if (!candidate) continue;
    try {
      parseTemplate(candidate);
    } catch (error) {
      return failed(`its sections do not close properly (${(error as Error).message})`);
    }
  }
  return { ...(title ? { title } : {}), ...(body ? { text: body } : {}), links, images, notes };
}

const failed = (failure: string): ConvertedTemplate => ({ links: [], images: [], notes: [], failure });
