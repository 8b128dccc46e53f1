// The sync as an IT person rolls it out, through the built CLI: --import of an offline .xlsx into the Google Sheet, --check before the first night.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { sheets_v4 } from 'googleapis';
import { RECOMPUTED_TABS } from '../contract-headers';
import { type FakePortal, startFakePortal } from '../fakes/portal/server';
import {
  type FakeSheets,
  type FakeSpreadsheet,
  fakeSheet,
  requestLabel,
  startFakeSheets,
  valuesOf,
} from '../fakes/sheets-api/server';
import { CATALOGUE, ENTRIES, inputSheets, portalItems, readXlsxTabs, SETTINGS, UNITS } from './fixtures';
import { runCli } from './run-cli';

const TOKEN = 'ya29.rollout-token';
const ID = '1RolloutSheet0123456789abcdefghijk';

const sync = (args: string[], env: Record<string, string> = {}) => runCli(args, { env, timeout: 90_000 });
const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter((line) => line !== '');

let dir: string;
let sheets: FakeSheets | null = null;
let portal: FakePortal | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-rollout-'));
});
afterEach(async () => {
  await sheets?.close();
  await portal?.close();
  sheets = null;
  portal = null;
  rmSync(dir, { recursive: true, force: true });
});

const googleEnv = (f: FakeSheets) => ({ SHEETS_API_ROOT: f.rootUrl, GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN });
const labels = (f: FakeSheets) => f.requests.map(requestLabel);
const sheetNamed = (f: FakeSheets, title: string) => f.spreadsheet.sheets.find((s) => s.title === title);
const batches = (f: FakeSheets) =>
  f.requests
    .filter((r) => requestLabel(r) === 'batchUpdate')
    .map((r) =>
      ((r.body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests ?? []).map(
        (q) => Object.keys(q)[0],
      ),
    );

/** The output tabs both halves write (Nhật ký đồng bộ aside: its times and durations differ by run). */
const OUTPUT_TABS = RECOMPUTED_TABS;

/**
 * An office's offline workbook, as Excel keeps it: Chỉ tiêu as numbers in percent format, one month typed as a
 * date cell, a count typed as text with a thousands separator, and the archive of an earlier year.
 */
async function officeXlsx(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const add = (name: string, rows: readonly (readonly unknown[])[]) => {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow([...row]);
    return sheet;
  };
  add('Cấu hình', SETTINGS);
  const units = add('Đơn vị', UNITS);
  for (let r = 2; r <= units.rowCount; r++) {
    const cell = units.getRow(r).getCell(5);
    if (typeof cell.value === 'number') cell.numFmt = '0%';
  }
  units.getRow(2).getCell(5).value = 0.3;
  units.getRow(2).getCell(5).numFmt = '0%';
  add('Nhập liệu', [
    ...ENTRIES,
    // February 2020 as a date cell (any day of the month), March with a count typed as text.
    [new Date(Date.UTC(2020, 1, 15)), 'SNV', 60, 12, 'nhập tay'],
    ['03/2020', 'HLS', '1.200', 300, ''],
  ]);
  add('Danh mục DVC', CATALOGUE);
  add('Nhập liệu 2019', [ENTRIES[0] ?? [], ['12/2019', 'SNV', 40, 8, '']]);
  add('Ghi chú riêng', [['Tab của văn phòng, không chép']]);
  await workbook.xlsx.writeFile(path);
}

/** A portal export of three months, so Dữ liệu Cổng DVC has rows to carry over. */
function exportCsv(path: string): void {
  const rows = ['Kỳ,Mã đơn vị,Mã TTHC,Tổng số hồ sơ đã giải quyết,Số hồ sơ giải quyết trực tuyến'];
  for (const month of [1, 2, 3])
    for (const item of portalItems(2020, month))
      rows.push(
        `${String(month).padStart(2, '0')}/2020,${item.agencyCode},${item.procedureCode},${item.resolvedCount},${item.resolvedOnlineCount}`,
      );
  writeFileSync(path, `${rows.join('\n')}\n`);
}

/** The offline office's workbook after its syncs: inputs, Dữ liệu Cổng DVC from an export, and a plain recompute. */
async function offlineOffice(): Promise<string> {
  const book = join(dir, 'tinh.xlsx');
  await officeXlsx(book);
  const csv = join(dir, 'export.csv');
  exportCsv(csv);
  const first = await sync(['--workbook', book, '--portal-file', csv, '--through', '2020-03']);
  expect(first.stderr).toBe('');
  // The recompute an office runs any day: what the Sheet's recompute after the import must equal.
  const again = await sync(['--workbook', book, '--through', '2020-03']);
  expect(again.stderr).toBe('');
  return book;
}

/** The Sheet of a new office: Google's first tab, and Cấu hình with its header only (nothing typed yet). */
const newSheet = (): FakeSpreadsheet => ({
  spreadsheetId: ID,
  locale: 'vi_VN',
  sheets: [fakeSheet(0, 'Trang tính1', []), fakeSheet(7, 'Cấu hình', [['Tham số', 'Giá trị', 'Diễn giải']])],
});

/** Cells as compared across an .xlsx and the Sheet: numbers and text as they are, blanks as ''. */
const plain = (rows: readonly (readonly unknown[])[]) =>
  rows.map((row) => {
    const out = row.map((cell) => (cell === null || cell === undefined ? '' : cell));
    while (out.length > 0 && out[out.length - 1] === '') out.pop();
    return out;
  });

describe('--import: an office that started offline moves its figures into the Google Sheet', () => {
  test('one atomic batch copies the input tabs with their types; the recompute then equals the .xlsx tab for tab', async () => {
    const book = await offlineOffice();
    sheets = await startFakeSheets({ spreadsheet: newSheet(), token: TOKEN });
    const result = await sync(
      ['--import', book, '--workbook', ID, '--through', '2020-03'],
      googleEnv(sheets),
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    // The import: tab list, the one existing input tab's cells, one batch; then an ordinary sync (4 requests).
    expect(labels(sheets)).toEqual([
      'get',
      'get cells',
      'batchUpdate',
      'get',
      'get cells',
      'batchUpdate',
      'batchUpdate',
    ]);
    // Cấu hình (existing, header only: cleared and written), then four added tabs; the office's own tab stays out.
    expect(batches(sheets)[0]).toEqual([
      'updateCells',
      'updateCells',
      'addSheet',
      'updateCells',
      'addSheet',
      'updateCells',
      'addSheet',
      'updateCells',
      'addSheet',
      'updateCells',
      'addSheet',
      'updateCells',
    ]);
    const out = lines(result.stdout);
    expect(out[0]).toBe(
      `Đã chép từ ${book} vào https://docs.google.com/spreadsheets/d/${ID}, trong một lần ghi: "Cấu hình" (6 dòng), "Đơn vị" (5 dòng), "Nhập liệu" (4 dòng), "Danh mục DVC" (3 dòng), "Nhập liệu 2019" (2 dòng), "Dữ liệu Cổng DVC" (16 dòng).`,
    );
    expect(out[1]).toBe('Google Sheets: 3 yêu cầu.');
    expect(out[2]).toBe('Tính lại các tab kết quả từ dữ liệu vừa chép:');
    expect(sheetNamed(sheets, 'Ghi chú riêng')).toBeUndefined();

    // Types kept: a percent stays a number in percent format, the date cell a date serial shown as a date,
    // text stays text ('1.200' is read by the core as 1200, as in the .xlsx).
    const units = sheetNamed(sheets, 'Đơn vị');
    expect(units?.cells[1]?.[4]).toEqual({ kind: 'number', value: 0.3 });
    expect(units?.formats[1]?.[4]?.numberFormat).toEqual({ type: 'PERCENT', pattern: '0%' });
    const entries = sheetNamed(sheets, 'Nhập liệu');
    expect(entries?.cells[2]?.[0]).toEqual({ kind: 'number', value: 43876 }); // 15/02/2020
    expect(entries?.formats[2]?.[0]?.numberFormat).toEqual({ type: 'DATE', pattern: 'dd/mm/yyyy' });
    expect(entries?.cells[3]?.[2]).toEqual({ kind: 'text', value: '1.200' });
    expect(valuesOf(sheetNamed(sheets, 'Nhập liệu 2019'))).toEqual([
      [
        'Kỳ',
        'Mã đơn vị',
        'Tổng số hồ sơ đã giải quyết',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
        'Ghi chú',
      ],
      ['12/2019', 'SNV', 40, 8],
    ]);

    // Every output tab the Sheet's sync computed from the imported tabs equals the .xlsx's own.
    const xlsx = await readXlsxTabs(book);
    for (const tab of OUTPUT_TABS) {
      expect([tab, plain(valuesOf(sheetNamed(sheets, tab)))]).toEqual([tab, plain(xlsx.get(tab) ?? [])]);
    }
    // Concrete figures, so the tabs are not equal by both being empty: the portal export wins over the typed
    // rows for January–March (Nguồn ưu tiên), so SNV is 30 of 150 and HLS 18 of 90.
    const ratio = plain(valuesOf(sheetNamed(sheets, 'Tỷ lệ')));
    const row = (code: string) => ratio.find((r) => r[0] === code) ?? [];
    expect(row('SNV').slice(4, 7)).toEqual([150, 30, 0.2]);
    expect(row('HLS').slice(4, 7)).toEqual([90, 18, 0.2]);
  }, 120_000);

  test('input tabs of the Sheet that hold data are not replaced: exit 2 naming them and --ghi-de; nothing written', async () => {
    const book = join(dir, 'tinh.xlsx');
    await officeXlsx(book);
    const spreadsheet = newSheet();
    spreadsheet.sheets.push(
      fakeSheet(8, 'Nhập liệu', [
        ['Hướng dẫn: nhập số liệu tháng'],
        ENTRIES[0] ?? [],
        ['01/2020', 'SNV', 5, 1],
      ]),
      fakeSheet(9, 'Danh mục DVC', [CATALOGUE[0] ?? []]),
    );
    sheets = await startFakeSheets({ spreadsheet, token: TOKEN });
    const before = structuredClone(sheets.spreadsheet);
    const refused = await sync(['--import', book, '--workbook', ID], googleEnv(sheets));
    expect(refused.code).toBe(2);
    expect(lines(refused.stderr)).toEqual([
      'Lỗi đồng bộ [USAGE]: Chưa chép gì: Google Sheet đã có dữ liệu ở "Nhập liệu". Để thay dữ liệu ở đó bằng dữ liệu của tệp .xlsx, chạy lại với --ghi-de.',
    ]);
    expect(labels(sheets)).toEqual(['get', 'get cells']);
    expect(sheets.spreadsheet).toEqual(before);

    sheets.requests.length = 0;
    const replaced = await sync(['--import', book, '--workbook', ID, '--ghi-de'], googleEnv(sheets));
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    expect(lines(replaced.stdout)[0]).toMatch(
      /"Nhập liệu" \(4 dòng, thay dữ liệu cũ\), "Danh mục DVC" \(3 dòng\),/,
    );
    // The instructions row and the old figures are gone: Nhập liệu is the .xlsx's, row for row.
    expect(valuesOf(sheetNamed(sheets, 'Nhập liệu')).slice(0, 2)).toEqual([
      [
        'Kỳ',
        'Mã đơn vị',
        'Tổng số hồ sơ đã giải quyết',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
        'Ghi chú',
      ],
      ['01/2020', 'STP', 20, 10],
    ]);
    expect(valuesOf(sheetNamed(sheets, 'Nhập liệu'))).toHaveLength(4);
    // Same sheet ids: formulas and protections that point at the tabs keep pointing at them.
    expect(sheetNamed(sheets, 'Nhập liệu')?.sheetId).toBe(8);
    expect(batches(sheets)[0]?.slice(0, 2)).toEqual(['updateCells', 'updateCells']);
  }, 120_000);

  test('a request that fails in the middle of the batch leaves the Sheet as it was (Google applies all or none)', async () => {
    const book = join(dir, 'tinh.xlsx');
    await officeXlsx(book);
    let injected = false;
    sheets = await startFakeSheets({
      spreadsheet: newSheet(),
      token: TOKEN,
      // Someone adds a tab "Danh mục DVC" between the import's read and its write: its addSheet, after
      // Cấu hình's and Đơn vị's requests in the same batch, is refused.
      fault: (request) => {
        if (requestLabel(request) === 'batchUpdate' && !injected && sheets) {
          injected = true;
          sheets.spreadsheet.sheets.push(fakeSheet(9, 'Danh mục DVC', [['Mã TTHC']]));
        }
        return undefined;
      },
    });
    const before = structuredClone(sheets.spreadsheet);
    const result = await sync(['--import', book, '--workbook', ID], googleEnv(sheets));
    expect(result.code).toBe(4);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(/^Lỗi đồng bộ \[INVALID_REQUEST\]: .*Danh mục DVC/),
    ]);
    const names = batches(sheets)[0] ?? [];
    expect(names.indexOf('addSheet')).toBeGreaterThan(1);
    // Cấu hình still has its header only; no tab was added but the one someone else added.
    expect(valuesOf(sheetNamed(sheets, 'Cấu hình'))).toEqual(valuesOf(before.sheets[1]));
    expect(sheets.spreadsheet.sheets.map((s) => s.title)).toEqual([
      'Trang tính1',
      'Cấu hình',
      'Danh mục DVC',
    ]);
    expect(labels(sheets)).toEqual(['get', 'get cells', 'batchUpdate']);
  }, 120_000);

  test('usage: --import wants an .xlsx and a Google Sheet, --ghi-de wants --import', async () => {
    const xlsx = await sync(['--import', join(dir, 'a.csv'), '--workbook', ID]);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toMatch(/--import cần đường dẫn một tệp \.xlsx/);
    const local = await sync(['--import', join(dir, 'a.xlsx'), '--workbook', join(dir, 'b.xlsx')]);
    expect(local.code).toBe(2);
    expect(local.stderr).toMatch(/--workbook phải là đường dẫn hoặc mã của Google Sheet/);
    const alone = await sync(['--ghi-de', '--workbook', ID]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--ghi-de chỉ dùng cùng --import/);
  }, 60_000);
});

describe('--check (and --daily before it waits) proves read, write and portal', () => {
  test('Google Sheet: one read and one batch that sets and deletes a marker; nothing left behind; exit 0', async () => {
    sheets = await startFakeSheets({
      spreadsheet: { spreadsheetId: ID, locale: 'vi_VN', sheets: inputSheets() },
      token: TOKEN,
    });
    const before = structuredClone(sheets.spreadsheet);
    const result = await sync(['--workbook', ID, '--check'], googleEnv(sheets));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(lines(result.stdout)).toEqual([
      `Đã kiểm tra: đăng nhập Google được, đọc được và ghi được bảng tính "Fake" (https://docs.google.com/spreadsheets/d/${ID}; đã ghi thử rồi xóa một dấu kiểm tra).`,
    ]);
    expect(labels(sheets)).toEqual(['get', 'batchUpdate']);
    expect(batches(sheets)).toEqual([['createDeveloperMetadata', 'deleteDeveloperMetadata']]);
    expect(sheets.spreadsheet.developerMetadata ?? []).toEqual([]);
    expect(sheets.spreadsheet.sheets).toEqual(before.sheets);
  }, 60_000);

  test('an account that may only read fails the check at once with the run’s code and words (exit 4)', async () => {
    sheets = await startFakeSheets({
      spreadsheet: { spreadsheetId: ID, locale: 'vi_VN', sheets: inputSheets() },
      token: TOKEN,
      readOnly: true,
    });
    const result = await sync(['--workbook', ID, '--check', '--retries', '0'], googleEnv(sheets));
    expect(result.code).toBe(4);
    expect(lines(result.stderr)).toEqual([
      expect.stringMatching(
        /^Lỗi đồng bộ \[PERMISSION_DENIED\]: Kiểm tra không đạt: Tài khoản đang dùng không có quyền sửa/,
      ),
    ]);
    expect(result.stdout).toBe('');
  }, 60_000);

  test('the portal is asked once, for January of Năm with the configured profile; its refusal names the answer and the fix', async () => {
    sheets = await startFakeSheets({
      spreadsheet: { spreadsheetId: ID, locale: 'vi_VN', sheets: inputSheets() },
      token: TOKEN,
    });
    portal = await startFakePortal({ items: portalItems });
    const ok = await sync(['--workbook', ID, '--check', '--portal', portal.url], googleEnv(sheets));
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(lines(ok.stdout)[0]).toMatch(
      new RegExp(
        `; Cổng DVC ${portal.url.replace(/[.]/g, '\\.')} \\(dạng dossiers\\) trả lời tháng 01/2020: 6 dòng\\.$`,
      ),
    );
    expect(portal.requests.map((r) => [r.year, r.month, r.page])).toEqual([[2020, 1, 1]]);
    // The sheet: tab list, the write check, and the cells for Năm.
    expect(labels(sheets)).toEqual(['get', 'batchUpdate', 'get cells']);

    await portal.close();
    portal = await startFakePortal({ items: portalItems, fault: () => ({ kind: 'status', status: 401 }) });
    const denied = await sync(['--workbook', ID, '--check', '--portal', portal.url], googleEnv(sheets));
    expect(denied.code).toBe(3);
    expect(lines(denied.stderr)).toEqual([
      expect.stringMatching(
        /^Lỗi đồng bộ \[PORTAL_HTTP\]: Kiểm tra không đạt: Cổng DVC không trả lời được yêu cầu thử \(GET http:.*year=2020&month=1&page=1.*\): Cổng DVC từ chối truy cập \(HTTP 401\): hãy đặt biến môi trường PORTAL_TOKEN\. Hãy đặt đúng PORTAL_TOKEN/,
      ),
    ]);
    expect(portal.requests).toHaveLength(1);

    await portal.close();
    portal = await startFakePortal({ items: portalItems, path: '/api/v2/statistics/dossiers' });
    const missing = await sync(['--workbook', ID, '--check', '--portal', portal.url], googleEnv(sheets));
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(
      /\(HTTP 404\).*Hãy kiểm tra địa chỉ --portal \(địa chỉ gốc của API\) và --profile/,
    );
    expect(portal.requests).toHaveLength(1);
  }, 90_000);

  test('.xlsx run as root: a read-only (0444) workbook fails the check as the run refuses it', async () => {
    const book = join(dir, 'tinh.xlsx');
    await officeXlsx(book);
    chmodSync(book, 0o444);
    const before = readFileSync(book);
    const check = await sync(['--workbook', book, '--check']);
    expect(check.code).toBe(4);
    expect(lines(check.stderr)).toEqual([
      `Lỗi đồng bộ [WORKBOOK_FILE]: Kiểm tra không đạt: Chưa ghi gì: tệp Excel "${book}" đang ở chế độ chỉ đọc. Hãy bỏ chế độ chỉ đọc (hoặc chỉ định tệp khác) rồi chạy lại.`,
    ]);
    const run = await sync(['--workbook', book]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(/đang ở chế độ chỉ đọc/);
    expect(readFileSync(book).equals(before)).toBe(true);
    chmodSync(book, 0o644);
    const writable = await sync(['--workbook', book, '--check']);
    expect(writable.code).toBe(0);
    expect(lines(writable.stdout)).toEqual([`Đã kiểm tra: mở và ghi được tệp ${book}.`]);
  }, 60_000);
});
