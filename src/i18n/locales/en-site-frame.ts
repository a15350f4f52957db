/** English texts of the site's header and footer (see en.ts). */
export const siteFrame: Record<string, string> = {
  'footer.accessibility.non': 'Accessibility: not compliant',
  'footer.accessibility.partielle': 'Accessibility: partially compliant',
  'footer.accessibility.totale': 'Accessibility: fully compliant',
  'footer.personalData': 'Personal data',
  'footer.stateSites': 'State websites',
};
