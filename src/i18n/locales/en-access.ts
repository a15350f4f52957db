/** English texts of signing in and restricted maps (see en.ts). */

export const access: Record<string, unknown> = {
};
