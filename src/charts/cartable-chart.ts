import { LitElement, html, nothing, svg, type PropertyValues, type SVGTemplateResult, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { styleProps } from '../ui/style-props.js';
import { localized, msg, str } from '@lit/localize';
import { textFor } from '../i18n/text.js';
import { element } from '../ui/define.js';
import { base } from '../ui/theme.js';
import { chartStyles } from './chart-styles.js';
import { shareOf } from './figures.js';
import { BAR_HEIGHT, LEGEND_ROW, ROW_HEIGHT, barLayout, pieLayout } from './layout.js';
import type { ChartBar, ChartFigures, ChartSelectDetail } from './types.js';

export const CHART_SELECT_EVENT = 'cartable-chart-select';

declare global {
  interface HTMLElementEventMap {
    'cartable-chart-select': CustomEvent<ChartSelectDetail>;
  }
}

/** A bar stands for a filter when it has a value or an interval; « Autres » does not. */
export const isSelectable = (bar: ChartBar): boolean => bar.value !== undefined || bar.range !== undefined;

/** Width drawn before the element knows its own (first frame, or no layout: print, tests). */
const DEFAULT_WIDTH = 320;

/**
 * @summary One chart of a layer's records, drawn from ChartFigures as hand-written SVG: horizontal
 * bars (labels above, counts at their end) or a pie with its legend. Each bar is a button in one tab
 * stop (arrows move, Enter or Space or a click selects it); a hidden table says the same figures to
 * screen readers.
 * @fires cartable-chart-select - detail: ChartSelectDetail (the bar to filter the table on)
 */
@localized()
@element('cartable-chart')
export class CartableChart extends LitElement {
  static override styles = [base, chartStyles];

  @property({ attribute: false }) figures?: ChartFigures;
  @property() language = 'fr';
  /** Records in the layer, when the rows charted are fewer (« 12 enregistrements sur 71 »). */
  @property({ type: Number }) of?: number;
  /** The bar the table is filtered on (pressed; the others dimmed), found by its value or interval. */
  @property({ attribute: false }) selected?: ChartBar;
  /** Figures to read only (a report): the bars are not buttons and filter nothing. */
  @property({ type: Boolean, attribute: 'read-only' }) readOnly = false;

  /** The bar that holds the tab stop. */
  @state() private active = 0;
  /** The bar focused from the keyboard, which draws the focus ring. */
  @state() private ringAt = -1;
  @state() private width = DEFAULT_WIDTH;

  @query('svg.chart') readonly chartSvg!: SVGSVGElement | null;

  #resize?: ResizeObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      // Next frame: a change now would resize the element again within this frame (a loop error).
      if (width > 0 && width !== this.width) requestAnimationFrame(() => (this.width = width));
    });
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('figures') || changed.has('selected')) {
      const bars = this.figures?.bars ?? [];
      const chosen = bars.findIndex((bar) => this.#isSelected(bar));
      // The tab stop goes to the chosen bar, or stays in range.
      if (chosen >= 0 && changed.has('selected')) this.active = chosen;
      else if (this.active >= bars.length) this.active = Math.max(0, bars.length - 1);
    }
  }

  #isSelected(bar: ChartBar): boolean {
    const selected = this.selected;
    if (!selected) return false;
    if (selected.value !== undefined) return bar.value === selected.value;
    return !!selected.range && bar.range?.min === selected.range.min && bar.range.max === selected.range.max;
  }

  /** Bars other than the chosen one fade when one is chosen. */
  #opacity(bar: ChartBar, base = 1): string {
    return String(this.selected && !this.#isSelected(bar) ? base * 0.35 : base);
  }

  /** The chart's title in the element's language. */
  get heading(): string {
    return this.figures ? textFor(this.figures.chart.title, this.language) : '';
  }

  #number(n: number): string {
    return n.toLocaleString(this.language === 'fr' ? 'fr-FR' : 'en-GB');
  }

  #share(bar: ChartBar): string {
    const share = shareOf(bar, this.figures!);
    return share.toLocaleString(this.language === 'fr' ? 'fr-FR' : 'en-GB', { style: 'percent', maximumFractionDigits: share < 0.1 && share > 0 ? 1 : 0 });
  }

  /** What the chart shows, in words: how many records, how many without a value, the largest bar. */
  summary(): string {
    const figures = this.figures;
    if (!figures) return '';
    const { total, missing } = figures;
    const parts = [
      this.of !== undefined && this.of !== total
        ? msg(str`${this.#number(total)} enregistrements sur ${this.#number(this.of)}`, { id: 'chart.records.of' })
        : msg(str`${this.#number(total)} enregistrements`, { id: 'chart.records' }),
    ];
    if (missing > 0) parts.push(msg(str`dont ${this.#number(missing)} sans valeur`, { id: 'chart.missing' }));
    const top = figures.bars.reduce<ChartBar | undefined>((best, bar) => (!best || bar.count > best.count ? bar : best), undefined);
    if (top && figures.chart.type !== 'histogram') {
      parts.push(msg(str`le plus fréquent : ${top.label} (${this.#number(top.count)}, ${this.#share(top)})`, { id: 'chart.top' }));
    }
    return `${parts.join(', ')}.`;
  }

  #barName(bar: ChartBar): string {
    return msg(str`${bar.label} : ${this.#number(bar.count)} (${this.#share(bar)})`, { id: 'chart.bar' });
  }

  #select(index: number): void {
    const bar = this.figures?.bars[index];
    if (!bar || !isSelectable(bar)) return;
    const detail: ChartSelectDetail = { chartId: this.figures!.chart.id, field: this.figures!.chart.field, bar };
    this.dispatchEvent(new CustomEvent(CHART_SELECT_EVENT, { detail, bubbles: true, composed: true }));
  }

  async #moveTo(index: number): Promise<void> {
    const count = this.figures?.bars.length ?? 0;
    if (count === 0) return;
    this.active = Math.min(count - 1, Math.max(0, index));
    await this.updateComplete;
    this.renderRoot.querySelector<SVGGElement>(`.item[data-index="${this.active}"]`)?.focus();
  }

  #onKey(event: KeyboardEvent): void {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
    if (event.key in moves) void this.#moveTo(this.active + moves[event.key]!);
    else if (event.key === 'Home') void this.#moveTo(0);
    else if (event.key === 'End') void this.#moveTo(Number.MAX_SAFE_INTEGER);
    else if (event.key === 'Enter' || event.key === ' ') this.#select(this.active);
    else return;
    event.preventDefault();
  }

  #onFocusIn(event: FocusEvent): void {
    const item = (event.target as Element).closest?.('.item');
    if (!item) return;
    this.active = Number(item.getAttribute('data-index'));
    this.ringAt = item.matches(':focus-visible') ? this.active : -1;
  }

  #onClick(index: number): void {
    this.active = index;
    this.#select(index);
  }

  /** The attributes every bar or slice shares: one tab stop, a name, the data index. */
  #item(bar: ChartBar, index: number, shapes: SVGTemplateResult): SVGTemplateResult {
    if (this.readOnly) return svg`<g class="item" data-index=${index}><title>${this.#barName(bar)}</title>${shapes}</g>`;
    const selectable = isSelectable(bar);
    const chosen = this.#isSelected(bar);
    return svg`<g class="item ${selectable ? 'selectable' : ''} ${chosen ? 'chosen' : ''}" role="button" data-index=${index}
      tabindex=${index === this.active ? 0 : -1} aria-label=${this.#barName(bar)} aria-disabled=${selectable ? 'false' : 'true'}
      aria-pressed=${selectable ? String(chosen) : nothing} @click=${() => this.#onClick(index)}><title>${this.#barName(bar)}</title>${shapes}</g>`;
  }

  #bars(figures: ChartFigures): SVGTemplateResult {
    const layout = barLayout(figures.bars, this.width);
    return svg`${figures.bars.map((bar, i) => {
      const place = layout.bars[i]!;
      return this.#item(
        bar,
        i,
        svg`<rect class="hit" x="0" y=${place.y} width=${layout.width} height=${ROW_HEIGHT - 2} rx="4"></rect>
          <text x="2" y=${place.labelY}>${place.label}</text>
          <rect class="bar" x="2" y=${place.barY} width=${place.width} height=${BAR_HEIGHT} rx="2" style=${styleProps({ fill: bar.color, 'fill-opacity': this.#opacity(bar) })}></rect>
          <text class="count" x=${place.countX + 2} y=${place.countY}>${this.#number(bar.count)}</text>
          ${i === this.ringAt ? svg`<rect class="focus-ring" x="-2" y=${place.y - 1} width=${layout.width + 4} height=${ROW_HEIGHT} rx="5"></rect>` : nothing}`,
      );
    })}`;
  }

  #pie(figures: ChartFigures): SVGTemplateResult {
    const layout = pieLayout(figures.bars, this.width);
    const seen = new Map<string, number>();
    // Slices of one colour (no colours declared) are told apart by their shade.
    const opacity = figures.bars.map((bar) => {
      const n = seen.get(bar.color) ?? 0;
      seen.set(bar.color, n + 1);
      return Math.max(0.3, 1 - n * 0.18);
    });
    return svg`${figures.bars.map((bar, i) => {
      const slice = layout.slices[i]!;
      const paint = styleProps({ fill: bar.color, 'fill-opacity': this.#opacity(bar, opacity[i]) });
      const shape = slice.path
        ? svg`<path class="slice" d=${slice.path} style=${paint}></path>`
        : bar.count > 0
          ? svg`<circle class="slice" cx=${layout.cx} cy=${layout.cy} r=${layout.r} style=${paint}></circle>`
          : nothing;
      const ring = i === this.ringAt;
      return this.#item(
        bar,
        i,
        svg`${shape}
          <rect class="hit" x=${layout.legendX} y=${slice.legendY} width=${layout.width - layout.legendX} height=${LEGEND_ROW - 2} rx="4"></rect>
          <rect x=${layout.legendX + 4} y=${slice.legendY + 6} width="14" height="14" rx="2" style=${paint}></rect>
          <text x=${layout.legendX + 24} y=${slice.legendY + 18}>${slice.label} <tspan class="count">${this.#number(bar.count)}</tspan></text>
          ${ring && slice.path ? svg`<path class="focus-ring" d=${slice.path}></path>` : nothing}
          ${ring ? svg`<rect class="focus-ring" x=${layout.legendX} y=${slice.legendY - 1} width=${layout.width - layout.legendX} height=${LEGEND_ROW} rx="5"></rect>` : nothing}`,
      );
    })}`;
  }

  #table(figures: ChartFigures): TemplateResult {
    // In a hidden box: a table is as wide as its content, whatever its own width says.
    return html`<div class="visually-hidden"><table>
      <caption>${this.heading}</caption>
      <thead>
        <tr>
          <th scope="col">${msg('Valeur', { id: 'chart.table.value' })}</th>
          <th scope="col">${msg('Nombre', { id: 'chart.table.count' })}</th>
          <th scope="col">${msg('Part', { id: 'chart.table.share' })}</th>
        </tr>
      </thead>
      <tbody>
        ${figures.bars.map((bar) => html`<tr><th scope="row">${bar.label}</th><td>${this.#number(bar.count)}</td><td>${this.#share(bar)}</td></tr>`)}
        ${figures.missing > 0
          ? html`<tr><th scope="row">${msg('Sans valeur', { id: 'chart.noValue' })}</th><td>${this.#number(figures.missing)}</td><td></td></tr>`
          : nothing}
      </tbody>
    </table></div>`;
  }

  protected override render(): TemplateResult | typeof nothing {
    const figures = this.figures;
    if (!figures) return nothing;
    const description = textFor(figures.chart.description, this.language);
    const empty = figures.bars.length === 0;
    const pie = figures.chart.type === 'pie';
    const layout = pie ? pieLayout(figures.bars, this.width) : barLayout(figures.bars, this.width);
    return html`<figure aria-labelledby="title" aria-describedby=${empty ? 'empty' : 'summary'}>
      <figcaption>
        <span class="title" id="title">${this.heading}</span>
        ${description ? html`<span class="description">${description}</span>` : nothing}
        ${empty ? nothing : html`<span class="summary" id="summary">${this.summary()}</span>`}
      </figcaption>
      ${empty
        ? html`<p class="empty" id="empty">${msg('Aucun enregistrement à représenter', { id: 'chart.empty' })}</p>`
        : html`<svg class="chart" role="group" tabindex="-1" aria-labelledby="title" aria-describedby=${this.readOnly ? 'summary' : 'hint'} width=${layout.width} height=${layout.height}
              viewBox="0 0 ${layout.width} ${layout.height}" @keydown=${this.#onKey} @focusin=${this.#onFocusIn} @focusout=${() => (this.ringAt = -1)}>
              ${pie ? this.#pie(figures) : this.#bars(figures)}
            </svg>
            ${this.readOnly
              ? nothing
              : html`<p id="hint" class="visually-hidden">
                  ${msg('Flèches : passer d’une barre à l’autre ; Entrée : filtrer le tableau sur cette barre.', { id: 'chart.hint' })}
                </p>`}
            ${this.#table(figures)}`}
    </figure>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-chart': CartableChart;
  }
}
