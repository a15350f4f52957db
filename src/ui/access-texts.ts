import { msg, str } from '@lit/localize';
import type { AuthUser } from '../auth/storage.js';

/** "Connecté(e) en tant que …": the name, and the e-mail address when there is one (plain text). */
export function describeUser(user: AuthUser): string {
  const who = user.name && user.email ? `${user.name} (${user.email})` : (user.name ?? user.email ?? user.sub);
  return msg(str`Connecté(e) en tant que ${who}`, { id: 'access.signedInAs' });
}

/** The same page out of embed mode (a top-level tab can sign in by leaving for the provider). */
export function fullMapHref(href: string): string {
  const url = new URL(href);
  for (const name of [...url.searchParams.keys()]) if (name === 'embed' || name.startsWith('ctl.')) url.searchParams.delete(name);
  return url.href;
}
