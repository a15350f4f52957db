/**
 * The token checker: a small HTTP service that nginx asks before serving any file of the restricted
 * output (`auth_request`, plugin/restricted-deploy.ts). It answers 204 when the bearer token is valid
 * and its groups may read the file (access.json), 401 when the token is missing or invalid, 403
 * when the person may not read the file — or when the file is not one access.json lists, whatever
 * it is — and 503 when it cannot decide (keys or access.json unreadable), which nginx turns into a
 * 500. Node only: the viewer never imports it.
 */
import { createServer, type Server } from 'node:http';
import { mayRead, type AccessRules } from './access-manifest.js';
import { requestedFile } from './request-path.js';
import { InvalidTokenError, KeysUnavailableError, type TokenVerifier } from './verify-token.js';

export interface TokenCheckerOptions {
  /** The access rules, read when asked (AccessFile reads access.json again when it changes). */
  readonly access: { rules(): AccessRules };
  /** Where the restricted output is served (`/cartes-restreint/`: one `/` at each end). */
  readonly basePath: string;
  readonly verify: TokenVerifier;
  /** Where problems are told (the checker answers 503 meanwhile). */
  readonly log: (line: string) => void;
}

export interface CheckedRequest {
  readonly authorization?: string;
  /** The URI nginx sends in X-Original-URI, as its bytes read in UTF-8. */
  readonly originalUri?: string;
}

export type Decision = { readonly status: 204 | 401 | 403 | 503; readonly why: string };

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*)$/i;

/** The answer to one request: who asks (the token), then what (the file). */
export async function decide(request: CheckedRequest, options: TokenCheckerOptions): Promise<Decision> {
  const token = BEARER.exec(request.authorization ?? '')?.[1];
  if (!token) return { status: 401, why: 'no bearer token' };
  let groups: readonly string[];
  try {
    ({ groups } = await options.verify(token));
  } catch (error) {
    if (error instanceof InvalidTokenError) return { status: 401, why: `invalid token: ${error.message}` };
    if (error instanceof KeysUnavailableError) return { status: 503, why: error.message };
    throw error;
  }
  let rules: AccessRules;
  try {
    rules = options.access.rules();
  } catch (error) {
    return { status: 503, why: `access rules unreadable: ${(error as Error).message}` };
  }
  const file = requestedFile(request.originalUri ?? '', options.basePath);
  const needed = file === undefined ? undefined : rules.get(file);
  if (needed === undefined) return { status: 403, why: `not a listed file: ${request.originalUri ?? '(no X-Original-URI)'}` };
  return mayRead(needed, groups) ? { status: 204, why: file! } : { status: 403, why: `not in the groups of ${file}` };
}

/** Header values arrive as Latin-1 characters, one per byte: nginx sends the path's UTF-8 bytes. */
const utf8 = (value: string | undefined): string | undefined => (value === undefined ? undefined : Buffer.from(value, 'latin1').toString('utf8'));

/** The checker's HTTP server (not listening yet): every path and method is a question. */
export function createTokenChecker(options: TokenCheckerOptions): Server {
  return createServer((req, res) => {
    const originalUri = utf8([req.headers['x-original-uri']].flat()[0]);
    decide({ authorization: req.headers.authorization, originalUri }, options).then(
      (decision) => {
        if (decision.status === 503) options.log(`token-checker: cannot decide: ${decision.why}`);
        res.writeHead(decision.status, decision.status === 401 ? { 'WWW-Authenticate': 'Bearer error="invalid_token"' } : {});
        res.end();
      },
      (error: unknown) => {
        options.log(`token-checker: internal error: ${(error as Error).message}`);
        res.writeHead(500);
        res.end();
      },
    );
  });
}
