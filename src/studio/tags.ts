/** Every tag name the studio defines (src/ui/define.ts lists the viewer's). */
export const STUDIO_TAGS = [
  'cartable-studio',
  'cartable-studio-add-layer',
  'cartable-studio-catalogue',
  'cartable-studio-layers',
  'cartable-studio-other-maps',
  'cartable-studio-preview',
  'cartable-studio-records',
  'cartable-studio-save',
  'cartable-studio-service',
  'cartable-studio-settings',
  'cartable-studio-start',
  'cartable-studio-style',
] as const;
