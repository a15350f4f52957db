/**
 * The only sign-in code in the first page's bundle: whether this tab holds a session (then the
 * sign-in code loads at once, so restricted content can be asked for with the token).
 */
export type { AuthSession } from './session.js';

export function hasStoredSession(): boolean {
  try {
    return !!sessionStorage.getItem('cartable:auth');
  } catch {
    return false;
  }
}
