/** Files above this are refused: the studio holds them in memory and the site ships them whole. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
