import { str } from '@lit/localize';

/** English texts of signing in and restricted maps (see en.ts). */

export const access: Record<string, unknown> = {
  // Sign-in and restricted maps in the viewer (helper B).
  'access.catalog.badge': 'Restricted access',
  'access.catalog.failed': 'The restricted maps could not be loaded.',
  'access.catalog.fullCopy': 'Full version, restricted access',
  'access.catalog.none': 'No restricted map is open to you.',
  'access.catalog.title': 'Restricted maps',
  'access.expired': 'Your session has expired: sign in again.',
  'access.expired.title': 'Your session has expired',
  'access.failed': str`Signing in failed: ${0}`,
  'access.forbidden.text':
    'This account is not in the groups allowed to open this map. Ask its publisher for access, or sign in with another account.',
  'access.forbidden.title': 'You do not have access to this map',
  'access.network.text': str`The server of restricted maps did not answer (${0}). Check your connection and try again.`,
  'access.network.title': 'Map unavailable for now',
  'access.newTab': 'Open in a new tab to sign in',
  'access.popupBlocked': 'Your browser blocked the sign-in window.',
  'access.retry': 'Try again',
  'access.signIn': 'Sign in',
  'access.signIn.text': 'This map is for authorised people only. Sign in to open it.',
  'access.signIn.title': 'Sign-in required',
  'access.signOut': 'Sign out',
  'access.signedInAs': str`Signed in as ${0}`,
  'access.switch': 'Switch account',
};
