/**
 * WordPress embeds (wp-embed): a post that embeds a URL through oEmbed shows it in an
 * `<iframe sandbox="allow-scripts" data-secret="…">`, appends `#?secret=<secret>` to its URL, posts
 * `{ message: 'ready', secret }` to it, and resizes it when it posts back
 * `{ message: 'height', value: <px>, secret }` (WordPress keeps 200–1000 px). A map has no height of
 * its own: it answers with the height it is shown at, so WordPress keeps the size the embed code asked
 * for instead of shrinking it. Pure: no DOM.
 */

/** The secret WordPress put in the fragment (letters and digits only, as WordPress checks), or none. */
export function wordPressSecret(hash: string): string | undefined {
  const match = /[#&?]secret=([A-Za-z0-9]{1,32})(?:&|$)/.exec(hash);
  return match?.[1];
}

/** True for WordPress's "ready" message to this embed. */
export function isWordPressReady(data: unknown, secret: string | undefined): boolean {
  if (!secret || typeof data !== 'object' || data === null) return false;
  const { message, secret: theirs } = data as Record<string, unknown>;
  return message === 'ready' && theirs === secret;
}

/** The message that tells WordPress the embed's height (kept within WordPress's 200–1000 px). */
export function wordPressHeight(secret: string, height: number): { message: 'height'; value: number; secret: string } {
  const value = Math.min(1000, Math.max(200, Math.round(Number.isFinite(height) ? height : 450)));
  return { message: 'height', value, secret };
}
