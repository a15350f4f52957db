/**
 * Loaded before the test framework on every test page (web-test-runner.config.mjs, testRunnerHtml).
 *
 * A failed assertion that holds a DOM node (`expect(activeElement).to.equal(heading)`) must be
 * reported as a failure. @web/test-runner sends a file's results to the runner through
 * structuredClone, which throws on a DOM node: the results were never sent, and the file waited out
 * testsFinishTimeout (ten minutes) as « did not finish », its failure unsaid. Only the runner's own
 * messages (type `wtr-…`) are retried, with each value that cannot be cloned replaced by a short
 * description; every other structuredClone behaves as the browser's.
 */
const browserClone = globalThis.structuredClone.bind(globalThis);

/** `<h2 class="title">`, `#text`…: enough to read a failure's expected and actual values. */
export function describeUncloneable(value: unknown): string {
  if (value instanceof Element) {
    const id = value.id ? `#${value.id}` : '';
    const classes = value.classList.length ? `.${[...value.classList].join('.')}` : '';
    return `<${value.localName}${id}${classes}>`;
  }
  if (value instanceof Node) return value.nodeName;
  if (typeof value === 'function') return `[function ${value.name || 'anonymous'}]`;
  return Object.prototype.toString.call(value);
}

/** A copy of `value` in which what structuredClone refuses is described instead. */
export function cloneableCopy(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value === 'function' || value instanceof Node) return describeUncloneable(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    seen.set(value, copy);
    for (const item of value) copy.push(cloneableCopy(item, seen));
    return copy;
  }
  const prototype = Object.getPrototypeOf(value);
  if (prototype === Object.prototype || prototype === null || value instanceof Error) {
    const copy: Record<string, unknown> = {};
    seen.set(value, copy);
    for (const key of Object.keys(value)) copy[key] = cloneableCopy((value as Record<string, unknown>)[key], seen);
    return copy;
  }
  try {
    return browserClone(value);
  } catch {
    return describeUncloneable(value);
  }
}

const isRunnerMessage = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string' && (value as { type: string }).type.startsWith('wtr-');

globalThis.structuredClone = <T>(value: T, options?: StructuredSerializeOptions): T => {
  try {
    return browserClone(value, options);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'DataCloneError') || !isRunnerMessage(value)) throw error;
    return browserClone(cloneableCopy(value), options) as T;
  }
};
