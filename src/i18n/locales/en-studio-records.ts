/** English texts of the studio's records part (see en-studio.ts). */
export const studioRecords: Record<string, unknown> = {};
