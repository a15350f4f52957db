/** English texts of the studio's style part (see en-studio.ts). */
export const studioStyle: Record<string, unknown> = {};
