/**
 * `cartable token-checker`: starts the token checker that the restricted output's nginx recipe asks
 * before each answer (src/token-checker/, docs/deploy.md « Restricted maps »). Runs until stopped
 * (SIGTERM, SIGINT); access.json is read again whenever a deployment replaces it.
 */
import { parseArgs } from 'node:util';
import { AccessFile } from '../token-checker/access-manifest.js';
import { normaliseBasePath } from '../token-checker/request-path.js';
import { createTokenChecker } from '../token-checker/server.js';
import { createTokenVerifier, DEFAULT_ALGORITHMS, remoteKeys } from '../token-checker/verify-token.js';
import { CliError } from './files.js';

export const TOKEN_CHECKER_USAGE = `Usage: cartable token-checker --access <dist-restricted>/access.json --base-path /cartes-restreint/
         --issuer <url> --audience <aud> [options]

Answers nginx's auth_request (deploy/nginx-restricted.conf): 204 when the bearer token is valid and
its groups may read the file, 401 (invalid or no token), 403 (not allowed, or a file access.json
does not list).

Options:
  --access <file>          The restricted output's access.json (read again when it changes)
  --base-path <path>       Where the restricted output is served (the path of "restricted.url")
  --issuer <url>           The tokens' issuer (site.config.json signIn.issuer)
  --audience <aud>         The audience the tokens must name (repeat, or separate with commas)
  --jwks-uri <url>         The issuer's keys (default: from <issuer>/.well-known/openid-configuration)
  --listen <host:port>     Where to listen (default 127.0.0.1:4180, where the recipe's proxy_pass points)
  --groups-claim <name>    The claim listing the person's groups (default groups; a.b reaches into objects)
  --algorithms <list>      Allowed signature algorithms (default ${DEFAULT_ALGORITHMS.join(',')}; never none or HS*)
  --clock-tolerance <s>    Seconds of clock difference forgiven on expiry (default 30)
`;

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** host:port, [v6]:port or a port alone (on 127.0.0.1). */
function listenAddress(value: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d+)$/.exec(value) ?? /^()()(\d+)$/.exec(value);
  const port = Number(match?.[3]);
  if (!match || !Number.isInteger(port) || port < 1 || port > 65535) throw new CliError(`--listen ${value}: expected host:port`, 2);
  return { host: match[1] || match[2] || '127.0.0.1', port };
}

function required(value: string | undefined, name: string): string {
  if (!value) throw new CliError(`token-checker needs --${name} (see cartable token-checker --help)`, 2);
  return value;
}

/** Starts the checker; resolves with the exit code once it has been stopped. */
export async function runTokenChecker(argv: readonly string[], io: Io): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        access: { type: 'string' },
        'base-path': { type: 'string' },
        issuer: { type: 'string' },
        audience: { type: 'string', multiple: true },
        'jwks-uri': { type: 'string' },
        listen: { type: 'string', default: '127.0.0.1:4180' },
        'groups-claim': { type: 'string', default: 'groups' },
        algorithms: { type: 'string', default: DEFAULT_ALGORITHMS.join(',') },
        'clock-tolerance': { type: 'string', default: '30' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new CliError(`${(error as Error).message} (see cartable token-checker --help)`, 2);
  }
  if (values.help) {
    io.out(TOKEN_CHECKER_USAGE);
    return 0;
  }
  const issuer = required(values.issuer, 'issuer');
  const audience = (values.audience ?? []).flatMap((a) => a.split(',')).map((a) => a.trim()).filter(Boolean);
  if (!audience.length) required(undefined, 'audience');
  const clockToleranceSeconds = Number(values['clock-tolerance']);
  if (!Number.isFinite(clockToleranceSeconds) || clockToleranceSeconds < 0 || clockToleranceSeconds > 300) {
    throw new CliError(`--clock-tolerance ${values['clock-tolerance']}: expected 0 to 300 seconds`, 2);
  }
  const { host, port } = listenAddress(values.listen);
  const basePath = normaliseBasePath(required(values['base-path'], 'base-path'));
  const accessPath = required(values.access, 'access');
  const rules = { issuer, audience, algorithms: values.algorithms.split(',').map((a) => a.trim()), clockToleranceSeconds, groupsClaim: values['groups-claim'] };
  let verify;
  try {
    verify = createTokenVerifier(rules, remoteKeys({ issuer, jwksUri: values['jwks-uri'] }));
  } catch (error) {
    throw new CliError(`--${(error as Error).message}`, 2);
  }
  let access: AccessFile;
  try {
    access = new AccessFile(accessPath);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const server = createTokenChecker({ access, basePath, verify, log: (line) => io.err(`${line}\n`) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new CliError(`cannot listen on ${values.listen}: ${error.message}`)));
    server.listen(port, host, resolve);
  });
  io.out(`token-checker: listening on http://${host.includes(':') ? `[${host}]` : host}:${port}/ for ${basePath} (access: ${access.path})\n`);
  return new Promise<number>((resolve) => {
    const stop = (): void => {
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
      server.close(() => resolve(0));
      server.closeAllConnections();
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
