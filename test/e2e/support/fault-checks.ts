/**
 * The checks of one cell row of the fault matrix (one fault, every layer kind), run on the open map of
 * that fault. Each returns the cells that fail, in words, so a test reports every failing cell at once
 * rather than the first. Time moves by the page's fake clock (page.clock), never by waiting it out.
 */
import type { Locator, Page } from 'playwright-core';
import { DEFAULT_LOAD_POLICY } from '../../../src/layers/load-policy.js';
import { layerStates, nextFrames, toWebMercator, type LayerStateSnapshot } from './harness.js';
import { CENTRE, TILE_KINDS, TITLES, expectedProblem, expectedText, idOf, layersOf, type Fault, type Kind } from './faults.js';

export const BUDGET = DEFAULT_LOAD_POLICY.budget;
type States = Record<string, LayerStateSnapshot>;

/** Browser and library words that must never reach the page (they mean a failure was not put in our words). */
export const RAW_WORDS = /Failed to fetch|signal timed out|TypeError|SyntaxError|AbortError|NetworkError|Unexpected token|\[object /;

/** Chromium's own console lines for the answers the faults give (the guard lets only these through). */
export const FAULT_CONSOLE_ERRORS = [
  /^Failed to load resource: .* @ (https:\/\/(data\.geopf\.fr|wxs\.ign\.fr)|http:\/\/127\.0\.0\.1:\d+)\/faults\//,
  /^Access to (fetch|image) at '(https:\/\/(data\.geopf\.fr|wxs\.ign\.fr)|http:\/\/127\.0\.0\.1:\d+)\/faults\/[^']*' from origin '[^']*' has been blocked by CORS policy/,
];

const settled = (state: LayerStateSnapshot | undefined, fault: Fault, kind: Kind): boolean =>
  !!state && (expectedProblem(fault, kind) ? state.status === 'error' : state.status === 'ready');

/**
 * Waits until every layer of the fault's map has failed (or, if the fault spares it, loaded), moving
 * the page's clock `advance` ms at each look (for the requester's 20 s deadline); gives up after
 * `looks` looks. Returns the states, the layers still unsettled, and each layer's request count
 * (`count`) when it was first seen failing.
 */
export async function settleFaults(
  page: Page,
  fault: Fault,
  options: { count: (kind: Kind) => number; advance?: number; beforeAdvance?: () => Promise<void>; looks?: number },
): Promise<{ states: States; unsettled: string[]; atError: Map<Kind, number> }> {
  const kinds = layersOf(fault);
  const atError = new Map<Kind, number>();
  let states: States = {};
  for (let look = 0; look < (options.looks ?? 60); look++) {
    states = await layerStates(page);
    for (const kind of kinds) if (states[idOf(kind)]?.status === 'error' && !atError.has(kind)) atError.set(kind, options.count(kind));
    if (kinds.every((kind) => settled(states[idOf(kind)], fault, kind))) return { states, unsettled: [], atError };
    // A real pause between looks, paced by the page's own frames (the fake clock runs at real speed between jumps).
    if (options.advance) {
      await options.beforeAdvance?.();
      await page.clock.fastForward(options.advance);
    }
    await frames(page, 6);
  }
  const unsettled = kinds.filter((kind) => !settled(states[idOf(kind)], fault, kind)).map((kind) => `${fault}/${kind}: still ${JSON.stringify(states[idOf(kind)])}, expected ${expectedProblem(fault, kind) ? 'error' : 'ready'}`);
  return { states, unsettled, atError };
}

/**
 * Counts the page's fetches whose answer has not begun (no headers yet): installed before the app
 * loads, read by `untilAnswersBegan`.
 */
export const TRACK_FETCHES = (): void => {
  const original = globalThis.fetch.bind(globalThis);
  const tracked = { waiting: 0 };
  (globalThis as unknown as { __faultFetches: typeof tracked }).__faultFetches = tracked;
  globalThis.fetch = (...args: Parameters<typeof fetch>) => {
    tracked.waiting++;
    const answer = original(...args);
    void answer.then(
      () => tracked.waiting--,
      () => tracked.waiting--,
    );
    return answer;
  };
};

/**
 * Waits until every fetch the page has made has its answer's headers (TRACK_FETCHES): before the
 * fake clock jumps past the requester's deadline, so that a body that stalls is seen as a stall and
 * not as a server that never answered, however slowly the machine lets the headers through.
 */
export async function untilAnswersBegan(page: Page, maxLooks = 2_000): Promise<void> {
  for (let look = 0; look < maxLooks; look++) {
    if ((await page.evaluate(() => (globalThis as any).__faultFetches?.waiting ?? 0)) === 0) return;
    await frames(page, 1);
  }
  throw new Error(`the page still waits for the headers of ${await page.evaluate(() => (globalThis as any).__faultFetches?.waiting)} answers after ${maxLooks} frames`);
}

/** Waits for `count` animation frames of the page (its clock running). */
export const frames = nextFrames;

/** Each layer's problem against the matrix's expectation. */
export function problemMismatches(states: States, fault: Fault): string[] {
  return layersOf(fault).flatMap((kind) => {
    const expected = expectedProblem(fault, kind);
    const actual = states[idOf(kind)]?.problem;
    return expected && JSON.stringify(actual) !== JSON.stringify(expected) ? [`${fault}/${kind}: problem ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`] : [];
  });
}

interface AlertSeen {
  title: string;
  lines: string[];
  button: string;
}

/** What the fold under the alerts offers: its « N autres services » and the overall retry (none for one service). */
interface FoldSeen {
  toggle?: string;
  retryAll: string;
}

/** Alerts a desktop shows before folding the others (SHOWN_ALERTS.wide of the alerts element). */
const SHOWN_ON_DESKTOP = 2;

/**
 * The alerts as expected on a desktop: the failing layers grouped by the host of their service, the
 * basemap first, each line the layers' names then their cause; with two services or more, one
 * « Tout réessayer » under them, and past two the others folded into « N autres services »
 * (`open`: the fold opened, every alert shown).
 */
function expectedAlerts(fault: Fault, hostOf: (kind: Kind) => string, lang: 'fr' | 'en', open = false): { alerts: AlertSeen[]; fold?: FoldSeen } {
  const failing = layersOf(fault).filter((kind) => expectedProblem(fault, kind));
  const byHost = new Map<string, Kind[]>();
  for (const kind of failing) {
    const host = hostOf(kind);
    byHost.set(host, [...(byHost.get(host) ?? []), kind]);
  }
  const fr = lang === 'fr';
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  const several = byHost.size > 1;
  const alerts = [...byHost].map(([host, kinds]) => {
    const cause = (kind: Kind) => expectedText(expectedProblem(fault, kind)!, lang);
    if (kinds.length === 1) {
      const kind = kinds[0]!;
      const title =
        kind === 'basemap'
          ? fr ? `Fond de carte « ${TITLES.basemap} » indisponible sur ${host}` : `Basemap “${TITLES.basemap}” unavailable on ${host}`
          : fr ? `Couche « ${TITLES[kind]} » indisponible sur ${host}` : `Layer “${TITLES[kind]}” unavailable on ${host}`;
      return { title, lines: [cause(kind)], button: fr ? 'Réessayer' : 'Retry' };
    }
    const lines = new Map<string, string[]>();
    for (const kind of kinds) {
      const name = kind === 'basemap' ? (fr ? `fond « ${TITLES.basemap} »` : `basemap “${TITLES.basemap}”`) : TITLES[kind];
      lines.set(cause(kind), [...(lines.get(cause(kind)) ?? []), name]);
    }
    return {
      title: fr ? `${kinds.length} couches indisponibles sur ${host}` : `${kinds.length} layers unavailable on ${host}`,
      lines: [...lines].map(([text, names]) => `${list.format(names)}${fr ? ' : ' : ': '}${text}`),
      // One service alone: its button reloads everything.
      button: several ? (fr ? 'Réessayer' : 'Retry') : fr ? 'Tout réessayer' : 'Retry all',
    };
  });
  if (!several) return { alerts };
  const others = alerts.length - SHOWN_ON_DESKTOP;
  const toggle = others === 1 ? (fr ? '1 autre service indisponible' : '1 other service unavailable') : fr ? `${others} autres services indisponibles` : `${others} other services unavailable`;
  return {
    alerts: open ? alerts : alerts.slice(0, SHOWN_ON_DESKTOP),
    fold: { ...(others > 0 ? { toggle } : {}), retryAll: fr ? 'Tout réessayer' : 'Retry all' },
  };
}

/** The map's alerts and their fold as shown, read in one go (they change as layers load again). */
function alertsSeen(page: Page): Promise<{ alerts: AlertSeen[]; fold?: FoldSeen }> {
  return page.evaluate(() => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const found = root.querySelector('cartable-service-alerts');
      if (found) return found;
      for (const element of root.querySelectorAll('*')) {
        const inner = element.shadowRoot && find(element.shadowRoot);
        if (inner) return inner;
      }
      return null;
    };
    const words = (element: Element | null | undefined): string => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const shadow = find(document)?.shadowRoot;
    const alerts = [...(shadow?.querySelectorAll('section.alert') ?? [])].map((section) => {
      const items = [...section.querySelectorAll('.lines li')];
      return {
        title: words(section.querySelector('.title')),
        lines: items.length ? items.map(words) : [words(section.querySelector('.lines'))],
        button: words(section.querySelector('button.retry')),
      };
    });
    const more = shadow?.querySelector('.more');
    if (!more) return { alerts };
    const toggle = more.querySelector('button.toggle');
    return { alerts, fold: { ...(toggle ? { toggle: words(toggle) } : {}), retryAll: words(more.querySelector('button.retry-all')) } };
  });
}

/** The words shown for each failing layer: its row in the layer list, the basemap chooser, the map's alerts. */
export async function messageMismatches(page: Page, fault: Fault, hostOf: (kind: Kind) => string, lang: 'fr' | 'en' = 'fr'): Promise<string[]> {
  const problems: string[] = [];
  for (const kind of layersOf(fault)) {
    const expected = expectedProblem(fault, kind);
    if (!expected) continue;
    const text = expectedText(expected, lang);
    const where = kind === 'basemap' ? page.locator('cartable-basemaps p.error') : page.locator(`li.layer[data-layer="${idOf(kind)}"] .error > span`);
    const shown = (await where.count()) ? (await where.first().textContent())?.replace(/\s+/g, ' ').trim() : undefined;
    if (!shown?.startsWith(`⚠ ${text}`)) problems.push(`${fault}/${kind}: ${kind === 'basemap' ? 'basemap chooser' : 'layer row'} says ${JSON.stringify(shown)}, expected « ⚠ ${text} »`);
  }
  const compare = async (open: boolean): Promise<void> => {
    const expected = expectedAlerts(fault, hostOf, lang, open);
    const seen = await alertsSeen(page);
    if (JSON.stringify(seen) !== JSON.stringify(expected)) problems.push(`${fault}: the map's alerts${open ? ' (fold open)' : ''} are\n    ${JSON.stringify(seen)}\n  expected\n    ${JSON.stringify(expected)}`);
  };
  await compare(false);
  // The folded alerts, opened then folded again (as the page is left for the next checks).
  const toggle = page.locator('cartable-service-alerts .more button.toggle');
  if (expectedAlerts(fault, hostOf, lang).fold?.toggle && (await toggle.count())) {
    await toggle.click();
    await compare(true);
    await toggle.click();
  }
  return problems;
}

/** Every text of the page, shadow roots included, and the labels a screen reader reads. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      const texts = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      while (texts.nextNode()) if (!texts.currentNode.parentElement?.closest('style, script')) out.push((texts.currentNode as Text).data);
      for (const element of root.querySelectorAll('*')) {
        for (const name of ['aria-label', 'title', 'alt', 'placeholder']) {
          const value = element.getAttribute(name);
          if (value) out.push(value);
        }
        if (element.shadowRoot) walk(element.shadowRoot);
      }
    };
    walk(document);
    return out.join('\n');
  });
}

export async function rawTextMismatches(page: Page, fault: Fault): Promise<string[]> {
  const text = await pageText(page);
  const raw = RAW_WORDS.exec(text);
  return raw ? [`${fault}: the page shows « ${raw[0]} »: …${text.slice(Math.max(0, raw.index - 80), raw.index + 80).replace(/\s+/g, ' ')}…`] : [];
}

/** Moves the view to `index`-th place around the centre (each time ground no load has covered), and lets a frame draw it. */
async function moveView(page: Page, index: number): Promise<void> {
  const angle = (index * 2 * Math.PI) / 5;
  const [x, y] = toWebMercator([CENTRE[0] + 2.5 * Math.cos(angle) * (1 + index / 4), CENTRE[1] + 1.5 * Math.sin(angle) * (1 + index / 4)]);
  await page.evaluate(({ x, y, zoom }) => {
    const map = (globalThis as any).__e2e.map();
    map.getView().setCenter([x, y]);
    map.getView().setZoom(zoom);
  }, { x, y, zoom: 7 + (index % 3) });
  await page.evaluate(() => new Promise<void>((resolve) => {
    const map = (globalThis as any).__e2e.map();
    map.once('postrender', () => resolve());
    map.render();
  }));
}

/**
 * The requests of each failing layer stay within the loading policy's budget while the view moves
 * (six places, then three more during which a layer that has given up asks nothing): at most BUDGET
 * for a layer of one load or one feature area at a time; for a tile layer, its first view's tiles
 * (asked for at once, before any failed) and then at most BUDGET. `advance`: fake time moved after each
 * move (for requests that are never answered). `atError`: each layer's count when it first failed.
 */
export async function budgetMismatches(
  page: Page,
  fault: Fault,
  options: { count: (kind: Kind) => number; atError: Map<Kind, number>; advance?: number; beforeAdvance?: () => Promise<void> },
): Promise<string[]> {
  const failing = layersOf(fault).filter((kind) => expectedProblem(fault, kind));
  const move = async (index: number): Promise<void> => {
    await moveView(page, index);
    if (options.advance) {
      await options.beforeAdvance?.();
      await page.clock.fastForward(options.advance);
    }
    await frames(page, 10);
  };
  for (let i = 1; i <= 6; i++) await move(i);
  const afterSix = new Map(failing.map((kind) => [kind, options.count(kind)]));
  for (let i = 7; i <= 9; i++) await move(i);
  return failing.flatMap((kind) => {
    const count = options.count(kind);
    const limit = TILE_KINDS.has(kind) ? (options.atError.get(kind) ?? 0) + BUDGET : BUDGET;
    const problems: string[] = [];
    if (count > limit) problems.push(`${fault}/${kind}: ${count} requests after 9 view changes, more than ${limit} (budget ${BUDGET}${TILE_KINDS.has(kind) ? ` after the ${options.atError.get(kind)} of its first view` : ''})`);
    if (count !== afterSix.get(kind)) problems.push(`${fault}/${kind}: still asking once failed (${afterSix.get(kind)} requests after 6 view changes, ${count} after 9)`);
    if (count === 0) problems.push(`${fault}/${kind}: never asked its server`);
    return problems;
  });
}

/**
 * Presses the alerts' « Réessayer » / « Tout réessayer » (`alerts`), or each layer's own in the list
 * and the basemap chooser (`rows`). Returns what kept a button from being pressed.
 */
export async function pressRetry(page: Page, fault: Fault, from: 'alerts' | 'rows'): Promise<string[]> {
  const problems: string[] = [];
  const press = async (button: Locator, what: string): Promise<void> => {
    try {
      await button.click({ timeout: 10_000 });
    } catch (error) {
      // An alert re-drawn again and again (its layers flickering between states) cannot be pressed.
      problems.push(`${fault}: could not press ${what}: ${String(error).split('\n')[0]}; alerts ${JSON.stringify(await alertsSeen(page))}, layers ${JSON.stringify(await layerStates(page))}`);
    }
  };
  if (from === 'alerts') {
    const seen = await alertsSeen(page);
    // Several services: their one « Tout réessayer »; one service: its alert's own button.
    if (seen.fold) await press(page.locator('cartable-service-alerts .more button.retry-all'), 'the alerts’ « Tout réessayer »');
    else if (seen.alerts.length) await press(page.locator('cartable-service-alerts section.alert button.retry').first(), 'the alert’s « Tout réessayer »');
    return problems;
  }
  for (const kind of layersOf(fault).filter((k) => expectedProblem(fault, k))) {
    const button = kind === 'basemap' ? page.locator('cartable-basemaps p.error button') : page.locator(`li.layer[data-layer="${idOf(kind)}"] .error button`);
    // A layer that never failed has no button: that cell is already reported.
    if (await button.count()) await press(button.first(), `the « Réessayer » of ${kind}`);
  }
  return problems;
}

/** After « Réessayer » with the servers back: every layer loads, and no alert is left. */
export async function recoveryMismatches(page: Page, fault: Fault): Promise<string[]> {
  const kinds = layersOf(fault);
  let states: States = {};
  for (let look = 0; look < 100; look++) {
    states = await layerStates(page);
    if (kinds.every((kind) => states[idOf(kind)]?.status === 'ready')) break;
    await frames(page, 6);
  }
  const problems = kinds
    .filter((kind) => states[idOf(kind)]?.status !== 'ready')
    .map((kind) => `${fault}/${kind}: after « Réessayer » with the server back, ${JSON.stringify(states[idOf(kind)])}`);
  const alerts = await page.locator('cartable-service-alerts section.alert, cartable-service-alerts .more').count();
  if (alerts) problems.push(`${fault}: ${alerts} alert(s) or their fold still shown once every layer is back`);
  return problems;
}
