import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { element } from '../../ui/define.js';
import { base } from '../../ui/theme.js';
import type { SiteConfig } from '../../context/types.js';
import type { Requester } from '../../net/requester.js';
import { textFor } from '../../i18n/text.js';
import { applyEdit } from '../model/store.js';
import { getAt, pointerOf, type JsonObject, type JsonPath, type JsonValue } from '../model/json.js';
import type { StudioEdit } from '../model/edits.js';
import { emitStudio } from '../events.js';
import { studioForm } from '../shell/studio-styles.js';
import { StudioEditor } from '../shell/studio-editor.js';
import { problemsAt } from '../shell/field-problems.js';
import { isGroup, moveDown, moveIntoGroup, moveOutOfGroup, moveTo, moveUp, samePath, takenIds, treeRows, uniqueId, type TreeRow } from './tree.js';
import { nodeFields } from './node-fields.js';
import { layersStyles } from './layers-styles.js';
import './cartable-studio-add-layer.js';

/** A row's path as an attribute ("layers/1/layers/0"), and back. */
const pathKey = (path: JsonPath): string => path.join('/');
const pathFrom = (key: string): JsonPath => key.split('/').map((step) => (/^\d+$/.test(step) ? Number(step) : step));
const DRAG_TYPE = 'application/x-cartable-layer';

type Drop = 'before' | 'after' | 'inside';

/**
 * @summary Studio « Couches »: the layer tree (select, reorder by drag and drop or keyboard, group,
 * rename, hide, opacity, scales, remove) and the add panel. Sends every change up as an edit.
 */
@localized()
@element('cartable-studio-layers')
export class CartableStudioLayers extends StudioEditor {
  static override styles = [base, studioForm, layersStyles];

  @property({ attribute: false }) site?: SiteConfig;
  @property({ attribute: false }) requester?: Requester;
  @property() root = new URL('./', location.href).href;

  /** The node whose fields show (a group too: groups are not sent to the style and records editors). */
  @state() private selected?: JsonPath;
  @state() private announcement = '';
  @state() private removed?: { node: JsonValue; list: JsonPath; index: number; title: string };
  @state() private adding = false;
  @state() private dropHint?: { key: string; where: Drop };
  /**
   * The row to focus once the tree shows a change (keyboard reordering keeps the focus on the layer):
   * the document it was asked on, so the focus waits for the studio to send the new one down.
   */
  #focusAfter?: { path: JsonPath; asked: JsonObject };
  /** A removal moves the focus to its « Annuler la suppression » (its row and buttons are gone). */
  #focusRestore = false;

  get #document(): JsonObject {
    return this.state?.document ?? { layers: [] };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('layerPath') && this.layerPath && !(this.selected && isGroup(getAt(this.#document, this.selected)))) this.selected = this.layerPath;
    if (this.selected && !getAt(this.#document, this.selected)) this.selected = this.layerPath;
  }

  protected override updated(): void {
    const restore = this.#focusRestore ? this.renderRoot.querySelector<HTMLElement>('.removed button') : null;
    if (restore) {
      this.#focusRestore = false;
      restore.focus();
    }
    if (!this.#focusAfter || this.#focusAfter.asked === this.#document) return;
    const button = this.renderRoot.querySelector<HTMLElement>(`[data-path="${pathKey(this.#focusAfter.path)}"] > .item .name`);
    this.#focusAfter = undefined;
    button?.focus();
  }

  #title(node: JsonValue | undefined): string {
    const title = (node as JsonObject | undefined)?.title;
    return textFor(title as never, this.language) || String((node as JsonObject | undefined)?.id ?? '');
  }

  #emit(edit: StudioEdit, label: string, merge?: string): void {
    emitStudio(this, 'cartable-studio-edit', { edit, options: { label, merge } });
  }

  /** Selects a node; `document` is the one it is in (after a move, before the studio sends it down). */
  #select(path: JsonPath, document = this.#document): void {
    this.selected = path;
    if (!isGroup(getAt(document, path))) emitStudio(this, 'cartable-studio-select-layer', { path });
  }

  /** Applies a move, keeps the moved node selected, and says where it went. */
  #move(move: ReturnType<typeof moveTo>, path: JsonPath, focus: boolean): void {
    if (!move) {
      this.announcement = msg('Déplacement impossible ici.', { id: 'studio.layers.move.none' });
      return;
    }
    const asked = this.#document;
    const title = this.#title(getAt(asked, path));
    const after = applyEdit({ document: this.#document, files: new Map() }, move.edit).document;
    this.#emit(move.edit, msg(str`déplacer « ${title} »`, { id: 'studio.layers.move.undo' }));
    const wasSelected = samePath(this.selected, path);
    if (wasSelected || focus) this.#select(move.landed, after);
    if (focus) this.#focusAfter = { path: move.landed, asked };
    const list = getAt(after, move.landed.slice(0, -1)) as JsonValue[];
    const position = (move.landed.at(-1) as number) + 1;
    const group = move.landed.length > 2 ? this.#title(getAt(after, move.landed.slice(0, -2))) : '';
    this.announcement = group
      ? msg(str`« ${title} » : position ${position} sur ${list.length} dans le groupe « ${group} ».`, { id: 'studio.layers.moved.group' })
      : msg(str`« ${title} » : position ${position} sur ${list.length}.`, { id: 'studio.layers.moved' });
  }

  #onRowKey(event: KeyboardEvent, row: TreeRow): void {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    this.#move(event.key === 'ArrowUp' ? moveUp(row.path) : moveDown(this.#document, row.path), row.path, true);
  }

  #newGroup(): void {
    const id = uniqueId(msg('groupe', { id: 'studio.layers.group.id' }), takenIds(this.#document));
    const value = { type: 'group', id, title: { fr: 'Nouveau groupe', en: 'New group' }, layers: [] };
    this.#focusAfter = { path: ['layers', 0], asked: this.#document };
    this.#emit({ type: 'insert', path: ['layers'], index: 0, value }, msg('nouveau groupe', { id: 'studio.layers.group.undo' }));
    this.selected = ['layers', 0];
    this.announcement = msg('Groupe créé en tête de liste.', { id: 'studio.layers.group.created' });
  }

  #remove(path: JsonPath): void {
    const node = getAt(this.#document, path);
    if (node === undefined) return;
    const title = this.#title(node);
    this.#emit({ type: 'set', path, value: undefined }, msg(str`supprimer « ${title} »`, { id: 'studio.layers.remove.undo' }));
    this.removed = { node, list: path.slice(0, -1), index: path.at(-1) as number, title };
    this.selected = undefined;
    this.#focusRestore = true;
  }

  #restore(): void {
    const removed = this.removed;
    if (!removed) return;
    this.#focusAfter = { path: [...removed.list, removed.index], asked: this.#document };
    this.#emit({ type: 'insert', path: removed.list, index: removed.index, value: removed.node }, msg(str`rétablir « ${removed.title} »`, { id: 'studio.layers.restore.undo' }));
    this.removed = undefined;
    this.#select([...removed.list, removed.index], applyEdit({ document: this.#document, files: new Map() }, { type: 'insert', path: removed.list, index: removed.index, value: removed.node }).document);
  }

  // Drag and drop: the dragged row's path travels in the DataTransfer; the drop place follows the pointer.
  #dropPlace(event: DragEvent, row: TreeRow): Drop {
    const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
    const at = (event.clientY - box.top) / Math.max(box.height, 1);
    if (row.group && at > 0.25 && at < 0.75) return 'inside';
    return at < 0.5 ? 'before' : 'after';
  }

  #onDragStart(event: DragEvent, row: TreeRow): void {
    event.dataTransfer?.setData(DRAG_TYPE, pathKey(row.path));
    event.dataTransfer?.setData('text/plain', this.#title(row.node));
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
  }

  #onDragOver(event: DragEvent, row: TreeRow): void {
    if (!event.dataTransfer?.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    this.dropHint = { key: pathKey(row.path), where: this.#dropPlace(event, row) };
  }

  #onDrop(event: DragEvent, row: TreeRow): void {
    const key = event.dataTransfer?.getData(DRAG_TYPE);
    this.dropHint = undefined;
    if (!key) return;
    event.preventDefault();
    const from = pathFrom(key);
    const where = this.#dropPlace(event, row);
    const move = where === 'inside' ? moveIntoGroup(this.#document, from, row.path) : moveTo(from, row.list, row.index + (where === 'after' ? 1 : 0));
    this.#move(move, from, false);
  }

  #row(row: TreeRow): TemplateResult {
    const key = pathKey(row.path);
    const selected = samePath(row.path, this.selected);
    const problems = problemsAt(this.state?.problems ?? [], pointerOf(row.path), this.language, true).length;
    const hint = this.dropHint?.key === key ? this.dropHint.where : undefined;
    const kind = row.group ? msg('Groupe', { id: 'studio.layers.kind.group' }) : String(row.node.type ?? '');
    const children = row.group ? treeRows(this.#document, [...row.path, 'layers'], row.depth + 1).filter((child) => child.depth === row.depth + 1) : [];
    return html`<li data-path=${key}>
      <div
        class="item ${selected ? 'selected' : ''} ${hint ? `drop-${hint}` : ''}"
        draggable="true"
        @dragstart=${(e: DragEvent) => this.#onDragStart(e, row)}
        @dragover=${(e: DragEvent) => this.#onDragOver(e, row)}
        @dragleave=${() => (this.dropHint = undefined)}
        @drop=${(e: DragEvent) => this.#onDrop(e, row)}
        @dragend=${() => (this.dropHint = undefined)}
      >
        <span class="grip" aria-hidden="true">⠿</span>
        <button type="button" class="name" aria-current=${selected ? 'true' : 'false'} aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown" @click=${() => this.#select(row.path)} @keydown=${(e: KeyboardEvent) => this.#onRowKey(e, row)}>
          <span class="title">${this.#title(row.node)}</span>
          <span class="kind">${kind}${row.node.visible === false ? html` · ${msg('masquée', { id: 'studio.layers.hidden' })}` : nothing}</span>
        </button>
        ${problems ? html`<span class="count">${msg(str`${problems} problème(s)`, { id: 'studio.layers.problems' })}</span>` : nothing}
      </div>
      ${row.group ? html`<ul role="group" aria-label=${this.#title(row.node)}>${children.map((child) => this.#row(child))}</ul>` : nothing}
    </li>`;
  }

  #actions(path: JsonPath): TemplateResult {
    const groups = treeRows(this.#document).filter((row) => row.group && !samePath(row.path, path) && !samePath([...row.path, 'layers'], path.slice(0, -1)) && !pathKey(row.path).startsWith(`${pathKey(path)}/`));
    const inGroup = path.length > 2;
    const into = (): void => {
      const select = this.renderRoot.querySelector<HTMLSelectElement>('#into');
      const group = groups[Number(select?.value)];
      if (group) this.#move(moveIntoGroup(this.#document, path, group.path), path, false);
    };
    return html`<div class="actions">
      <button type="button" @click=${() => this.#move(moveUp(path), path, false)}>${msg('Monter', { id: 'studio.layers.up' })}</button>
      <button type="button" @click=${() => this.#move(moveDown(this.#document, path), path, false)}>${msg('Descendre', { id: 'studio.layers.down' })}</button>
      ${inGroup ? html`<button type="button" @click=${() => this.#move(moveOutOfGroup(path), path, false)}>${msg('Sortir du groupe', { id: 'studio.layers.out' })}</button>` : nothing}
      <button type="button" class="danger" @click=${() => this.#remove(path)}>${msg('Supprimer', { id: 'studio.layers.remove' })}</button>
    </div>
    ${groups.length
      ? html`<div class="row into">
          <div>
            <label for="into">${msg('Groupe de destination', { id: 'studio.layers.into' })}</label>
            <select id="into">
              ${groups.map((group, i) => html`<option value=${i}>${this.#title(group.node)}</option>`)}
            </select>
          </div>
          <button type="button" @click=${into}>${msg('Mettre dans le groupe', { id: 'studio.layers.into.go' })}</button>
        </div>`
      : nothing}`;
  }

  #details(): TemplateResult | typeof nothing {
    const path = this.selected;
    const node = path ? getAt(this.#document, path) : undefined;
    if (!path || !node || typeof node !== 'object' || Array.isArray(node)) return nothing;
    const group = isGroup(node);
    const host = {
      problems: this.state?.problems ?? [],
      language: this.language,
      set: (at: JsonPath, value: JsonValue | undefined, label: string, merge?: string) => this.#emit({ type: 'set', path: at, value }, label, merge),
    };
    return html`<section class="details" aria-labelledby="details-title">
      <h3 id="details-title">${group ? msg(str`Groupe « ${this.#title(node)} »`, { id: 'studio.layers.details.group' }) : msg(str`Couche « ${this.#title(node)} »`, { id: 'studio.layers.details.layer' })}</h3>
      ${this.#actions(path)} ${nodeFields(node, path, host, group)}
    </section>`;
  }

  override render(): TemplateResult {
    const top = treeRows(this.#document).filter((row) => row.depth === 0);
    return html`<h2>${msg('Couches', { id: 'studio.layers.heading' })}</h2>
      <div class="toolbar">
        <button type="button" aria-expanded=${this.adding ? 'true' : 'false'} aria-controls="add" @click=${() => (this.adding = !this.adding)}>
          ${msg('Ajouter une couche', { id: 'studio.layers.add' })}
        </button>
        <button type="button" @click=${() => this.#newGroup()}>${msg('Nouveau groupe', { id: 'studio.layers.group.new' })}</button>
      </div>
      <div id="add" ?hidden=${!this.adding}>
        ${this.adding
          ? html`<cartable-studio-add-layer .state=${this.state} .language=${this.language} .site=${this.site} .requester=${this.requester} .root=${this.root}></cartable-studio-add-layer>`
          : nothing}
      </div>
      <p class="hint" id="tree-hint">${msg('Glissez une couche pour la déplacer, ou Alt+↑ / Alt+↓ sur son nom. La première est dessinée au-dessus.', { id: 'studio.layers.tree.hint' })}</p>
      ${top.length
        ? html`<ul class="tree" aria-label=${msg('Arbre des couches', { id: 'studio.layers.tree' })} aria-describedby="tree-hint">
            ${top.map((row) => this.#row(row))}
          </ul>`
        : html`<p class="empty">${msg('Aucune couche : ajoutez-en une.', { id: 'studio.layers.empty' })}</p>`}
      ${this.removed
        ? html`<p class="removed">
            ${msg(str`« ${this.removed.title} » supprimée.`, { id: 'studio.layers.removed' })}
            <button type="button" @click=${() => this.#restore()}>${msg('Annuler la suppression', { id: 'studio.layers.restore' })}</button>
          </p>`
        : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.#details()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cartable-studio-layers': CartableStudioLayers;
  }
}
