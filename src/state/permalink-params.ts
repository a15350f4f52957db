/** The URL parameters of a permalink (see permalink-read.ts); the others of the URL are kept as they are. */
export const PERMALINK_PARAMS = ['c', 'z', 'r', 'l', 'bm', 'panel', 'add', 'lc'] as const;

/** True when a URL holds any permalink parameter (so the permalink code is worth loading). */
export const hasPermalink = (url: URL): boolean => PERMALINK_PARAMS.some((key) => url.searchParams.has(key));
