/**
 * Which file of the restricted output a request asks for, from the URI nginx hands the token
 * checker (X-Original-URI: the request's `$uri`, which nginx has already decoded and normalised —
 * the very path of the file it serves). Anything that is not one plain, clean path is no file: a
 * query, an encoded or escaped character left, a backslash, an empty, `.` or `..` segment (`//`, a
 * trailing `/`). The checker refuses those rather than guess what the server will serve.
 */

/** The base path with one `/` at each end (`cartes-restreint` → `/cartes-restreint/`). */
export function normaliseBasePath(basePath: string): string {
  return `/${basePath.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
}

/** The file's path relative to the base path, or undefined when the URI is not one clean file path under it. */
export function requestedFile(originalUri: string, basePath: string): string | undefined {
  if (!originalUri.startsWith(basePath)) return undefined;
  const path = originalUri.slice(basePath.length);
  if (!path || /[?#%\\\u0000-\u001f\u007f\ufffd]/u.test(path)) return undefined;
  return path.split('/').some((segment) => segment === '' || segment === '.' || segment === '..') ? undefined : path;
}
