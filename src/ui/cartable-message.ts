import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { element } from './define.js';
import { localized, msg } from '@lit/localize';
import type { Problem } from '../context/problems.js';
import { loadChunk } from '../offline/load-chunk.js';
import { base, messagePage } from './theme.js';

type ProblemTexts = typeof import('../context/problem-text.js');

/**
 * @summary A page in place of a map that cannot be shown: not found, unavailable, or a document with
 * errors (each listed with its file, JSON path and what is wrong, in the page's language: those
 * texts load only when there are problems to list).
 */
@localized()
@element('cartable-message')
export class CartableMessage extends LitElement {
  static override styles = [
    base,
    messagePage,
    css`
      ul {
        padding-inline-start: 1.2rem;
      }
      code {
        font-family: var(--cartable-mono);
        font-size: 0.9em;
        overflow-wrap: anywhere;
      }
      li {
        margin: 0.35rem 0;
      }
    `,
  ];

  @property() heading = '';
  @property() text = '';
  /** File that the problems are in, as the author knows it (maps/foo.json). */
  @property() file = '';
  @property({ attribute: false }) problems: readonly Problem[] = [];
  /** The page's language: the problems are said in it. */
  @property() language = 'fr';
  /** Where "back to the catalog" leads. */
  @property() catalogHref = './';

  @state() private texts?: ProblemTexts;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('problems') && this.problems.length && !this.texts) {
      void loadChunk(import('../context/problem-text.js')).then((texts) => (this.texts = texts));
    }
  }

  override render(): TemplateResult {
    return html`<main>
      <h1>${this.heading}</h1>
      <p>${this.text}</p>
      ${this.problems.length && this.texts
        ? html`<ul>
            ${this.problems.map((p) => html`<li><code>${this.file}: ${p.path || '/'}</code> — ${this.texts!.sayProblem(p, this.language)}</li>`)}
          </ul>`
        : nothing}
      <p><a class="button" href=${this.catalogHref}>${msg('Retour au catalogue des cartes', { id: 'nav.backToCatalog' })}</a></p>
    </main>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-message': CartableMessage;
  }
}
