import { svg, type SVGTemplateResult } from 'lit';

/** A tidy thumbnail for maps without one: a soft colour from the id and a stylised map. */
export function placeholderThumbnail(id: string): SVGTemplateResult {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  const hue = hash % 360;
  return svg`<svg viewBox="0 0 160 90" preserveAspectRatio="xMidYMid slice" aria-hidden="true">
    <rect width="160" height="90" fill="hsl(${hue} 45% 88%)"></rect>
    <path d="M0 62 C30 48 48 70 80 54 S130 40 160 50 V90 H0Z" fill="hsl(${hue} 40% 76%)"></path>
    <path d="M0 30 C40 20 60 40 100 26 S140 18 160 24" fill="none" stroke="hsl(${hue} 35% 60%)" stroke-width="2" stroke-dasharray="4 4"></path>
    <circle cx="104" cy="44" r="7" fill="hsl(${hue} 55% 42%)"></circle>
    <circle cx="104" cy="44" r="2.5" fill="#fff"></circle>
  </svg>`;
}
