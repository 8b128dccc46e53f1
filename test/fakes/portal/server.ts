// Loopback stand-ins of the portals (CONTRACT.md §5 default feed, §8.2 mot-cua and dvcqg) with scripted faults.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface PortalRequest {
  readonly method: string;
  readonly path: string;
  /** The query string as sent, without '?'. */
  readonly query: string;
  readonly contentType: string | undefined;
  /** The request body as sent (POST), else ''. */
  readonly body: string;
  readonly year: number;
  readonly month: number;
  readonly page: number;
  readonly pageSize: number;
  /** dvcqg: p_huyen_id and p_tinh_id of the request. */
  readonly unit?: string;
  readonly province?: string;
  readonly authorization: string | undefined;
  /** 1-based count of requests for this year, month, page and unit so far (this one included). */
  readonly attempt: number;
}

/** What the server does instead of answering normally. */
export type Fault =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | { readonly kind: 'reset' }
  | { readonly kind: 'hang' }
  | { readonly kind: 'malformed' }
  /** A well-formed body of our choosing (wrong totalPages, a page number that repeats, no items...). */
  | { readonly kind: 'body'; readonly body: unknown }
  /** `bytes` of spaces sent gzip-compressed (Content-Encoding: gzip): a small answer that inflates. */
  | { readonly kind: 'gzip'; readonly bytes: number }
  /** A 200 whose body never ends: chunks every few milliseconds until the client goes away. */
  | { readonly kind: 'endless' };

/** Which portal the stand-in plays: its path, request shape and answer shape. */
export type PortalShape =
  | { readonly kind: 'dossiers' }
  /** POST /quyetdinhs/chitieudvctructuyen, JSON {tuNgay, denNgay} of one whole month → {"data": rows}. */
  | { readonly kind: 'mot-cua'; readonly rows: (year: number, month: number) => readonly unknown[] }
  /** POST /jsp/rest.jsp, form params={…p_nam, p_thang, p_tinh_id, p_huyen_id…} → rows (a bare array). */
  | {
      readonly kind: 'dvcqg';
      readonly rows: (year: number, month: number, unit: string, province: string) => readonly unknown[];
    };

export interface FakePortalOptions {
  /** Default feed: items of a month, in page order; each is sent as is. */
  readonly items?: (year: number, month: number) => readonly Record<string, unknown>[];
  /** Defaults to the default feed (dossiers). */
  readonly shape?: PortalShape;
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
  const shape: PortalShape = options.shape ?? { kind: 'dossiers' };
  /** Gzip answers by inflated size, compressed once. */
  const bombs = new Map<number, Buffer>();
  const defaultPath =
    shape.kind === 'mot-cua'
      ? '/quyetdinhs/chitieudvctructuyen'
      : shape.kind === 'dvcqg'
        ? '/jsp/rest.jsp'
        : '/statistics/dossiers';
  const path = options.path ?? defaultPath;
  const json = (res: ServerResponse, status: number, body: string) =>
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(body);

  /** What the request asks, in the shape's own words; null when it is malformed (answered 400). */
  const parse = (
    url: URL,
    body: string,
  ): {
    year: number;
    month: number;
    page: number;
    pageSize: number;
    unit?: string;
    province?: string;
  } | null => {
    if (shape.kind === 'dossiers') {
      return {
        year: Number(url.searchParams.get('year')),
        month: Number(url.searchParams.get('month')),
        page: Number(url.searchParams.get('page')),
        pageSize: Number(url.searchParams.get('pageSize')),
      };
    }
    try {
      if (shape.kind === 'mot-cua') {
        const { tuNgay, denNgay } = JSON.parse(body) as { tuNgay?: string; denNgay?: string };
        const from = /^(\d{4})-(\d{2})-01$/.exec(tuNgay ?? '');
        if (!from) return null;
        const [year, month] = [Number(from[1]), Number(from[2])];
        const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
        if (denNgay !== `${from[1]}-${from[2]}-${String(last).padStart(2, '0')}`) return null;
        return { year, month, page: 1, pageSize: 0 };
      }
      const params = JSON.parse(new URLSearchParams(body).get('params') ?? '') as Record<string, unknown>;
      if (params.service !== 'report_by_month_sum_service' || params.type !== 'ref') return null;
      return {
        year: Number(params.p_nam),
        month: Number(params.p_thang),
        page: 1,
        pageSize: 0,
        unit: String(params.p_huyen_id),
        province: String(params.p_tinh_id),
      };
    } catch {
      return null;
    }
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  const answer = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const asked = parse(url, body) ?? { year: 0, month: 0, page: 0, pageSize: 0 };
    const key = `${asked.year}-${asked.month}-${asked.page}-${asked.unit ?? ''}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const request: PortalRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.search.replace(/^\?/, ''),
      contentType: req.headers['content-type'],
      body,
      ...asked,
      authorization: req.headers.authorization,
      attempt,
    };
    requests.push(request);
    if (url.pathname !== path) {
      json(res, 404, '{"error":"not found"}');
      return;
    }
    if (shape.kind !== 'dossiers' && req.method !== 'POST') {
      json(res, 405, '{"error":"POST only"}');
      return;
    }
    if (parse(url, body) === null) {
      json(res, 400, '{"error":"bad request"}');
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
      json(
        res,
        200,
        shape.kind === 'dossiers' ? '{"page":1,"items":[{"agencyCode":' : '{"data":[{"maThongKe":',
      );
      return;
    }
    if (fault?.kind === 'body') {
      json(res, 200, JSON.stringify(fault.body));
      return;
    }
    if (fault?.kind === 'gzip') {
      const bomb = bombs.get(fault.bytes) ?? gzipSync(Buffer.alloc(fault.bytes, 0x20), { level: 9 });
      bombs.set(fault.bytes, bomb);
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' }).end(bomb);
      return;
    }
    if (fault?.kind === 'endless') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"items":[');
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const timer = setInterval(() => res.write(chunk), 2);
      res.on('close', () => clearInterval(timer));
      return;
    }
    let payload: unknown;
    if (shape.kind === 'mot-cua') payload = { data: shape.rows(asked.year, asked.month) };
    else if (shape.kind === 'dvcqg')
      payload = shape.rows(asked.year, asked.month, asked.unit ?? '', asked.province ?? '');
    else {
      const size = options.serverPageSize ?? (asked.pageSize > 0 ? asked.pageSize : 500);
      const all = options.items?.(asked.year, asked.month) ?? [];
      const totalPages = Math.ceil(all.length / size);
      const items = all.slice((asked.page - 1) * size, asked.page * size);
      payload = { page: asked.page, pageSize: size, totalPages, items };
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      json(res, 200, JSON.stringify(payload));
    }, options.delayMs ?? 0);
  };
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
