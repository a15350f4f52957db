/** English texts of the map header's phone row and menu (see en.ts). */
export const header: Record<string, string> = {
  'header.menu': 'More actions',
  'header.menu.label': 'Map actions',
  'header.search.close': 'Close the search',
};
