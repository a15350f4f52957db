/** English texts of the studio's settings part (see en-studio.ts). */
export const studioSettings: Record<string, unknown> = {};
