/** English texts of the studio's layers part (see en-studio.ts). */
export const studioLayers: Record<string, unknown> = {};
