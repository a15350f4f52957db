/** English texts of the « what is here? » report (see en.ts). */

export const report: Record<string, unknown> = {
};
