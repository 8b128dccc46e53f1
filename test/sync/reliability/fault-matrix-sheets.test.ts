// Fault matrix, Google Sheets half: Sheets API faults through the CLI bundle against the loopback Sheets fake.
import type { sheets_v4 } from 'googleapis';
import { startFakePortal } from '../../fakes/portal/server';
import {
  type FakeSheets,
  type FakeSpreadsheet,
  type RecordedRequest,
  requestLabel,
  startFakeSheets,
  valuesOf,
} from '../../fakes/sheets-api/server';
import { inputSheets, portalItems } from '../fixtures';
import {
  type CliOutcome,
  cellDifferences,
  checkDocTable,
  INPUT_TABS,
  LOG_TAB,
  logRecords,
  OUTPUT_TABS,
  retryDelays,
  runCli,
  stderrLines,
} from './harness';

const ID = '1ReliabilitySheetId0123456789abcdef';
const TOKEN = 'ya29.reliability-oauth-token';
const ARGS = ['--through', '2020-03', '--concurrency', '1', '--retries', '2', '--timeout', '1'];

type SheetsFault = ReturnType<NonNullable<Parameters<typeof startFakeSheets>[0]['fault']>>;

interface MatrixCell {
  readonly fault: string;
  readonly sheetsFault?: (request: RecordedRequest, count: number) => SheetsFault;
  readonly readOnly?: boolean;
  readonly token?: string;
  /** Starts from the input tabs alone (the write must add every output tab), not from a synced sheet. */
  readonly fresh?: boolean;
  readonly expect: {
    readonly outcome: 'retried, succeeded' | 'failed cleanly';
    readonly exit: number;
    readonly requests: readonly string[];
    readonly retries: number;
    readonly error?: RegExp;
    /** Whether the failure could be logged in the sheet (not when the sheet refuses every write). */
    readonly logged?: boolean;
  };
}

const isPost = (r: RecordedRequest) => r.method === 'POST';
/** The output write resizes the columns of every tab it writes; the failure log's write, of one tab. */
const isOutputWrite = (r: RecordedRequest) =>
  isPost(r) &&
  ((r.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests ?? []).filter(
    (request) => request.autoResizeDimensions,
  ).length > 1;
const label = requestLabel;

/** POSTs seen by the current cell's fake, for faults on the first write only. */
let posted = 0;

const CELLS: MatrixCell[] = [
  {
    fault: 'Sheets 429 (RESOURCE_EXHAUSTED) on the first write',
    sheetsFault: (r) =>
      isPost(r) && !posted++
        ? { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' }
        : undefined,
    expect: {
      outcome: 'retried, succeeded',
      exit: 0,
      requests: ['get', 'get cells', 'batchUpdate', 'batchUpdate', 'batchUpdate'],
      retries: 1,
    },
  },
  {
    fault: 'Sheets 500 (INTERNAL) on every try of the output write',
    sheetsFault: (r) =>
      isOutputWrite(r)
        ? { code: 500, message: 'Internal error encountered.', status: 'INTERNAL' }
        : undefined,
    expect: {
      outcome: 'failed cleanly',
      exit: 4,
      // The write marker set, the output write tried 3 times, the marker removed; then the failure row
      // (tab list, marker, write).
      requests: [
        'get',
        'get cells',
        'batchUpdate',
        'batchUpdate',
        'batchUpdate',
        'batchUpdate',
        'batchUpdate',
        'get',
        'batchUpdate',
        'batchUpdate',
      ],
      retries: 2,
      error: /Google Sheets tạm thời không phục vụ được \(HTTP 500\)/,
      logged: true,
    },
  },
  {
    fault: 'Sheets 403 (PERMISSION_DENIED): the account may only read',
    readOnly: true,
    expect: {
      outcome: 'failed cleanly',
      exit: 4,
      // The marker batch refused (not applied, so nothing to remove); the failure row's the same way.
      requests: ['get', 'get cells', 'batchUpdate', 'batchUpdate'],
      retries: 0,
      error: /không có quyền sửa bảng tính.*Không ghi được Nhật ký đồng bộ/,
      logged: false,
    },
  },
  {
    fault: 'Sheets 401 (UNAUTHENTICATED): expired access token',
    token: 'ya29.expired-token',
    expect: {
      outcome: 'failed cleanly',
      exit: 4,
      requests: ['get'],
      retries: 0,
      error: /Google từ chối thông tin đăng nhập/,
      logged: false,
    },
  },
  {
    fault: 'first sync of a sheet (tabs to add): write committed, its answer lost (reset)',
    fresh: true,
    // The second POST: the first sets the write marker.
    sheetsFault: (r) => (isPost(r) && ++posted === 2 ? 'commitThenReset' : undefined),
    expect: {
      outcome: 'retried, succeeded',
      exit: 0,
      requests: ['get', 'get cells', 'batchUpdate', 'batchUpdate', 'get', 'batchUpdate'],
      retries: 1,
    },
  },
];

let baseline: FakeSpreadsheet;
let inputsOnly: FakeSpreadsheet;
const observed = new Map<number, string[]>();

const tabsOf = (state: FakeSpreadsheet) => new Map(state.sheets.map((s) => [s.title, valuesOf(s)]));
const withoutStamps = (tabs: Map<string, unknown[][]>) =>
  new Map(
    [...tabs].map(([t, rows]) => [t, t === 'Dữ liệu Cổng DVC' ? rows.map((r) => r.slice(0, 5)) : rows]),
  );

async function syncOn(
  fake: FakeSheets,
  token = TOKEN,
): Promise<{ result: CliOutcome; portalRequests: number }> {
  const portal = await startFakePortal({ items: portalItems, serverPageSize: 4 });
  try {
    const result = await runCli(['--workbook', ID, '--portal', portal.url, ...ARGS], {
      SHEETS_API_ROOT: fake.rootUrl,
      GOOGLE_OAUTH_ACCESS_TOKEN: token,
    });
    return { result, portalRequests: portal.requests.length };
  } finally {
    await portal.close();
  }
}

beforeAll(async () => {
  inputsOnly = {
    spreadsheetId: ID,
    locale: 'vi_VN',
    sheets: [...inputSheets()],
  };
  const fake = await startFakeSheets({ token: TOKEN, spreadsheet: structuredClone(inputsOnly) });
  try {
    const { result } = await syncOn(fake);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    baseline = structuredClone(fake.spreadsheet);
  } finally {
    await fake.close();
  }
});

describe('fault matrix: Google Sheets, through dist/node/sync.cjs', () => {
  test.each(CELLS.map((cell, index) => [index + 1, cell.fault, cell] as const))(
    'S%i. %s',
    async (index, _name, cell) => {
      posted = 0;
      const fake = await startFakeSheets({
        spreadsheet: structuredClone(cell.fresh ? inputsOnly : baseline),
        token: TOKEN,
        fault: cell.sheetsFault,
        readOnly: cell.readOnly,
      });
      let run: Awaited<ReturnType<typeof syncOn>>;
      try {
        run = await syncOn(fake, cell.token ?? TOKEN);
      } finally {
        await fake.close();
      }
      const { result } = run;
      const want = cell.expect;
      expect(fake.requests.map(label)).toEqual(want.requests);
      const delays = retryDelays(result.stdout);
      expect(delays).toHaveLength(want.retries);
      delays.forEach((delay, k) => {
        expect(delay).toBeGreaterThanOrEqual(500 * 2 ** k);
        expect(delay).toBeLessThanOrEqual(1000 * 2 ** k);
      });
      const before = tabsOf(cell.fresh ? inputsOnly : baseline);
      const after = tabsOf(fake.spreadsheet);
      const logBefore = logRecords(before.get(LOG_TAB));
      const logAfter = logRecords(after.get(LOG_TAB));
      let logText: string;
      let stderrText: string;
      if (want.outcome === 'retried, succeeded') {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(cellDifferences(withoutStamps(tabsOf(baseline)), withoutStamps(after), OUTPUT_TABS)).toEqual(
          [],
        );
        expect(logAfter).toHaveLength(logBefore.length + 1);
        expect(logAfter.at(-1)?.['Kết quả']).toBe('Thành công');
        logText = 'Thành công';
        stderrText = '(empty)';
      } else {
        expect(result.code).toBe(want.exit);
        expect(cellDifferences(before, after, [...OUTPUT_TABS, ...INPUT_TABS])).toEqual([]);
        const lines = stderrLines(result);
        expect(lines).toHaveLength(1);
        const line = lines[0] ?? '';
        expect(line).toMatch(want.error ?? /./);
        expect(line).not.toContain(TOKEN);
        const code = /^Lỗi đồng bộ \[([A-Z_]+)\]: /.exec(line)?.[1];
        expect(code).toBeDefined();
        if (want.logged) {
          expect(logAfter).toHaveLength(logBefore.length + 1);
          const row = logAfter.at(-1) ?? {};
          expect(row['Kết quả']).toBe('Thất bại');
          expect(line).toBe(`Lỗi đồng bộ [${code}]: ${String(row.Lỗi)}`);
          logText = `Thất bại: ${String(row.Lỗi)}`;
          stderrText = `\`Lỗi đồng bộ [${code}]: \` + log text`;
        } else {
          // The sheet refuses writes (or cannot be read): nothing can be logged there; stderr says it all.
          expect(logAfter).toHaveLength(logBefore.length);
          logText = '— (the sheet cannot be written)';
          stderrText = line;
        }
      }
      observed.set(index, [
        `S${index}`,
        cell.fault,
        want.outcome,
        String(result.code),
        String(fake.requests.length),
        fake.requests.map(label).join(', '),
        String(delays.length),
        logText,
        stderrText,
      ]);
      // With --through the portal is asked while the sheet is read (the waits overlap): a run whose sheet
      // cannot be read may have sent the requests in flight by then (--concurrency 1: at most 1).
      if (want.requests.length === 1) expect(run.portalRequests).toBeLessThanOrEqual(1);
      else expect(run.portalRequests).toBe(6);
    },
  );

  test('docs/reliability.md shows exactly these rows', () => {
    expect(observed.size).toBe(CELLS.length);
    const rows = [...observed.keys()].sort((a, b) => a - b).map((k) => observed.get(k) as string[]);
    const check = checkDocTable(
      'fault-matrix:sheets',
      [
        '#',
        'Fault',
        'Outcome',
        'Exit',
        'Sheets requests',
        'Sequence',
        'Retries',
        'Nhật ký đồng bộ',
        'stderr',
      ],
      rows,
    );
    if (check) expect(check.current).toEqual(check.wanted);
  });
});
