// The portal client against a loopback stand-in: paging, retries with Retry-After, faults, profiles, parallel months.
import { SyncError } from '../../sync/errors';
import { fetchMonth, type PortalClientOptions } from '../../sync/portal/http';
import {
  AGGREGATED_PROFILE,
  BUILT_IN_NAMES,
  DOSSIERS_PROFILE,
  type HttpProfile,
} from '../../sync/portal/profiles';
import { gatherPortal } from '../../sync/portal/sources';
import type { RetryPolicy } from '../../sync/retry';
import {
  dossierItems,
  type FakePortal,
  type Fault,
  type PortalRequest,
  startFakePortal,
} from '../fakes/portal/server';

const OCT_2020 = { year: 2020, month: 10 };

function fastRetry(attempts = 4): RetryPolicy & { delays: number[] } {
  const delays: number[] = [];
  return {
    attempts,
    baseDelayMs: 100,
    maxDelayMs: 5000,
    random: () => 0.5,
    sleep: async (ms) => {
      delays.push(ms);
    },
    delays,
  };
}

let portal: FakePortal | null = null;
afterEach(async () => {
  await portal?.close();
  portal = null;
});

async function serve(fault?: (r: PortalRequest) => Fault | undefined, agencies = 3, serverPageSize = 4) {
  portal = await startFakePortal({
    items: dossierItems(
      Array.from({ length: agencies }, (_, i) => `H28.${String(i + 1).padStart(2, '0')}`),
      ['1.000456', '1.000532'],
    ),
    fault,
    serverPageSize,
  });
  return portal;
}

const client = (
  p: FakePortal,
  retry: RetryPolicy,
  extra: Partial<PortalClientOptions> = {},
): PortalClientOptions => ({
  baseUrl: p.url,
  profile: DOSSIERS_PROFILE,
  timeoutMs: 2000,
  retry,
  ...extra,
});

describe('fetchMonth', () => {
  test('pages until totalPages and returns every item as a record; token sent as Bearer', async () => {
    const p = await serve();
    const result = await fetchMonth(client(p, fastRetry(), { token: 's3cret' }), OCT_2020);
    // 3 agencies × 2 procedures = 6 items, 4 per page → 2 pages
    expect(result.pages).toBe(2);
    expect(result.records).toHaveLength(6);
    expect(p.requests.map((r) => r.page)).toEqual([1, 2]);
    expect(p.requests.every((r) => r.authorization === 'Bearer s3cret')).toBe(true);
    expect(p.requests[0]).toMatchObject({ year: 2020, month: 10, pageSize: 500 });
    expect(result.records[0]).toEqual({
      agencyCode: 'H28.01',
      procedureCode: '1.000456',
      year: 2020,
      month: 10,
      resolved: 20,
      online: 1,
    });
  });

  test('no Authorization header when no token is set', async () => {
    const p = await serve();
    await fetchMonth(client(p, fastRetry()), OCT_2020);
    expect(p.requests.every((r) => r.authorization === undefined)).toBe(true);
  });

  test('503 twice then success: 3 requests for page 1, exponential delays', async () => {
    const p = await serve((r) =>
      r.page === 1 && r.attempt <= 2 ? { kind: 'status', status: 503 } : undefined,
    );
    const retry = fastRetry();
    const result = await fetchMonth(client(p, retry), OCT_2020);
    expect(result.records).toHaveLength(6);
    expect(p.requests.filter((r) => r.page === 1)).toHaveLength(3);
    // base 100 ms doubled, equal jitter at random 0.5 → 75 and 150
    expect(retry.delays).toEqual([75, 150]);
  });

  test('429 honours Retry-After in seconds and as an HTTP date, capped', async () => {
    const inTwoSeconds = new Date(Date.now() + 2000).toUTCString();
    const p = await serve((r) => {
      if (r.page !== 1) return undefined;
      if (r.attempt === 1) return { kind: 'status', status: 429, retryAfter: '3' };
      if (r.attempt === 2) return { kind: 'status', status: 429, retryAfter: inTwoSeconds };
      if (r.attempt === 3) return { kind: 'status', status: 429, retryAfter: '3600' };
      return undefined;
    });
    const retry = fastRetry(5);
    await fetchMonth(client(p, retry), OCT_2020);
    expect(retry.delays[0]).toBe(3000);
    expect(retry.delays[1]).toBeGreaterThan(0);
    expect(retry.delays[1]).toBeLessThanOrEqual(2000);
    expect(retry.delays[2]).toBe(5000); // capped at maxDelayMs
    expect(p.requests.filter((r) => r.page === 1)).toHaveLength(4);
  });

  test('a connection reset is retried', async () => {
    const p = await serve((r) => (r.page === 2 && r.attempt === 1 ? { kind: 'reset' } : undefined));
    const result = await fetchMonth(client(p, fastRetry()), OCT_2020);
    expect(result.records).toHaveLength(6);
    expect(p.requests).toHaveLength(3);
  });

  test('a time-out is retried', async () => {
    const p = await serve((r) => (r.page === 1 && r.attempt === 1 ? { kind: 'hang' } : undefined));
    const result = await fetchMonth(client(p, fastRetry(), { timeoutMs: 200 }), OCT_2020);
    expect(result.records).toHaveLength(6);
    expect(p.requests).toHaveLength(3);
  });

  test('malformed JSON every time: retried, then the month fails with a clear message', async () => {
    const p = await serve((r) => (r.page === 2 ? { kind: 'malformed' } : undefined));
    const error = await fetchMonth(client(p, fastRetry(3)), OCT_2020).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect((error as SyncError).code).toBe('PORTAL_HTTP');
    expect((error as SyncError).message).toMatch(/tháng 10\/2020.*JSON/);
    expect(p.requests.filter((r) => r.page === 2)).toHaveLength(3);
  });

  test('a missing page (the server answers page 1 again for page 2) fails the month after retries', async () => {
    const p = await serve((r) =>
      r.page === 2 ? { kind: 'body', body: { page: 1, pageSize: 4, totalPages: 2, items: [] } } : undefined,
    );
    const error = (await fetchMonth(client(p, fastRetry(2)), OCT_2020).catch((e: unknown) => e)) as SyncError;
    expect(error.message).toMatch(/trang 2/);
    expect(p.requests.filter((r) => r.page === 2)).toHaveLength(2);
  });

  test('a repeated page (same rows under the right page number) fails the month', async () => {
    const first = dossierItems(['H28.01', 'H28.02', 'H28.03'], ['1.000456', '1.000532'])(2020, 10).slice(
      0,
      4,
    );
    const p = await serve((r) =>
      r.page === 2
        ? { kind: 'body', body: { page: 2, pageSize: 4, totalPages: 2, items: first } }
        : undefined,
    );
    const error = (await fetchMonth(client(p, fastRetry(2)), OCT_2020).catch((e: unknown) => e)) as SyncError;
    expect(error.message).toMatch(/lặp lại \(trang 1 và trang 2\)/);
  });

  test('totalPages that changes between pages fails the month', async () => {
    const p = await serve((r) =>
      r.page === 2 ? { kind: 'body', body: { page: 2, pageSize: 4, totalPages: 3, items: [] } } : undefined,
    );
    const error = (await fetchMonth(client(p, fastRetry(2)), OCT_2020).catch((e: unknown) => e)) as SyncError;
    expect(error.message).toMatch(/tổng số trang thay đổi từ 2 thành 3/);
  });

  test('a wrong totalPages (missing, negative) fails the month', async () => {
    const p = await serve(() => ({
      kind: 'body',
      body: { page: 1, pageSize: 4, totalPages: -1, items: [] },
    }));
    const error = (await fetchMonth(client(p, fastRetry(2)), OCT_2020).catch((e: unknown) => e)) as SyncError;
    expect(error.message).toMatch(/totalPages/);
    expect(p.requests).toHaveLength(2);
  });

  test('a 4xx other than 429 fails at once, without retrying; 401 names PORTAL_TOKEN', async () => {
    const p = await serve(() => ({ kind: 'status', status: 401 }));
    const error = (await fetchMonth(client(p, fastRetry()), OCT_2020).catch((e: unknown) => e)) as SyncError;
    expect(p.requests).toHaveLength(1);
    expect(error.message).toMatch(/PORTAL_TOKEN/);
  });

  test.each([404, 405, 501])(
    'HTTP %i on the first request: not retried, and the profiles to try are named (a forgotten --profile)',
    async (status) => {
      const p = await serve(() => ({ kind: 'status', status }));
      const error = (await fetchMonth(client(p, fastRetry()), OCT_2020).catch(
        (e: unknown) => e,
      )) as SyncError;
      expect(p.requests).toHaveLength(1);
      expect(error.code).toBe('PORTAL_HTTP');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.message).toContain(`--profile ${BUILT_IN_NAMES.join('|')}`);
      expect(BUILT_IN_NAMES).toEqual(expect.arrayContaining(['dossiers', 'aggregated', 'mot-cua', 'dvcqg']));
    },
  );

  test('a 501 on a later page is still retried like any 5xx', async () => {
    const p = await serve((r) =>
      r.page === 2 && r.attempt === 1 ? { kind: 'status', status: 501 } : undefined,
    );
    const result = await fetchMonth(client(p, fastRetry()), OCT_2020);
    expect(result.records).toHaveLength(6);
    expect(p.requests.filter((r) => r.page === 2)).toHaveLength(2);
  });

  test('the token never appears in an error message', async () => {
    const p = await serve(() => ({ kind: 'status', status: 400, body: 'bad token tok-123456 given' }));
    const error = (await fetchMonth(client(p, fastRetry(), { token: 'tok-123456' }), OCT_2020).catch(
      (e: unknown) => e,
    )) as SyncError;
    expect(error.message).toMatch(/HTTP 400/);
    expect(error.message).not.toContain('tok-123456');
  });

  test('an item with a bad count or another month is a garbled page', async () => {
    const p = await serve(() => ({
      kind: 'body',
      body: {
        page: 1,
        totalPages: 1,
        items: [
          {
            agencyCode: 'X',
            procedureCode: '1',
            year: 2020,
            month: 9,
            resolvedCount: 1,
            resolvedOnlineCount: 0,
          },
        ],
      },
    }));
    const error = (await fetchMonth(client(p, fastRetry(1)), OCT_2020).catch((e: unknown) => e)) as SyncError;
    expect(error.message).toMatch(/"month"/);
  });

  test('the aggregated profile reads govAgencyCode and sums level 3 and level 4', async () => {
    portal = await startFakePortal({
      items: (year, month) => [
        {
          govAgencyCode: 'H44.01',
          year,
          month,
          releaseCount: 120,
          dossierOnline3Count: 20,
          dossierOnline4Count: 15,
        },
        {
          govAgencyCode: 'H44.07',
          year,
          month,
          releaseCount: '80',
          dossierOnline3Count: 0,
          dossierOnline4Count: 9,
        },
      ],
    });
    const result = await fetchMonth(client(portal, fastRetry(), { profile: AGGREGATED_PROFILE }), OCT_2020);
    expect(result.records).toEqual([
      { agencyCode: 'H44.01', procedureCode: null, year: 2020, month: 10, resolved: 120, online: 35 },
      { agencyCode: 'H44.07', procedureCode: null, year: 2020, month: 10, resolved: 80, online: 9 },
    ]);
  });

  test('a profile given as data (other path and names) needs no code', async () => {
    const custom: HttpProfile = {
      ...DOSSIERS_PROFILE,
      name: 'custom',
      request: {
        ...DOSSIERS_PROFILE.request,
        path: '/api/v2/stats',
        query: { nam: '{year}', thang: '{month}', trang: '{page}', soDong: '{pageSize}' },
      },
      paging: { pageSize: 500, page: 'meta.page', totalPages: 'meta.pages' },
      response: { ...DOSSIERS_PROFILE.response, rows: 'data.rows' },
    };
    portal = await startFakePortal({ items: () => [], path: '/api/v2/stats' });
    // The stand-in speaks the default names; this checks the URL the profile builds.
    const error = await fetchMonth(client(portal, fastRetry(1), { profile: custom }), OCT_2020).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(SyncError);
    expect(portal.requests).toHaveLength(1);
    expect(portal.requests[0]?.path).toBe('/api/v2/stats');
    expect(portal.requests[0]?.query).toBe('nam=2020&thang=10&trang=1&soDong=500');
  });
});

describe('gatherPortal', () => {
  test('fetches every month with at most 4 at once, one progress line per month', async () => {
    portal = await startFakePortal({ items: dossierItems(['H28.01'], ['1.000456']), delayMs: 40 });
    const lines: string[] = [];
    const months = Array.from({ length: 10 }, (_, i) => ({ year: 2020, month: i + 1 }));
    const gathered = await gatherPortal(
      {
        baseUrl: portal.url,
        profile: DOSSIERS_PROFILE,
        files: [],
        timeoutMs: 2000,
        retry: fastRetry(),
        concurrency: 4,
      },
      months,
      2020,
      (line) => lines.push(line),
    );
    expect(gathered.records).toHaveLength(10);
    expect(gathered.requests).toBe(10);
    expect(lines.filter((l) => l.startsWith('Cổng DVC tháng'))).toHaveLength(10);
    expect(portal.maxInFlight()).toBe(4);
  });

  test('one month failing fails the whole gathering', async () => {
    portal = await startFakePortal({
      items: dossierItems(['H28.01'], ['1.000456']),
      fault: (r) => (r.month === 3 ? { kind: 'status', status: 500 } : undefined),
    });
    const months = Array.from({ length: 6 }, (_, i) => ({ year: 2020, month: i + 1 }));
    await expect(
      gatherPortal(
        {
          baseUrl: portal.url,
          profile: DOSSIERS_PROFILE,
          files: [],
          timeoutMs: 2000,
          retry: fastRetry(2),
          concurrency: 2,
        },
        months,
        2020,
        () => undefined,
      ),
    ).rejects.toThrow(/tháng 03\/2020.*HTTP 500/);
  });
});
