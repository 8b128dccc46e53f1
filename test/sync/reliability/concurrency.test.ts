// Concurrency: two syncs of one workbook at once (lock file), and readers during a Google Sheets write (one batchUpdate).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { google } from 'googleapis';
import type { OutputTable } from '../../../src/core';
import { resolveProfile } from '../../../sync/portal/profiles';
import { runSync } from '../../../sync/run';
import { GoogleSheetWorkbook } from '../../../sync/workbook/google-sheet';
import type { Workbook } from '../../../sync/workbook/workbook';
import { startFakePortal } from '../../fakes/portal/server';
import { type FakeSpreadsheet, startFakeSheets, valuesOf } from '../../fakes/sheets-api/server';
import { inputSheets, instantRetry, portalItems, readXlsxTabs, writeProvinceXlsx } from '../fixtures';
import { LOG_TAB, logRecords, OUTPUT_TABS, recordsOf, runCli, stderrLines } from './harness';

const ID = '1ConcurrencySheetId0123456789abcdef';
const TOKEN = 'ya29.concurrency-token';
const NOW = new Date('2020-11-15T03:00:00Z');
const fastRetry = instantRetry(3);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-concurrency-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('two syncs of one .xlsx started at the same instant: one completes, the other exits 5 at once; the workbook is whole', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  // 150 ms per page, one month at a time: a run holds the lock for ≥ 0.9 s, so the two overlap.
  const portal = await startFakePortal({ items: portalItems, serverPageSize: 4, delayMs: 150 });
  try {
    const args = ['--workbook', book, '--portal', portal.url, '--through', '2020-03', '--concurrency', '1'];
    const [a, b] = await Promise.all([runCli(args), runCli(args)]);
    const outcomes = [a, b].sort((x, y) => (x.code ?? 9) - (y.code ?? 9));
    const [winner, loser] = outcomes as [typeof a, typeof a];
    expect(winner.code).toBe(0);
    expect(winner.stderr).toBe('');
    expect(loser.code).toBe(5);
    const lines = stderrLines(loser);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Lỗi đồng bộ \[LOCKED\]: Một lần đồng bộ khác của bảng tính này đang chạy/);
    // Only the winner asked the portal: 3 months × 2 pages.
    expect(portal.requests).toHaveLength(6);
    expect(loser.ms).toBeLessThan(winner.ms);
  } finally {
    await portal.close();
  }
  const tabs = await readXlsxTabs(book);
  for (const tab of OUTPUT_TABS) expect(tabs.has(tab)).toBe(true);
  const ratio = recordsOf(tabs.get('Tỷ lệ'), 'Mã đơn vị');
  expect(ratio.map((r) => [r['Mã đơn vị'], r['Tổng số hồ sơ']])).toEqual(
    expect.arrayContaining([
      ['SNV', 150],
      ['STP', 60],
      ['HLS', 90],
      ['XHS', 30],
    ]),
  );
  const log = logRecords(tabs.get(LOG_TAB));
  expect(log.map((r) => r['Kết quả'])).toEqual(['Thành công']);
});

/** Items of the default profile with every count doubled: "new" figures that differ in every output tab. */
const doubled = (year: number, month: number) =>
  portalItems(year, month).map((item) => ({
    ...item,
    resolvedCount: Number(item.resolvedCount) * 2,
    resolvedOnlineCount: Number(item.resolvedOnlineCount) * 3,
  }));

function province(): FakeSpreadsheet {
  return {
    spreadsheetId: ID,
    locale: 'en_US',
    sheets: [...inputSheets()],
  };
}

/**
 * Syncs the sheet with old figures, then with new ones while a reader keeps reading every output tab.
 * `split` writes each tab in its own batchUpdate (what the sync must NOT do), as the control.
 */
async function readersDuringWrite(split: boolean) {
  const fake = await startFakeSheets({ spreadsheet: province(), token: TOKEN, writeDelayMs: 300 });
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: TOKEN });
  const workbook = () =>
    new GoogleSheetWorkbook({
      spreadsheetId: ID,
      auth,
      rootUrl: fake.rootUrl,
      retry: fastRetry,
      timeoutMs: 5000,
    });
  const sync = async (items: typeof portalItems, wb: Workbook) => {
    const portal = await startFakePortal({ items, serverPageSize: 4 });
    try {
      await runSync({
        workbook: wb,
        sources: {
          baseUrl: portal.url,
          profile: resolveProfile(undefined),
          files: [],
          timeoutMs: 5000,
          retry: fastRetry,
          concurrency: 3,
        },
        through: { year: 2020, month: 3 },
        dryRun: false,
        now: () => NOW,
      });
    } finally {
      await portal.close();
    }
  };
  try {
    await sync(portalItems, workbook());
    const old = new Map(
      OUTPUT_TABS.map((t) => [t, valuesOf(fake.spreadsheet.sheets.find((s) => s.title === t))]),
    );
    const ranges = OUTPUT_TABS.map((t) => `'${t}'`);
    const url = `${fake.rootUrl}v4/spreadsheets/${ID}/values:batchGet?${ranges.map((r) => `ranges=${encodeURIComponent(r)}`).join('&')}&valueRenderOption=UNFORMATTED_VALUE`;
    const reads: unknown[][][][] = [];
    let writing = true;
    const reader = (async () => {
      while (writing) {
        const response = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
        const body = (await response.json()) as { valueRanges: { values?: unknown[][] }[] };
        reads.push(body.valueRanges.map((v) => v.values ?? []));
      }
    })();
    const second = workbook();
    if (split) {
      // The control: the same tables, one batchUpdate per tab.
      const original = second.write.bind(second);
      second.write = async (tables: readonly OutputTable[]) => {
        for (const table of tables) await original([table]);
      };
    }
    await sync(doubled, second);
    writing = false;
    await reader;
    const now = new Map(
      OUTPUT_TABS.map((t) => [t, valuesOf(fake.spreadsheet.sheets.find((s) => s.title === t))]),
    );
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    for (const tab of OUTPUT_TABS.filter((t) => t !== 'Kiểm tra'))
      expect(same(old.get(tab), now.get(tab))).toBe(false);
    const kinds = reads.map((read) => {
      const states = new Set<string>();
      OUTPUT_TABS.forEach((tab, i) => {
        const isOld = same(read[i], old.get(tab));
        const isNew = same(read[i], now.get(tab));
        if (isOld && !isNew) states.add('old');
        else if (isNew && !isOld) states.add('new');
        else if (!isOld && !isNew) states.add('neither');
      });
      return states.size === 1 ? [...states][0] : 'mixed';
    });
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    return {
      reads: reads.length,
      old: count('old'),
      new: count('new'),
      mixed: count('mixed'),
      posts: fake.requests.filter((r) => r.method === 'POST').length,
    };
  } finally {
    await fake.close();
  }
}

test("readers during the sync's Google Sheets write see all old tabs or all new ones, never a mix (one batchUpdate)", async () => {
  const seen = await readersDuringWrite(false);
  // The first sync and the second each wrote once (each after its write-marker batch).
  expect(seen.posts).toBe(4);
  expect(seen.reads).toBeGreaterThanOrEqual(10);
  expect(seen.old).toBeGreaterThanOrEqual(5);
  expect(seen.mixed).toBe(0);
  expect(seen.old + seen.new).toBe(seen.reads);
  console.log(
    `atomic write: ${seen.reads} reads during the sync, ${seen.old} old, ${seen.new} new, ${seen.mixed} mixed`,
  );
});

test('control: the same tables written one batchUpdate per tab are seen half-written', async () => {
  const seen = await readersDuringWrite(true);
  expect(seen.posts).toBe(2 + 7 * 2);
  expect(seen.mixed).toBeGreaterThan(0);
  console.log(`split write: ${seen.reads} reads, ${seen.old} old, ${seen.new} new, ${seen.mixed} mixed`);
});
