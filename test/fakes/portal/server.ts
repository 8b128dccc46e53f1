// A loopback stand-in of the portal's statistics feed (CONTRACT.md section 5) with scripted faults.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface PortalRequest {
  readonly path: string;
  readonly year: number;
  readonly month: number;
  readonly page: number;
  readonly pageSize: number;
  readonly authorization: string | undefined;
  /** 1-based count of requests for this year, month and page so far (this one included). */
  readonly attempt: number;
}

/** What the server does instead of answering normally. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | { readonly kind: 'reset' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'malformed' }
  /** A well-formed body of our choosing (wrong totalPages, a page number that repeats, no items...). */
  | { readonly kind: 'body'; readonly body: unknown };

export interface FakePortalOptions {
  /** Items of a month, in page order; each is sent as is. */
  readonly items: (year: number, month: number) => readonly Record<string, unknown>[];
  readonly fault?: (request: PortalRequest) => Fault | undefined;
  /** Path served; anything else is 404 (and still recorded in `requests`). */
  readonly path?: string;
  /** Page size the server uses whatever the client asks (portals cap it). */
  readonly serverPageSize?: number;
  /** Answers normal pages after this delay, so overlapping requests can be counted. */
  readonly delayMs?: number;
}

export interface FakePortal {
  readonly url: string;
  readonly requests: PortalRequest[];
  /** Most requests being answered at the same moment. */
  readonly maxInFlight: () => number;
  close(): Promise<void>;
}

export async function startFakePortal(options: FakePortalOptions): Promise<FakePortal> {
  const requests: PortalRequest[] = [];
  const attempts = new Map<string, number>();
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let maxInFlight = 0;
  const path = options.path ?? '/statistics/dossiers';
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const year = Number(url.searchParams.get('year'));
    const month = Number(url.searchParams.get('month'));
    const page = Number(url.searchParams.get('page'));
    const pageSize = Number(url.searchParams.get('pageSize'));
    const key = `${year}-${month}-${page}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const request: PortalRequest = {
      path: url.pathname,
      year,
      month,
      page,
      pageSize,
      authorization: req.headers.authorization,
      attempt,
    };
    requests.push(request);
    if (url.pathname !== path) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"not found"}');
      return;
    }
    const fault = options.fault?.(request);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'hang') return; // never answers; the client's time-out must fire
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['Retry-After'] = fault.retryAfter;
      res.writeHead(fault.status, headers).end(fault.body ?? `{"error":"HTTP ${fault.status}"}`);
      return;
    }
    if (fault?.kind === 'malformed') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"page":1,"items":[{"agencyCode":');
      return;
    }
    if (fault?.kind === 'body') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(fault.body));
      return;
    }
    const size = options.serverPageSize ?? (pageSize > 0 ? pageSize : 500);
    const all = options.items(year, month);
    const totalPages = Math.ceil(all.length / size);
    const items = all.slice((page - 1) * size, page * size);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(JSON.stringify({ page, pageSize: size, totalPages, items }));
    }, options.delayMs ?? 0);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Items of the default profile for a few agencies and procedures, with figures derived from the month. */
export function dossierItems(
  agencies: readonly string[],
  procedures: readonly string[],
): (year: number, month: number) => Record<string, unknown>[] {
  return (year, month) =>
    agencies.flatMap((agencyCode, a) =>
      procedures.map((procedureCode, p) => ({
        agencyCode,
        procedureCode,
        year,
        month,
        resolvedCount: 10 * (a + 1) + month + p,
        resolvedOnlineCount: a + p + (month % 3),
      })),
    );
}
