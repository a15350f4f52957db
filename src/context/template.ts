/**
 * A logic-less text template: {{field}} inserts a value, {{#field}}…{{/field}} keeps its content only
 * when the field has a value (not false), {{^field}}…{{/field}} only when it has none. The result is plain text,
 * never markup (the UI renders it as text), and values are inserted once: a value holding "{{x}}" is
 * not evaluated again.
 */

type Node =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly field: string }
  | { readonly kind: 'section'; readonly field: string; readonly inverted: boolean; readonly children: readonly Node[] };

export class TemplateError extends Error {}

const TAG = /\{\{\s*([#^/]?)\s*([^{}]*?)\s*\}\}/g;

/** Parses a template; throws TemplateError on an unclosed or mismatched section. */
export function parseTemplate(template: string): readonly Node[] {
  const root: Node[] = [];
  const stack: Array<{ field: string; inverted: boolean; children: Node[] }> = [];
  let current = root;
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    if (match.index > last) current.push({ kind: 'text', text: template.slice(last, match.index) });
    last = match.index + match[0].length;
    const [, sigil, field] = match as unknown as [string, string, string];
    if (sigil === '#' || sigil === '^') {
      const section = { field, inverted: sigil === '^', children: [] as Node[] };
      stack.push(section);
      current = section.children;
    } else if (sigil === '/') {
      const open = stack.pop();
      if (!open || open.field !== field) throw new TemplateError(`"{{/${field}}}" closes no open "{{#${field}}}"`);
      const parent = stack.at(-1)?.children ?? root;
      parent.push({ kind: 'section', field: open.field, inverted: open.inverted, children: open.children });
      current = parent;
    } else {
      current.push({ kind: 'value', field });
    }
  }
  if (stack.length) throw new TemplateError(`"{{#${stack.at(-1)!.field}}}" is never closed`);
  if (last < template.length) current.push({ kind: 'text', text: template.slice(last) });
  return root;
}

/** The fields a template reads. */
export function templateFields(template: string): string[] {
  return [...template.matchAll(TAG)].map((m) => m[2]!).filter((f, i, all) => f && all.indexOf(f) === i);
}

export const hasValue = (value: unknown): boolean =>
  value !== null && value !== undefined && !(typeof value === 'string' && value.trim() === '') && !(Array.isArray(value) && value.length === 0);

/**
 * Renders a template against a feature's values. `show` turns one value into text (formatting by
 * field type happens there).
 */
export function renderTemplate(template: string, values: Readonly<Record<string, unknown>>, show: (field: string, value: unknown) => string): string {
  const render = (nodes: readonly Node[]): string =>
    nodes
      .map((node) => {
        if (node.kind === 'text') return node.text;
        const value = values[node.field];
        if (node.kind === 'value') return hasValue(value) ? show(node.field, value) : '';
        // As in Mustache, false hides a section (a boolean is shown as a value elsewhere).
        return (hasValue(value) && value !== false) !== node.inverted ? render(node.children) : '';
      })
      .join('');
  return render(parseTemplate(template)).replace(/\s+/g, ' ').trim();
}
