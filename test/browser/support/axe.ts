/** axe-core in the test page (its UMD build, loaded once from node_modules), run on one element and its open shadow roots. */

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: ReadonlyArray<{ readonly target: unknown }>;
}
interface Axe {
  run(context: Element, options: { resultTypes: string[] }): Promise<{ violations: AxeViolation[] }>;
}

let loading: Promise<Axe> | undefined;

function loadAxe(): Promise<Axe> {
  loading ??= new Promise<Axe>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve((globalThis as unknown as { axe: Axe }).axe);
    script.onerror = () => reject(new Error('axe-core could not be loaded'));
    // In <head>: the DOM-leak guard of mount.ts watches <body>.
    document.head.append(script);
  });
  return loading;
}

/** The accessibility violations axe finds in an element, as "rule: help (targets)" lines. */
export async function axeViolations(element: Element): Promise<string[]> {
  const axe = await loadAxe();
  const { violations } = await axe.run(element, { resultTypes: ['violations'] });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')})`);
}
