/** English texts of the studio's save part (see en-studio.ts). */
export const studioSave: Record<string, unknown> = {};
