/**
 * A server that fails on demand and counts what it is asked (test/support/wtr-data.mjs routes
 * /__data__/failing/… here), for tests that bound the requests of a failing layer. Routes:
 *   failing/<id>/mode/<mode>   sets how <id> answers (204): a status ("500", "404"), "ok" (the route
 *                              after <id>, answered by the other /__data__/ routes), "cut-<n>" (a
 *                              shared/<path> route read as shared-cut/<n>/<path>: a truncated file)
 *   failing/<id>/count         {"count": n}: the requests <id> has answered so far
 *   failing/<id>/<route>       one request, answered as the mode says (default "500")
 */
const servers = new Map();

/** Answers a failing/ route; `serve(route)` answers any other /__data__/ route. */
export async function failingRoute(ctx, route, serve) {
  await answer(ctx, route, serve);
  // The test runner marks answers to paths with an extension as cacheable for a year (its
  // cacheMiddleware looks at the path afterwards): this server must be asked every time.
  ctx.path = '/__data__/failing';
  ctx.set('Cache-Control', 'no-store');
}

async function answer(ctx, route, serve) {
  const match = /^failing\/([\w-]+)\/(.+)$/.exec(route);
  if (!match) {
    ctx.status = 404;
    return;
  }
  const [, id, rest] = match;
  const server = servers.get(id) ?? { mode: '500', count: 0 };
  servers.set(id, server);
  const mode = /^mode\/([\w-]+)$/.exec(rest);
  if (mode) {
    server.mode = mode[1];
    ctx.status = 204;
    return;
  }
  if (rest === 'count') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ count: server.count });
    return;
  }
  server.count += 1;
  const cut = /^cut-(\d+)$/.exec(server.mode);
  if (server.mode === 'ok') return serve(rest);
  if (cut && rest.startsWith('shared/')) return serve(`shared-cut/${cut[1]}/${rest.slice('shared/'.length)}`);
  ctx.status = Number(server.mode) || 500;
  ctx.type = 'text/plain';
  ctx.body = 'down';
}
