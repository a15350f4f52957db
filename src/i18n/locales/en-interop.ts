/** English texts of adding layers from services, catalogue hand-off and live data (see en.ts). */

export const interop: Record<string, unknown> = {
};
