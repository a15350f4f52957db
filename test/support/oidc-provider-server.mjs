/**
 * The test OpenID Connect provider's process (see oidc-provider.ts, which starts it). Plain Node:
 * oidc-provider's dependencies (koa → is-generator-function) do not load under the tsx loader the
 * tests run with. Reads its settings as JSON from argv[2]; prints "ready" once listening and one
 * JSON line per token granted ({"grant": "<grant_type>"}).
 */
import { createServer } from 'node:http';
import Provider, { errors } from 'oidc-provider';

const options = JSON.parse(process.argv[2]);
const siteOrigin = new URL(options.siteRoot).origin;
const user = (id) => options.users[id];

const provider = new Provider(options.issuer, {
  clients: [
    {
      client_id: options.clientId,
      token_endpoint_auth_method: 'none',
      application_type: 'web',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [options.siteRoot],
      post_logout_redirect_uris: [options.siteRoot],
    },
  ],
  jwks: { keys: [options.jwk] },
  cookies: { keys: ['cartable-test-cookie-key'] },
  claims: { openid: ['sub'], profile: ['name'], email: ['email'], groups: ['groups'] },
  // The ID token carries the profile claims (the site shows who is signed in from it).
  conformIdTokenClaims: false,
  pkce: { required: () => true },
  // The site's pages call the token endpoint from the browser.
  clientBasedCORS: (_ctx, origin) => origin === siteOrigin,
  issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  findAccount: async (_ctx, id) => {
    const found = user(id);
    if (!found) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: found.name, email: found.email, groups: [...found.groups] }) };
  },
  // JWT access tokens carry the user's groups: the protected server decides 403 from them.
  extraTokenClaims: async (_ctx, token) =>
    token.kind === 'AccessToken' && token.accountId ? { groups: [...(user(token.accountId)?.groups ?? [])] } : undefined,
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => options.resource,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, indicator) => {
        if (indicator !== options.resource) throw new errors.InvalidTarget();
        return {
          scope: 'maps:read',
          audience: options.resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: options.accessTokenTtl,
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
});
provider.on('grant.success', (ctx) => {
  process.stdout.write(`${JSON.stringify({ grant: ctx.oidc?.params?.grant_type ?? '?' })}\n`);
});
provider.on('server_error', (_ctx, error) => process.stderr.write(`${error.stack}\n`));

createServer(provider.callback()).listen(options.port, '127.0.0.1', () => process.stdout.write('ready\n'));
