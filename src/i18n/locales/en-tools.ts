/** English texts of measuring, coordinates, locating and printing (see en.ts). */

export const tools: Record<string, unknown> = {
};
