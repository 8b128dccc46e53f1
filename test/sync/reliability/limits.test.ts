// Limits: writes over Google's cell limit fail before anything is sent, large ones fit the payload bound; the log keeps 1,000 rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { google } from 'googleapis';
import { SYNC_LOG_HEADER } from '../../../src/core';
import { isSyncError } from '../../../sync/errors';
import { runSync } from '../../../sync/run';
import { GoogleSheetWorkbook, SHEETS_LIMITS } from '../../../sync/workbook/google-sheet';
import { startFakePortal } from '../../fakes/portal/server';
import {
  cellsOf,
  type FakeSheet,
  type FakeSpreadsheet,
  fakeSheet,
  REQUEST_PAYLOAD_LIMIT,
  SPREADSHEET_CELL_LIMIT,
  startFakeSheets,
  valuesOf,
} from '../../fakes/sheets-api/server';
import {
  ENTRIES,
  inputSheets,
  instantRetry,
  portalItems,
  readXlsxTabs,
  UNITS,
  writeProvinceXlsx,
} from '../fixtures';
import { INPUT_TABS, LOG_TAB, logRecords, OUTPUT_TABS, runCli } from './harness';

const ID = '1LimitsSheetId0123456789abcdefgh';
const TOKEN = 'ya29.limits';
const NOW = new Date('2020-11-15T03:00:00Z');
const fastRetry = instantRetry(3);

const inputTabs = (
  units: readonly (readonly unknown[])[] = UNITS,
  entries: readonly (readonly unknown[])[] = ENTRIES,
): FakeSheet[] => [...inputSheets(units, entries)];

async function syncSheet(spreadsheet: FakeSpreadsheet, limits?: { cells: number; payloadBytes: number }) {
  const fake = await startFakeSheets({ spreadsheet, token: TOKEN });
  const auth = new google.auth.OAuth2();
  auth.setCredentials({ access_token: TOKEN });
  const workbook = new GoogleSheetWorkbook({
    spreadsheetId: ID,
    auth,
    rootUrl: fake.rootUrl,
    retry: fastRetry,
    timeoutMs: 20_000,
    limits,
  });
  const error = await runSync({ workbook, sources: null, through: null, dryRun: false, now: () => NOW }).then(
    () => null,
    (e: unknown) => e,
  );
  await fake.close();
  return { fake, error, requests: fake.requests.map((r) => `${r.method} ${r.bytes}`) };
}

/** A tab of `rows` × 1 cells standing for a big archive someone keeps in the same spreadsheet. */
function archive(rows: number): FakeSheet {
  return { ...fakeSheet(99, 'Lưu trữ', [['Ghi chú']]), rowCount: rows, columnCount: 1 };
}

describe('Google Sheets limits, checked before the write', () => {
  test('a write that would pass 10,000,000 cells: LIMIT, no output tab sent, the failure logged', async () => {
    const spreadsheet: FakeSpreadsheet = {
      spreadsheetId: ID,
      locale: 'en_US',
      sheets: [...inputTabs(), archive(9_890_000)],
    };
    const cellsBefore = cellsOf(spreadsheet);
    expect(cellsBefore).toBe(9_994_000); // 4 input tabs of 1,000 × 26 and the archive
    const { fake, error, requests } = await syncSheet(structuredClone(spreadsheet));
    expect(isSyncError(error) && error.code).toBe('LIMIT');
    // 5 output tabs and the log, new, of 100 × 26 cells each (addSheet's size): 9,994,000 + 15,600.
    expect((error as Error).message).toContain('10.009.600 ô');
    expect((error as Error).message).toContain('giới hạn 10.000.000 ô');
    // Read twice (tabs, values), then one write (the marker, then the failure row alone, which fits).
    expect(requests.map((r) => r.split(' ')[0])).toEqual(['GET', 'GET', 'POST', 'POST']);
    const titles = fake.spreadsheet.sheets.map((s) => s.title);
    for (const tab of OUTPUT_TABS) expect(titles).not.toContain(tab);
    const log = logRecords(valuesOf(fake.spreadsheet.sheets.find((s) => s.title === LOG_TAB)));
    expect(log.map((r) => r['Kết quả'])).toEqual(['Thất bại']);
    expect(String(log[0]?.Lỗi)).toMatch(/^Chưa ghi gì: sau lần ghi này bảng tính sẽ có 10\.009\.600 ô/);
    expect(cellsOf(fake.spreadsheet)).toBe(cellsBefore + 2_600);
  });

  test('control: without the check, the Sheets stand-in refuses the same write as Google does (400)', async () => {
    const spreadsheet: FakeSpreadsheet = {
      spreadsheetId: ID,
      locale: 'en_US',
      sheets: [...inputTabs(), archive(9_890_000)],
    };
    const { error } = await syncSheet(spreadsheet, {
      cells: Number.POSITIVE_INFINITY,
      payloadBytes: SHEETS_LIMITS.payloadBytes,
    });
    expect(isSyncError(error) && error.code).toBe('INVALID_REQUEST');
    expect((error as Error).message).toContain('above the limit of 10000000 cells');
    expect(SPREADSHEET_CELL_LIMIT).toBe(SHEETS_LIMITS.cells);
  });

  test('payload: 4,000 units (12.2 MB with a format per cell, refused before) go in one compact batchUpdate', async () => {
    const n = 4_000;
    const units: unknown[][] = [UNITS[0] as unknown[]];
    const entries: unknown[][] = [ENTRIES[0] as unknown[]];
    for (let i = 1; i <= n; i++) {
      const code = `DV${String(i).padStart(5, '0')}`;
      units.push([code, `UBND xã số ${i}`, 'Xã, phường, thị trấn', '', '25%', '', '']);
      for (const month of [1, 2, 3]) entries.push([`${month}/2020`, code, 100 + (i % 50), 20 + (i % 30), '']);
    }
    const started = Date.now();
    const { error, requests } = await syncSheet({
      spreadsheetId: ID,
      locale: 'en_US',
      sheets: inputTabs(units, entries),
    });
    const ms = Date.now() - started;
    expect(error).toBeNull();
    // Two reads, the write marker, the one write.
    expect(requests.map((r) => r.split(' ')[0])).toEqual(['GET', 'GET', 'POST', 'POST']);
    const bytes = Number(requests[3]?.split(' ')[1]);
    // Values per cell, formats per range: measured about 1,200 bytes per unit.
    expect(bytes / n).toBeLessThan(1_500);
    expect(bytes).toBeLessThan(SHEETS_LIMITS.payloadBytes);
    expect(REQUEST_PAYLOAD_LIMIT).toBe(SHEETS_LIMITS.payloadBytes);
    console.log(
      `payload: ${n} units → ${(bytes / 1_048_576).toFixed(1)} MB in one batchUpdate (${Math.round(bytes / n)} bytes per unit), ${ms} ms`,
    );
  });

  test('payload: a row larger than a request may be is refused before anything is sent (bound lowered to 600 bytes)', async () => {
    const { fake, error, requests } = await syncSheet(
      { spreadsheetId: ID, locale: 'en_US', sheets: inputTabs() },
      { cells: SHEETS_LIMITS.cells, payloadBytes: 600 },
    );
    expect(isSyncError(error) && error.code).toBe('LIMIT');
    expect((error as Error).message).toMatch(
      /^Chưa ghi gì: dòng \d+ của tab "[^"]+" quá lớn để gửi trong một lần ghi/,
    );
    // The failure row cannot be sent under such a bound either: only the two reads were made.
    expect(requests.map((r) => r.split(' ')[0])).toEqual(['GET', 'GET']);
    expect(fake.spreadsheet.sheets.map((s) => s.title)).toEqual(INPUT_TABS);
  });
});

/** `count` log rows, oldest first, numbered in the error column so the kept ones can be told apart. */
function oldLog(count: number): (string | number)[][] {
  return [
    [...SYNC_LOG_HEADER],
    ...Array.from({ length: count }, (_, i) => [
      `01/01/2020 00:00`,
      'Thành công',
      4,
      12,
      1.5,
      `cũ #${i + 1}`,
    ]),
  ];
}

describe('Nhật ký đồng bộ keeps the newest 1,000 rows', () => {
  test('.xlsx with 1,005 rows: a sync leaves 1,000, rows #7–#1005 and the new one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dvc-log-'));
    try {
      const book = join(dir, 'tinh.xlsx');
      await writeProvinceXlsx(book, { [LOG_TAB]: oldLog(1005) });
      const portal = await startFakePortal({ items: portalItems, serverPageSize: 4 });
      try {
        const result = await runCli(['--workbook', book, '--portal', portal.url, '--through', '2020-03']);
        expect(result.code).toBe(0);
      } finally {
        await portal.close();
      }
      const log = logRecords((await readXlsxTabs(book)).get(LOG_TAB));
      expect(log).toHaveLength(1000);
      expect(log[0]?.Lỗi).toBe('cũ #7');
      expect(log[998]?.Lỗi).toBe('cũ #1005');
      expect(log[999]?.['Kết quả']).toBe('Thành công');
      expect(log[999]?.Lỗi).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('Google Sheet with 1,005 rows: same; a run whose log write is refused too leaves the log as it was', async () => {
    const spreadsheet: FakeSpreadsheet = {
      spreadsheetId: ID,
      locale: 'en_US',
      sheets: [...inputTabs(), fakeSheet(50, LOG_TAB, oldLog(1005))],
    };
    const { fake, error } = await syncSheet(spreadsheet);
    expect(error).toBeNull();
    const log = logRecords(valuesOf(fake.spreadsheet.sheets.find((s) => s.title === LOG_TAB)));
    expect(log).toHaveLength(1000);
    expect(log[0]?.Lỗi).toBe('cũ #7');
    expect(log[999]?.['Kết quả']).toBe('Thành công');
    const again = await syncSheet(fake.spreadsheet, { cells: 1, payloadBytes: SHEETS_LIMITS.payloadBytes });
    expect(isSyncError(again.error) && again.error.code).toBe('LIMIT');
    // The failure row itself is refused by the (tiny) cell bound: said on stderr, nothing half-written.
    expect((again.error as Error).message).toContain('Không ghi được Nhật ký đồng bộ: cùng lỗi trên');
    expect(valuesOf(again.fake.spreadsheet.sheets.find((s) => s.title === LOG_TAB))).toEqual(
      valuesOf(fake.spreadsheet.sheets.find((s) => s.title === LOG_TAB)),
    );
  });
});
