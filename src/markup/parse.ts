/**
 * The text of an HTML page or fragment (a GetFeatureInfo answer in HTML, a report's page), read
 * without tripping the site's Content-Security-Policy: its style attributes are dropped before it is
 * parsed, and nothing of it runs. XML is parsed by src/ogc/xml.ts.
 */

/** A style attribute in an HTML page: removed before parsing (the page's look is not wanted, only its text). */
const STYLE_ATTRIBUTE = /\sstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi;

/** The text of an HTML page or fragment, parsed inert (a template's content: no script, image or style is run or applied). */
export function textOfHtml(html: string): string {
  const template = document.createElement('template');
  template.innerHTML = html.replace(STYLE_ATTRIBUTE, '');
  // Code, and a head's title, are not the page's text (the body's text is, as DOMParser's body.textContent gave).
  template.content.querySelectorAll('style, script, title').forEach((element) => element.remove());
  return template.content.textContent ?? '';
}
