import { html, nothing, type TemplateResult } from 'lit';
import { problemText } from '../../context/problem-text.js';
import type { Problem } from '../../context/problems.js';

/** The problems at a JSON pointer (`deep`: and under it), in `language`. */
export function problemsAt(problems: readonly Problem[], pointer: string, language: string, deep = false): string[] {
  return problems
    .filter((p) => p.path === pointer || (deep && p.path.startsWith(`${pointer}/`)))
    .map((p) => (p.detail ? problemText(p.detail, language) : p.message));
}

/**
 * The problems of one field, said next to it: give the field `aria-describedby=${id}` and
 * `aria-invalid` when there are any. Nothing when the field is fine.
 */
export function fieldProblems(problems: readonly Problem[], pointer: string, id: string, language: string, deep = false): TemplateResult | typeof nothing {
  const texts = problemsAt(problems, pointer, language, deep);
  if (!texts.length) return nothing;
  return html`<ul class="field-problems" id=${id}>
    ${texts.map((text) => html`<li>${text}</li>`)}
  </ul>`;
}
