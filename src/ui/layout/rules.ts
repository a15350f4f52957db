/**
 * What is open on the screen, as a stack in opening order (the last one is on top), and the rules that
 * open, close and escape panels. Pure functions: each returns the next state and what changed.
 */
import { PANEL_NAMES, closesWithEscape, mayCoexist, type PanelName, type ScreenKind } from './panels.js';

export interface StackEntry {
  readonly panel: PanelName;
  /** A phone sheet put aside by another one: it comes back when that one closes. */
  readonly minimised: boolean;
}

export interface LayoutState {
  readonly screen: ScreenKind;
  /** Open and minimised panels, oldest first; the last shown one is the top (Esc closes it). */
  readonly stack: readonly StackEntry[];
}

export type PanelStatus = 'open' | 'minimised' | 'closed';

/**
 * Why a panel changed: the person asked (`asked`, `escape`), another panel took its region (`replaced`)
 * or its phone sheet (`covered`), the one over it closed (`uncovered`), or the screen changed size.
 */
export type ChangeCause = 'asked' | 'escape' | 'replaced' | 'covered' | 'uncovered' | 'screen';

export interface PanelChange {
  readonly panel: PanelName;
  readonly status: PanelStatus;
  readonly cause: ChangeCause;
}

export interface LayoutStep {
  readonly state: LayoutState;
  readonly changes: readonly PanelChange[];
}

export function emptyLayout(screen: ScreenKind): LayoutState {
  return { screen, stack: [] };
}

export function statusOf(state: LayoutState, panel: PanelName): PanelStatus {
  const entry = state.stack.find((e) => e.panel === panel);
  return entry ? (entry.minimised ? 'minimised' : 'open') : 'closed';
}

/** The panels on screen now (not minimised), oldest first. */
export function shownPanels(state: LayoutState): PanelName[] {
  return state.stack.filter((e) => !e.minimised).map((e) => e.panel);
}

/** Opens a panel on top (or brings it back on top): what may not stay beside it closes or is minimised. */
export function openPanel(state: LayoutState, panel: PanelName): LayoutStep {
  return step(state, place(state, panel), panel, 'asked');
}

/** Closes a panel; on a phone the sheet it covered comes back. */
export function closePanel(state: LayoutState, panel: PanelName, cause: ChangeCause = 'asked'): LayoutStep {
  if (statusOf(state, panel) === 'closed') return { state, changes: [] };
  return step(state, uncover({ ...state, stack: state.stack.filter((e) => e.panel !== panel) }), panel, cause);
}

export function togglePanel(state: LayoutState, panel: PanelName): LayoutStep {
  return statusOf(state, panel) === 'open' ? closePanel(state, panel) : openPanel(state, panel);
}

/** Esc: closes the top panel that Esc may close, and only that one. */
export function closeTop(state: LayoutState): LayoutStep & { readonly closed?: PanelName } {
  const top = [...state.stack].reverse().find((e) => !e.minimised && closesWithEscape(e.panel, state.screen));
  if (!top) return { state, changes: [] };
  return { ...closePanel(state, top.panel, 'escape'), closed: top.panel };
}

/** The screen changed kind: the panels are opened again in their order under the new rules. */
export function changeScreen(state: LayoutState, screen: ScreenKind): LayoutStep {
  if (state.screen === screen) return { state, changes: [] };
  let next = emptyLayout(screen);
  // Minimised sheets first, so that what the person saw last stays on top.
  const order = [...state.stack.filter((e) => e.minimised), ...state.stack.filter((e) => !e.minimised)];
  for (const entry of order) next = place(next, entry.panel);
  return step(state, next, undefined, 'screen');
}

/** `panel` on top, and the rest as the rules of this screen allow. */
function place(state: LayoutState, panel: PanelName): LayoutState {
  const stack: StackEntry[] = [];
  for (const entry of state.stack) {
    if (entry.panel === panel) continue;
    if (entry.minimised || mayCoexist(entry.panel, panel, state.screen)) stack.push(entry);
    else if (state.screen === 'phone') stack.push({ panel: entry.panel, minimised: true });
  }
  stack.push({ panel, minimised: false });
  return { ...state, stack };
}

/** On a phone with no sheet shown, the last minimised one comes back (on top). */
function uncover(state: LayoutState): LayoutState {
  if (state.stack.some((e) => !e.minimised)) return state;
  const last = state.stack.at(-1);
  if (!last) return state;
  return { ...state, stack: [...state.stack.slice(0, -1), { panel: last.panel, minimised: false }] };
}

/** The changes between two states: `asked` names the panel the person acted on. */
function step(previous: LayoutState, next: LayoutState, asked: PanelName | undefined, cause: ChangeCause): LayoutStep {
  const changes: PanelChange[] = [];
  for (const panel of PANEL_NAMES) {
    const before = statusOf(previous, panel);
    const after = statusOf(next, panel);
    if (before === after) continue;
    changes.push({ panel, status: after, cause: panel === asked || cause === 'screen' ? cause : consequence(after) });
  }
  return { state: next, changes };
}

function consequence(status: PanelStatus): ChangeCause {
  if (status === 'closed') return 'replaced';
  return status === 'minimised' ? 'covered' : 'uncovered';
}
