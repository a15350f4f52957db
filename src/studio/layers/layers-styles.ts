import { css } from 'lit';

/** The layer tree's and add panel's look (tokens only). */
export const layersStyles = css`
  .toolbar,
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cartable-space-2);
    margin: 0 0 var(--cartable-space-3);
  }
  .tree,
  .tree ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .tree ul {
    margin-left: var(--cartable-space-4);
    border-left: 2px solid var(--cartable-border);
    padding-left: var(--cartable-space-2);
  }
  .item {
    display: flex;
    align-items: center;
    gap: var(--cartable-space-2);
    border: 1px solid transparent;
    border-radius: var(--cartable-radius);
    padding: 2px var(--cartable-space-1);
  }
  .item.selected {
    background: var(--cartable-hover);
    border-color: var(--cartable-accent);
  }
  .item.drop-before {
    box-shadow: inset 0 3px 0 var(--cartable-accent);
  }
  .item.drop-after {
    box-shadow: inset 0 -3px 0 var(--cartable-accent);
  }
  .item.drop-inside {
    outline: 2px dashed var(--cartable-accent);
  }
  .grip {
    cursor: grab;
    color: var(--cartable-muted);
  }
  .item .name {
    flex: 1;
    min-width: 0;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    text-align: left;
    border: 0;
    background: none;
    padding: var(--cartable-space-1);
  }
  .name .title {
    max-width: 100%;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .name .kind,
  .count {
    font-size: var(--cartable-font-size-small);
    color: var(--cartable-muted);
  }
  .count {
    color: var(--cartable-danger);
    white-space: nowrap;
  }
  .details {
    margin-top: var(--cartable-space-4);
    border-top: 1px solid var(--cartable-border);
    padding-top: var(--cartable-space-3);
  }
  .into {
    margin-bottom: var(--cartable-space-3);
  }
  label.check {
    display: flex;
    align-items: center;
    gap: var(--cartable-space-2);
  }
  button.danger {
    color: var(--cartable-danger);
  }
  .removed {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--cartable-space-2);
  }
  .drop {
    border: 2px dashed var(--cartable-border-strong);
    border-radius: var(--cartable-radius);
    padding: var(--cartable-space-4);
    text-align: center;
  }
  .drop.over {
    border-color: var(--cartable-accent);
    background: var(--cartable-hover);
  }
  .message {
    margin: var(--cartable-space-2) 0;
  }
  .message.error {
    color: var(--cartable-danger);
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: var(--cartable-space-1);
    margin-bottom: var(--cartable-space-3);
  }
  .choices [aria-pressed='true'] {
    border-color: var(--cartable-accent);
    font-weight: 600;
  }
  .maps,
  .maps ul {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .maps li {
    margin: var(--cartable-space-1) 0;
  }
  .maps ul {
    margin-left: var(--cartable-space-4);
  }
  .maps ul li {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: var(--cartable-space-2);
  }
`;
