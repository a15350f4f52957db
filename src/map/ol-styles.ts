import { css } from 'lit';

/** The few OpenLayers rules the viewer needs (instead of ol.css), themed with --cartable-* tokens. */
export const olStyles = css`
  .ol-viewport,
  .ol-unselectable {
    user-select: none;
    -webkit-tap-highlight-color: transparent;
  }
  .ol-viewport canvas {
    all: unset;
  }
  .ol-viewport {
    touch-action: pan-x pan-y;
  }
  .ol-hidden {
    display: none;
  }
  .ol-control {
    position: absolute;
  }
  .ol-zoom {
    top: 0.75rem;
    right: 0.75rem;
    display: flex;
    flex-direction: column;
    gap: 1px;
    border-radius: var(--cartable-radius);
    box-shadow: var(--cartable-shadow-small);
    overflow: hidden;
  }
  .ol-zoom button {
    width: 2.5rem;
    height: 2.5rem;
    border: 0;
    margin: 0;
    background: var(--cartable-surface);
    color: var(--cartable-text);
    font-size: 1.35rem;
    line-height: 1;
    cursor: pointer;
  }
  .ol-zoom button:hover {
    background: var(--cartable-hover);
  }
  .ol-zoom button:focus-visible {
    outline: var(--cartable-focus-width) solid var(--cartable-focus);
    outline-offset: -3px;
  }
  .ol-scale-line {
    position: absolute;
    left: 0.6rem;
    bottom: 2.1rem;
    padding: 2px 4px;
    border-radius: 4px;
    background: color-mix(in srgb, var(--cartable-surface) 85%, transparent);
  }
  .ol-scale-line-inner {
    border: 2px solid var(--cartable-text);
    border-top: 0;
    color: var(--cartable-text);
    font-size: 11px;
    text-align: center;
    will-change: contents, width;
    transition: all 0.25s;
  }
`;
