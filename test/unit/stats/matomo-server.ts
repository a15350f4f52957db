/** A local stand-in for Matomo's Reporting API: answers from test/fixtures/stats/matomo/ (no network). */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/stats');
export const TOKEN = 'secret-token-0123456789abcdef';

export interface MatomoStub {
  readonly url: string;
  readonly requests: URLSearchParams[];
  close(): Promise<void>;
}

/** `answer` overrides the recorded answers (an error, a status). */
export async function startMatomo(answer?: (params: URLSearchParams) => { status: number; body: string } | undefined): Promise<MatomoStub> {
  const requests: URLSearchParams[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const params = new URL(request.url ?? '/', 'http://localhost').searchParams;
      for (const [key, value] of new URLSearchParams(body)) params.set(key, value);
      requests.push(params);
      const send = (status: number, text: string): void => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(text);
      };
      const special = answer?.(params);
      if (special) return send(special.status, special.body);
      if (params.get('token_auth') !== TOKEN) return send(200, JSON.stringify({ result: 'error', message: "You can't access this resource as it requires 'view' access." }));
      const date = params.get('date') ?? '';
      const file = join(FIXTURES, 'matomo', `${params.get('method')}.${date.replace(',', '_')}.json`);
      if (existsSync(file)) return send(200, readFileSync(file, 'utf8'));
      // No visit recorded: Matomo answers an empty list for each month (or for the range).
      if (params.get('period') !== 'month') return send(200, '[]');
      const [from, to] = date.split(',') as [string, string];
      const months: Record<string, never[]> = {};
      for (let m = new Date(`${from.slice(0, 7)}-01T00:00:00Z`); m.toISOString().slice(0, 7) <= to.slice(0, 7); m.setUTCMonth(m.getUTCMonth() + 1)) months[m.toISOString().slice(0, 7)] = [];
      return send(200, JSON.stringify(months));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/index.php`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
