import { css, html, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import type { LayerProblem } from '../state/store.js';
import { describeLayerProblem } from './layer-problem.js';

/** A layer that failed, with the title a person reads. */
export interface FailedLayer {
  readonly id: string;
  readonly title: string;
  readonly problem: LayerProblem;
}

/** One cause in words and the layers it struck, in the order they were given. */
export interface ProblemLine {
  readonly cause: string;
  readonly layers: readonly FailedLayer[];
}

/** Failures as one line per cause: layers whose problems read the same share a line. */
export function problemLines(failed: readonly FailedLayer[]): ProblemLine[] {
  const lines = new Map<string, FailedLayer[]>();
  for (const layer of failed) {
    const cause = describeLayerProblem(layer.problem);
    lines.set(cause, [...(lines.get(cause) ?? []), layer]);
  }
  return [...lines].map(([cause, layers]) => ({ cause, layers }));
}

/** Layer titles as a sentence's list (« A, B et C », "A, B and C"). */
export function titleList(titles: readonly string[], language: string): string {
  return new Intl.ListFormat(language === 'en' ? 'en' : 'fr', { type: 'conjunction' }).format(titles);
}

/** The lines as a list: « Service injoignable — A, B et C » (a dash: causes may hold a colon). */
export function problemList(lines: readonly ProblemLine[], language: string): TemplateResult {
  return html`<ul class="problem-lines" role="list">
    ${lines.map((line) => {
      const names = titleList(line.layers.map((l) => l.title), language);
      return html`<li>${msg(str`${line.cause} — ${names}`, { id: 'problems.line' })}</li>`;
    })}
  </ul>`;
}

export const problemListStyles = css`
  .problem-lines {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .problem-lines li + li {
    margin-top: 0.25rem;
  }
`;
