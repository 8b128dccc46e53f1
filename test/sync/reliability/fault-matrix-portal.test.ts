// Fault matrix, portal and .xlsx half: each portal fault and a crash while saving, through the CLI bundle.
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chartPathOf } from '../../../sync/workbook/xlsx';
import { type FakePortal, type Fault, type PortalRequest, startFakePortal } from '../../fakes/portal/server';
import { portalItems, readXlsxTabs, writeProvinceXlsx } from '../fixtures';
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

const ARGS = ['--through', '2020-03', '--concurrency', '1', '--retries', '2', '--timeout', '1'];
const TOKEN = 'portal-token-for-tests';

/** Page 1 of a month as the stand-in serves it (4 items per page, 6 items a month: 2 pages). */
const pageOne = (month: number) => portalItems(2020, month).slice(0, 4);

interface MatrixCell {
  readonly fault: string;
  readonly portalFault?: (r: PortalRequest) => Fault | undefined;
  /** Appended to the portal URL (a wrong path gives the portal's own 404). */
  readonly portalPath?: string;
  /** A --require hook for the CLI process (faults of the file system). */
  readonly preload?: string;
  readonly expect: {
    readonly outcome: 'retried, succeeded' | 'failed cleanly' | 'killed, file whole';
    readonly exit: number | 'SIGKILL';
    readonly requests: number;
    readonly retries: number;
    /** The Retry-After the portal sends, in ms; retries without one follow the back-off. */
    readonly retryAfterMs?: number;
    /** The log's error text must match this. */
    readonly error?: RegExp;
  };
}

const on = (month: number, page: number, attempts: number, fault: Fault) => (r: PortalRequest) =>
  r.month === month && r.page === page && r.attempt <= attempts ? fault : undefined;
const always = (fault: Fault) => () => fault;

/** Makes the rename of the workbook's temp file fail once (EIO), or kills the process right before it. */
const RENAME_HOOK = `
const fsp = require('node:fs/promises');
const realRename = fsp.rename;
let done = false;
fsp.rename = async (from, to) => {
  if (!done && String(from).endsWith('.tmp') && String(to).endsWith('.xlsx')) {
    done = true;
    if (process.env.RENAME_FAULT === 'kill') process.kill(process.pid, 'SIGKILL');
    const error = new Error('EIO: i/o error, rename');
    error.code = 'EIO';
    throw error;
  }
  return realRename(from, to);
};
`;

let dir: string;
let baseline: string;
let hook: string;
let baselineTabs: Map<string, unknown[][]>;
const observed = new Map<number, string[]>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-faults-'));
  hook = join(dir, 'rename-hook.js');
  writeFileSync(hook, RENAME_HOOK);
  baseline = join(dir, 'baseline.xlsx');
  await writeProvinceXlsx(baseline);
  const portal = await startFakePortal({ items: portalItems, serverPageSize: 4 });
  try {
    const first = await runCli(['--workbook', baseline, '--portal', portal.url, ...ARGS]);
    expect(first.code).toBe(0);
  } finally {
    await portal.close();
  }
  baselineTabs = await readXlsxTabs(baseline);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Output tabs without the time stamps a run writes (Cập nhật lúc of Dữ liệu Cổng DVC). */
function withoutStamps(tabs: Map<string, unknown[][]>): Map<string, unknown[][]> {
  const portalTab = 'Dữ liệu Cổng DVC';
  return new Map(
    [...tabs].map(([tab, rows]) => [tab, tab === portalTab ? rows.map((row) => row.slice(0, 5)) : rows]),
  );
}

const CELLS: MatrixCell[] = [
  {
    fault: 'portal 401 on every request (token refused)',
    portalFault: always({ kind: 'status', status: 401 }),
    expect: { outcome: 'failed cleanly', exit: 3, requests: 1, retries: 0, error: /HTTP 401.*PORTAL_TOKEN/ },
  },
  {
    fault: 'portal 403 on every request',
    portalFault: always({ kind: 'status', status: 403 }),
    expect: { outcome: 'failed cleanly', exit: 3, requests: 1, retries: 0, error: /HTTP 403/ },
  },
  {
    fault: 'portal 404 (wrong --portal path)',
    portalPath: '/sai-duong-dan',
    expect: { outcome: 'failed cleanly', exit: 3, requests: 1, retries: 0, error: /HTTP 404/ },
  },
  {
    fault: 'portal 429 with Retry-After: 1, once (02/2020 page 1)',
    portalFault: on(2, 1, 1, { kind: 'status', status: 429, retryAfter: '1' }),
    expect: { outcome: 'retried, succeeded', exit: 0, requests: 7, retries: 1, retryAfterMs: 1000 },
  },
  {
    fault: 'portal 429 without Retry-After, once (02/2020 page 1)',
    portalFault: on(2, 1, 1, { kind: 'status', status: 429 }),
    expect: { outcome: 'retried, succeeded', exit: 0, requests: 7, retries: 1 },
  },
  {
    fault: 'portal 500 on every try of 02/2020 page 1',
    portalFault: on(2, 1, 99, { kind: 'status', status: 500 }),
    expect: { outcome: 'failed cleanly', exit: 3, requests: 5, retries: 2, error: /02\/2020.*HTTP 500/ },
  },
  {
    fault: 'portal 503 twice, then answers (03/2020 page 2)',
    portalFault: on(3, 2, 2, { kind: 'status', status: 503 }),
    expect: { outcome: 'retried, succeeded', exit: 0, requests: 8, retries: 2 },
  },
  {
    fault: 'connection reset once (01/2020 page 2)',
    portalFault: on(1, 2, 1, { kind: 'reset' }),
    expect: { outcome: 'retried, succeeded', exit: 0, requests: 7, retries: 1 },
  },
  {
    fault: 'time-out once: no answer within --timeout 1 (02/2020 page 1)',
    portalFault: on(2, 1, 1, { kind: 'hang' }),
    expect: { outcome: 'retried, succeeded', exit: 0, requests: 7, retries: 1 },
  },
  {
    fault: 'malformed JSON on every try of 02/2020 page 2',
    portalFault: on(2, 2, 99, { kind: 'malformed' }),
    expect: { outcome: 'failed cleanly', exit: 3, requests: 6, retries: 2, error: /02\/2020.*JSON/ },
  },
  {
    fault: 'wrong totalPages: page 2 of 02/2020 says 3 pages, page 1 said 2',
    portalFault: on(2, 2, 99, {
      kind: 'body',
      body: { page: 2, pageSize: 4, totalPages: 3, items: portalItems(2020, 2).slice(4) },
    }),
    expect: { outcome: 'failed cleanly', exit: 3, requests: 6, retries: 2, error: /tổng số trang thay đổi/ },
  },
  {
    fault: 'a page repeated: page 2 of 02/2020 sends the rows of page 1',
    portalFault: on(2, 2, 99, {
      kind: 'body',
      body: { page: 2, pageSize: 4, totalPages: 2, items: pageOne(2) },
    }),
    expect: {
      outcome: 'failed cleanly',
      exit: 3,
      requests: 6,
      retries: 2,
      error: /lặp lại \(trang 1 và trang 2\)/,
    },
  },
  {
    fault: '.xlsx save fails once: rename of the temp file throws EIO',
    preload: 'fail',
    expect: {
      outcome: 'failed cleanly',
      exit: 4,
      requests: 6,
      retries: 0,
      error: /Không ghi được tệp Excel.*EIO/,
    },
  },
  {
    fault: '.xlsx writer killed (SIGKILL) between temp-file write and rename',
    preload: 'kill',
    expect: { outcome: 'killed, file whole', exit: 'SIGKILL', requests: 6, retries: 0 },
  },
];

/** Paths and the port vary by run: the table shows them as placeholders. */
const scrub = (text: string) => text.split(dir).join('<thư mục>');

describe('fault matrix: portal and .xlsx, through dist/node/sync.cjs', () => {
  test.each(CELLS.map((cell, index) => [index + 1, cell.fault, cell] as const))(
    '%i. %s',
    async (index, _name, cell) => {
      const book = join(dir, `cell-${index}.xlsx`);
      copyFileSync(baseline, book);
      copyFileSync(chartPathOf(baseline), chartPathOf(book));
      const bytesBefore = readFileSync(book);
      const pngBefore = readFileSync(chartPathOf(book));
      const before = await readXlsxTabs(book);
      const portal: FakePortal = await startFakePortal({
        items: portalItems,
        serverPageSize: 4,
        fault: cell.portalFault,
      });
      let result: CliOutcome;
      try {
        result = await runCli(
          ['--workbook', book, '--portal', portal.url + (cell.portalPath ?? ''), ...ARGS],
          { PORTAL_TOKEN: TOKEN, ...(cell.preload ? { RENAME_FAULT: cell.preload } : {}) },
          cell.preload ? hook : undefined,
        );
      } finally {
        await portal.close();
      }
      const want = cell.expect;
      expect(portal.requests).toHaveLength(want.requests);
      const delays = retryDelays(result.stdout);
      expect(delays).toHaveLength(want.retries);
      // Retry-After when the portal sent one, else the back-off: retry k waits 0.5–1 × 2^(k−1) s.
      delays.forEach((delay, k) => {
        const [low, high] = want.retryAfterMs
          ? [want.retryAfterMs, want.retryAfterMs]
          : [500 * 2 ** k, 1000 * 2 ** k];
        expect(delay).toBeGreaterThanOrEqual(low);
        expect(delay).toBeLessThanOrEqual(high);
      });
      const after = await readXlsxTabs(book);
      const logBefore = logRecords(before.get(LOG_TAB));
      const logAfter = logRecords(after.get(LOG_TAB));
      let logText: string;
      let stderrText: string;
      let exit: string;
      if (want.outcome === 'retried, succeeded') {
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        // The same figures as a run without faults, cell by cell.
        expect(cellDifferences(withoutStamps(baselineTabs), withoutStamps(after), OUTPUT_TABS)).toEqual([]);
        expect(logAfter).toHaveLength(logBefore.length + 1);
        expect(logAfter.at(-1)?.['Kết quả']).toBe('Thành công');
        logText = 'Thành công';
        stderrText = '(empty)';
        exit = '0';
      } else if (want.outcome === 'failed cleanly') {
        expect(result.code).toBe(want.exit);
        // Nothing changed but one more log row: every output and input cell as it was.
        expect(cellDifferences(before, after, [...OUTPUT_TABS, ...INPUT_TABS])).toEqual([]);
        expect(logAfter).toHaveLength(logBefore.length + 1);
        const row = logAfter.at(-1) ?? {};
        expect(row['Kết quả']).toBe('Thất bại');
        const error = String(row.Lỗi);
        expect(error).toMatch(want.error ?? /./);
        expect(error).not.toContain(TOKEN);
        const lines = stderrLines(result);
        expect(lines).toHaveLength(1);
        const code = /^Lỗi đồng bộ \[([A-Z_]+)\]: /.exec(lines[0] ?? '')?.[1];
        expect(lines[0]).toBe(`Lỗi đồng bộ [${code}]: ${error}`);
        logText = `Thất bại: ${scrub(error)}`;
        stderrText = `\`Lỗi đồng bộ [${code}]: \` + log text`;
        exit = String(result.code);
        // No temp file left behind by a failed save, and the chart PNG is the old one too.
        expect(readdirSync(dir).filter((f) => f.startsWith(`.cell-${index}.`))).toEqual([]);
        expect(readFileSync(chartPathOf(book)).equals(pngBefore)).toBe(true);
      } else {
        // Killed between writing the temp file and renaming it: the workbook is byte for byte the old one.
        expect(result.signal).toBe('SIGKILL');
        expect(readFileSync(book).equals(bytesBefore)).toBe(true);
        expect(readFileSync(chartPathOf(book)).equals(pngBefore)).toBe(true);
        expect(logAfter).toHaveLength(logBefore.length);
        const leftovers = readdirSync(dir).filter((f) => f.startsWith(`.cell-${index}.xlsx.`));
        expect(leftovers).toHaveLength(1);
        // The next run within 30 s finds the dead run's lock: LOCKED, exit 5, nothing touched.
        const clean = await startFakePortal({ items: portalItems, serverPageSize: 4 });
        try {
          const next = await runCli(['--workbook', book, '--portal', clean.url, ...ARGS]);
          expect(next.code).toBe(5);
          expect(stderrLines(next)).toHaveLength(1);
          expect(clean.requests).toHaveLength(0);
          // Once the lock is 31 s old it is stale: the next run takes it over and completes.
          const lock = `${book}.sync-lock`;
          const old = new Date(Date.now() - 31_000);
          utimesSync(lock, old, old);
          const later = await runCli(['--workbook', book, '--portal', clean.url, ...ARGS]);
          expect(later.code).toBe(0);
          expect(clean.requests).toHaveLength(6);
          // Its save removed the killed run's temp file.
          expect(readdirSync(dir).filter((f) => f.startsWith(`.cell-${index}.xlsx.`))).toEqual([]);
        } finally {
          await clean.close();
        }
        const recovered = await readXlsxTabs(book);
        expect(cellDifferences(withoutStamps(baselineTabs), withoutStamps(recovered), OUTPUT_TABS)).toEqual(
          [],
        );
        logText = "— (process killed); next run: 1 row Thành công, the killed save's temp file removed";
        stderrText = '— ; next run within 30 s: `[LOCKED]`, exit 5; after: exit 0';
        exit = 'SIGKILL';
        expect(want.exit).toBe('SIGKILL');
      }
      const seconds = (ms: number) => String(ms / 1000);
      const delayText =
        delays.length === 0
          ? '0'
          : want.retryAfterMs
            ? `${delays.length}: Retry-After ${seconds(want.retryAfterMs)} s`
            : `${delays.length}: back-off ${delays.map((_, k) => `${seconds(500 * 2 ** k)}–${seconds(1000 * 2 ** k)} s`).join(', ')}`;
      observed.set(index, [
        String(index),
        cell.fault,
        want.outcome,
        exit,
        String(portal.requests.length),
        delayText,
        logText,
        stderrText,
      ]);
    },
  );

  test('docs/reliability.md shows exactly these rows', () => {
    expect(observed.size).toBe(CELLS.length);
    const rows = [...observed.keys()].sort((a, b) => a - b).map((k) => observed.get(k) as string[]);
    const check = checkDocTable(
      'fault-matrix:portal',
      ['#', 'Fault', 'Outcome', 'Exit', 'Portal requests', 'Retries', 'Nhật ký đồng bộ', 'stderr'],
      rows,
    );
    if (check) expect(check.current).toEqual(check.wanted);
  });
});
