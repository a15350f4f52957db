/**
 * A copy of the site people sign in to, with real components on 127.0.0.1 (see test/e2e/access.test.ts):
 * the site built with a site configuration naming an OpenID Connect provider (oidc-provider: a public
 * client with PKCE) and a restricted output, served by nginx with its Content-Security-Policy; the
 * restricted output served as docs/deploy.md says — nginx running the shipped recipe in front of
 * `cartable token-checker`. Signed in, a public map with a fuller restricted copy (plugin/restricted.ts)
 * loads that copy. Plus the test user's sign-in on the provider's pages.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AllowedOrigin, SiteConfig } from '../../../src/context/types.js';
import { validateSiteConfig } from '../../../src/context/validate-site.js';
import { startOidcProvider, type TestOidcProvider } from '../../support/oidc-provider.js';
import { serveRestrictedWithNginx, startTokenCheckerCommand, type RestrictedNginx } from '../../support/restricted-nginx.js';
import { freePort } from '../../support/nginx.js';
import { REPO, startSuite, type Fixture, type Suite } from './harness.js';
import { buildSiteCopy } from './geosites.js';

export const CLIENT_ID = 'cartable-test';
/** The test user: login « alice », in the group « geologues ». */
export const USERS = {
  alice: { name: 'Alice Martin', email: 'alice@example.org', groups: ['geologues'] },
} as const;
/** Chromium logs each 401 and 403 answer of the restricted server: tests cause them on purpose. */
export const REFUSALS = [/status of 40[13] \(/];

/** The oidc-provider development pages import a web font: answered empty (no request leaves the machine). */
export const fontsFixture: Fixture = {
  name: 'provider pages web font',
  match: (url) => url.hostname === 'fonts.googleapis.com',
  respond: (route) => route.fulfill({ status: 200, headers: { 'content-type': 'text/css' }, body: '' }),
};

export interface SignedInSite {
  readonly suite: Suite;
  readonly site: SiteConfig;
  /** The public output (its restricted output beside it, `${dist}-restricted`). */
  readonly dist: string;
  readonly provider: TestOidcProvider;
  /** The restricted server (a test may stop it and start another with filesOptions). */
  files: RestrictedNginx;
  readonly filesOptions: Parameters<typeof serveRestrictedWithNginx>[0];
  /** Stops everything started (the restricted server as `files` holds it then). */
  close(): Promise<void>;
}

/**
 * Builds and serves the signed-in copy in `temp`: its Géosites data `geosites` (buildSiteCopy's), more
 * allowed origins (e.g. a host that embeds the site), and the restricted folder served made by
 * `prepareRestricted` from the build's restricted output (by default, that output as it is).
 */
export async function startSignedInSite(options: {
  temp: string;
  geosites?: string;
  allowedOrigins?: AllowedOrigin[];
  prepareRestricted?: (buildOutput: string, folder: string, restrictedUrl: string) => void;
}): Promise<SignedInSite> {
  const { temp } = options;
  const [oidcPort, filesPort, checkerPort] = [await freePort(), await freePort(), await freePort()];
  const issuer = `http://127.0.0.1:${oidcPort}`;
  const filesOrigin = `http://127.0.0.1:${filesPort}`;
  const restrictedUrl = `${filesOrigin}/restricted/`;

  const base = JSON.parse(readFileSync(join(REPO, 'site.config.json'), 'utf8'));
  const config = {
    ...base,
    $schema: undefined,
    signIn: { issuer, clientId: CLIENT_ID, scopes: ['openid', 'profile', 'email', 'groups', 'maps:read'] },
    restricted: { url: restrictedUrl },
    allowedOrigins: [...base.allowedOrigins, { origin: filesOrigin, use: ['credentials'] }, ...(options.allowedOrigins ?? [])],
  };
  const validated = validateSiteConfig(JSON.parse(JSON.stringify(config)));
  assert.ok(validated.ok, `test site configuration: ${JSON.stringify(!validated.ok && validated.problems)}`);
  const site = validated.value;
  const configFile = join(temp, 'site.json');
  writeFileSync(configFile, JSON.stringify(config));
  const dist = join(temp, 'dist');
  await buildSiteCopy(configFile, dist, 'error', options.geosites);
  const served = join(temp, 'restricted');
  const prepare =
    options.prepareRestricted ??
    ((output: string, folder: string) => {
      mkdirSync(folder, { recursive: true });
      if (existsSync(output)) cpSync(output, folder, { recursive: true });
    });
  prepare(`${dist}-restricted`, served, restrictedUrl);

  const suite = await startSuite({ site, dist });
  const started: Array<{ close(): Promise<void> }> = [suite];
  try {
    const provider = await startOidcProvider({ port: oidcPort, clientId: CLIENT_ID, siteRoot: suite.url(''), resource: restrictedUrl, users: USERS });
    started.push(provider);
    const checker = await startTokenCheckerCommand([
      '--access', join(served, 'access.json'), '--base-path', '/restricted/', '--issuer', issuer, '--jwks-uri', provider.jwksUri,
      '--audience', restrictedUrl, '--listen', `127.0.0.1:${checkerPort}`,
    ]);
    started.push(checker);
    // The recipe answers CORS for the site's origin (baseUrl): here, the test's nginx.
    const filesOptions = { site: { ...site, baseUrl: suite.url('') }, folder: served, checker: `http://127.0.0.1:${checkerPort}/check` };
    const signed: SignedInSite = {
      suite, site, dist, provider, filesOptions,
      files: await serveRestrictedWithNginx(filesOptions),
      async close() {
        await signed.files.close();
        for (const one of started) await one.close();
      },
    };
    return signed;
  } catch (error) {
    for (const one of started) await one.close().catch(() => undefined);
    throw error;
  }
}

/** On the provider's pages: the development login (any password) and the consent. */
export async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('mot-de-passe');
  await page.locator('button[type="submit"]').click();
  await page.locator('button[autofocus]').click(); // Consent: « Continue ».
}

/**
 * From the catalog: « Se connecter », the provider's pages (unless the provider remembers the person:
 * then straight back), back to the catalog signed in as Alice Martin.
 */
export async function signInFromCatalog(page: Page): Promise<void> {
  await page.locator('cartable-sign-in button', { hasText: 'Se connecter' }).click();
  const signedIn = page.locator('cartable-sign-in', { hasText: USERS.alice.name });
  await signedIn.or(page.locator('input[name="login"]')).waitFor();
  if (!(await signedIn.isVisible())) await signInAtProvider(page, 'alice');
  await signedIn.waitFor();
}
