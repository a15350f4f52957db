/** English texts of « Une commune » (the report's commune picker and the header's entry; see en.ts). */
import { str } from '@lit/localize';

export const communes: Record<string, unknown> = {
  'report.commune.count': str`${0} municipality(ies) suggested`,
  'report.commune.help': 'Type at least 2 letters of the name, or the INSEE code (38052).',
  'report.commune.label': 'Name or INSEE code of the municipality',
  'report.commune.list': 'Suggested municipalities',
  'report.commune.loading': str`Loading the outline of ${0}…`,
  'report.commune.noAnswer': 'The municipality service does not answer. Try again in a moment.',
  'report.commune.none': str`No municipality matches « ${0} »`,
  'report.commune.notFound': str`The outline of ${0} is not in the municipality service.`,
  'report.commune.offline': 'Offline: the municipality service cannot be reached.',
  'report.commune.serviceError': 'The municipality service answered with an error. Try again in a moment.',
  'report.commune.unavailable': 'The municipality search could not be loaded. Reload the page to try again.',
  'report.mode.commune': 'A municipality',
};
