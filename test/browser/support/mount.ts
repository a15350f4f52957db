import { validateContext } from '../../../src/context/validate.js';
import type { MapContext } from '../../../src/context/types.js';
import { waitUntil } from '../../support/wait-until.js';

const mounted: Element[] = [];

/** Adds an element to the page for one test; `unmountAll` (run after each test) takes it away. */
export function mount<T extends HTMLElement>(element: T, style = 'display:block;width:640px;height:480px'): T {
  element.setAttribute('style', style);
  document.body.append(element);
  mounted.push(element);
  return element;
}

export function unmountAll(): void {
  for (const element of mounted.splice(0)) element.remove();
  // A test that leaves anything behind would make the next ones lie.
  const left = [...document.body.children].filter((e) => e.localName !== 'script');
  if (left.length) throw new Error(`a test leaked DOM: ${left.map((e) => e.outerHTML.slice(0, 120)).join(', ')}`);
}

export function validContext(doc: unknown): MapContext {
  const result = validateContext(doc);
  if (!result.ok) throw new Error(`invalid test document: ${JSON.stringify(result.problems)}`);
  return result.value;
}

export const nextEvent = (target: EventTarget, name: string, timeout = 15000): Promise<Event> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} within ${timeout} ms`)), timeout);
    target.addEventListener(name, (event) => {
      clearTimeout(timer);
      resolve(event);
    }, { once: true });
  });

/** Waits until `check()` holds (test/support/wait-until.ts, real time even under fake timers); `what` names it in the error. */
export const waitFor = async (check: () => boolean, timeout = 30000, what = 'condition'): Promise<void> => {
  await waitUntil(check, { what, timeoutMs: timeout, everyMs: 20 });
};
