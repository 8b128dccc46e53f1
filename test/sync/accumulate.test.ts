// Through the CLI: Dữ liệu Cổng DVC accumulates over runs (contract §10.1); no written cell holds the portal token (§10.4).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORTAL_HEADER } from '../contract-headers';
import { type FakePortal, type PortalRequest, startFakePortal } from '../fakes/portal/server';
import { type FakeSheets, startFakeSheets, valuesOf } from '../fakes/sheets-api/server';
import {
  inputSheets,
  monthItem,
  portalItems,
  readXlsxTabs,
  records,
  SETTINGS,
  writeProvinceXlsx,
} from './fixtures';
import { runCli } from './run-cli';

const EARLIER = '01/11/2020 02:30:00';
const UNIT_CODES = ['SNV', 'STP', 'HLS', 'XHS'];
const PORTAL_CODES = ['H28.01', 'H28.02', 'H28.10', 'H28.10.01'];

/** A tab an earlier run wrote: 01–11/2020, the four units, 10 + month dossiers of which 2 online. */
function earlierTab(): (string | number)[][] {
  const rows: (string | number)[][] = [PORTAL_HEADER];
  for (let month = 1; month <= 11; month++)
    UNIT_CODES.forEach((code, i) => {
      rows.push([
        `${String(month).padStart(2, '0')}/2020`,
        code,
        10 + month,
        2,
        1,
        EARLIER,
        'dossiers',
        1,
        0,
        PORTAL_CODES[i] as string,
        '',
      ]);
    });
  return rows;
}

let dir: string;
let portal: FakePortal | null = null;
let sheets: FakeSheets | null = null;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'accumulate-'));
});
afterEach(async () => {
  await portal?.close();
  portal = null;
  await sheets?.close();
  sheets = null;
});

async function bookWithEarlierRows(): Promise<string> {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book, { 'Dữ liệu Cổng DVC': earlierTab() });
  return book;
}

const portalRowsOf = async (book: string) =>
  records((await readXlsxTabs(book)).get('Dữ liệu Cổng DVC')).map((r) => [
    r.Kỳ,
    r['Mã đơn vị'],
    r['Tổng số hồ sơ đã giải quyết'],
    r['Cập nhật lúc'] === EARLIER ? 'earlier' : 'now',
    r.Nguồn,
  ]);

describe('Dữ liệu Cổng DVC accumulates', () => {
  test("one month's export file over 11 months of rows: 44 rows stay 44, its two unit-months replaced", async () => {
    const book = await bookWithEarlierRows();
    const csv = join(dir, 'thang-10.csv');
    writeFileSync(
      csv,
      [
        'Kỳ,Mã đơn vị,Mã TTHC,Tổng số hồ sơ đã giải quyết,Số hồ sơ giải quyết trực tuyến',
        '10/2020,H28.01,1.000456,40,10',
        '10/2020,H28.02,1.000532,20,4',
      ].join('\n'),
    );
    const run = await runCli(['--workbook', book, '--portal-file', csv, '--through', '2020-11']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = await portalRowsOf(book);
    expect(rows).toHaveLength(44);
    expect(rows.filter((r) => r[0] === '10/2020')).toEqual([
      ['10/2020', 'SNV', 40, 'now', 'thang-10.csv'],
      ['10/2020', 'STP', 20, 'now', 'thang-10.csv'],
      ['10/2020', 'HLS', 20, 'earlier', 'dossiers'],
      ['10/2020', 'XHS', 20, 'earlier', 'dossiers'],
    ]);
    expect(rows.filter((r) => r[3] === 'earlier')).toHaveLength(42);
    // Year to date still counts every month: SNV 12 + … + 21 over 01–11 less month 10's 20, plus 40.
    const ratio = records((await readXlsxTabs(book)).get('Tỷ lệ')).find((r) => r['Mã đơn vị'] === 'SNV');
    expect(ratio?.['Tổng số hồ sơ']).toBe(12 + 13 + 14 + 15 + 16 + 17 + 18 + 19 + 40 + 21 + 11);
  });

  test('an earlier --through (03/2020) keeps the rows of 04–11 as they were', async () => {
    const book = await bookWithEarlierRows();
    portal = await startFakePortal({ items: portalItems });
    const run = await runCli(['--workbook', book, '--portal', portal.url, '--through', '2020-03']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = await portalRowsOf(book);
    // 01–03: the portal's 4 units and its unassigned H99.99 (5 rows each); 04–11: 32 earlier rows.
    expect(rows).toHaveLength(15 + 32);
    expect(rows.filter((r) => r[3] === 'earlier').map((r) => r[0])).toEqual(
      ['04', '05', '06', '07', '08', '09', '10', '11'].flatMap((m) => Array(4).fill(`${m}/2020`)),
    );
    expect(rows[0]).toEqual(['01/2020', 'SNV', 50, 'now', 'dossiers']);
  });

  test('dvcqg replaces only the unit-months it fetched; a unit answered nothing keeps its row, warned for that unit', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book, {
      'Cấu hình': [...SETTINGS, ['Mã tỉnh trên Cổng DVC quốc gia', '17', '']],
      'Dữ liệu Cổng DVC': earlierTab(),
    });
    // 01–09: the figures the tab already has; 10/2020: SNV 77, STP nothing, HLS and XHS their usual.
    const answer: Record<string, number | null> = {
      'H28.01': 77,
      'H28.02': null,
      'H28.10': 30,
      'H28.10.01': 10,
    };
    portal = await startFakePortal({
      shape: {
        kind: 'dvcqg',
        rows: (_year, month, unit) => {
          const total = month < 10 ? 10 + month : answer[unit];
          return total === null || total === undefined
            ? []
            : [{ HS_TOTAL: String(total), HTN_TRUCTUYEN_TOTAL: '2' }];
        },
      },
    });
    const run = await runCli([
      '--workbook',
      book,
      '--portal',
      portal.url,
      '--profile',
      'dvcqg',
      '--through',
      '2020-10',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(portal.requests).toHaveLength(40);
    const rows = await portalRowsOf(book);
    expect(rows).toHaveLength(44);
    expect(rows.filter((r) => r[0] === '10/2020')).toEqual([
      ['10/2020', 'SNV', 77, 'now', 'dvcqg'],
      ['10/2020', 'STP', 20, 'earlier', 'dossiers'],
      ['10/2020', 'HLS', 30, 'now', 'dvcqg'],
      ['10/2020', 'XHS', 10, 'now', 'dvcqg'],
    ]);
    expect(rows.filter((r) => r[0] === '11/2020').map((r) => r[3])).toEqual(Array(4).fill('earlier'));
    const kept = records((await readXlsxTabs(book)).get('Kiểm tra')).filter((r) =>
      String(r['Nội dung']).includes('được giữ nguyên'),
    );
    expect(kept.map((r) => [r['Mã đơn vị'], r['Kỳ'], r['Mức độ']])).toEqual([['STP', '10/2020', 'Cảnh báo']]);
    expect(run.stdout).toMatch(/STP: Lần đồng bộ lúc .* không trả về dòng nào cho kỳ 10\/2020; 1 dòng/);
  });

  test('--lam-moi-du-lieu-cong rebuilds the tab from this run alone, and says so in the output and the log row', async () => {
    const book = await bookWithEarlierRows();
    portal = await startFakePortal({ items: portalItems });
    const run = await runCli([
      '--workbook',
      book,
      '--portal',
      portal.url,
      '--through',
      '2020-02',
      '--lam-moi-du-lieu-cong',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Làm mới tab Dữ liệu Cổng DVC từ lần chạy này (--lam-moi-du-lieu-cong).');
    const rows = await portalRowsOf(book);
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r[3] === 'earlier')).toEqual([]);
    const log = records((await readXlsxTabs(book)).get('Nhật ký đồng bộ'), 'Kết quả');
    expect(String(log[log.length - 1]?.['Lỗi'])).toContain('--lam-moi-du-lieu-cong');
  });

  test('--lam-moi-du-lieu-cong without a source is refused (exit 2): it would empty the tab', async () => {
    const book = await bookWithEarlierRows();
    const run = await runCli(['--workbook', book, '--lam-moi-du-lieu-cong']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--lam-moi-du-lieu-cong cần --portal hoặc --portal-file/);
    expect(await portalRowsOf(book)).toHaveLength(44);
  });

  test('an agency code equal to a Mã đơn vị but not in its Mã trên Cổng DVC is warned about, never added (50 stays 50)', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    // SNV's portal code is H28.01; the portal also answers 10 dossiers under "SNV" itself.
    portal = await startFakePortal({
      items: (year, month) => [
        ...portalItems(year, month),
        monthItem(year, month)('SNV', '1.000456', 10, 10),
      ],
    });
    const run = await runCli(['--workbook', book, '--portal', portal.url, '--through', '2020-02']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const tabs = await readXlsxTabs(book);
    const ratio = records(tabs.get('Tỷ lệ')).find((r) => r['Mã đơn vị'] === 'SNV');
    expect([ratio?.['Tổng số hồ sơ'], ratio?.['Hồ sơ trực tuyến mức độ 3, 4']]).toEqual([100, 20]);
    const jan = records(tabs.get('Dữ liệu Cổng DVC')).filter((r) => r.Kỳ === '01/2020');
    expect(jan.map((r) => [r['Mã đơn vị'], r['Mã trên Cổng DVC'], r['Tổng số hồ sơ đã giải quyết']])).toEqual(
      [
        ['SNV', 'H28.01', 50],
        ['STP', 'H28.02', 20],
        ['HLS', 'H28.10', 30],
        ['XHS', 'H28.10.01', 10],
        ['', 'H99.99', 5],
        ['', 'SNV', 10],
      ],
    );
    const warned = records(tabs.get('Kiểm tra')).filter((r) =>
      String(r['Nội dung']).startsWith('Mã cơ quan "SNV" trên Cổng DVC chưa gán'),
    );
    expect(warned.map((r) => [r['Kỳ'], r['Mức độ']])).toEqual([
      ['01/2020', 'Cảnh báo'],
      ['02/2020', 'Cảnh báo'],
    ]);
  });
});

describe('no written cell holds the portal token (contract §10.4)', () => {
  const SECRET = 'tok-7f3a9c1e5b';
  /** A portal that echoes the request's Authorization header as an agency code (and in a procedure code). */
  const echoing = () =>
    startFakePortal({
      fault: (request: PortalRequest) => ({
        kind: 'body',
        body: {
          page: request.page,
          pageSize: 500,
          totalPages: 1,
          items: [
            ...portalItems(request.year, request.month),
            monthItem(request.year, request.month)(`ECHO ${request.authorization}`, '1.000456', 5, 1),
          ],
        },
      }),
    });
  const cellsWith = (grids: Iterable<readonly (readonly unknown[])[]>, text: string) =>
    [...grids].flatMap((grid) => grid.flat()).filter((cell) => String(cell).includes(text));

  test('.xlsx: every tab read back, the echo is there redacted, the token nowhere', async () => {
    portal = await echoing();
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    const run = await runCli(['--workbook', book, '--portal', portal.url, '--through', '2020-02'], {
      env: { PORTAL_TOKEN: SECRET },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(portal.requests[0]?.authorization).toBe(`Bearer ${SECRET}`);
    const tabs = await readXlsxTabs(book);
    expect(cellsWith(tabs.values(), SECRET)).toEqual([]);
    // The echoed code reached Dữ liệu Cổng DVC and Kiểm tra, with the token replaced.
    expect(cellsWith([tabs.get('Dữ liệu Cổng DVC') ?? []], 'ECHO Bearer ***')).toHaveLength(2);
    expect(cellsWith([tabs.get('Kiểm tra') ?? []], 'ECHO Bearer ***').length).toBeGreaterThan(0);
    expect(run.stdout).not.toContain(SECRET);
  });

  test('Google Sheet: every tab of the Sheet after the run, the token nowhere', async () => {
    portal = await echoing();
    const id = '1AccumulateRedactionTestSheet0123456789';
    const token = 'ya29.accumulate-test';
    sheets = await startFakeSheets({
      spreadsheet: { spreadsheetId: id, locale: 'en_US', sheets: inputSheets() },
      token,
    });
    const run = await runCli(['--workbook', id, '--portal', portal.url, '--through', '2020-02'], {
      env: { PORTAL_TOKEN: SECRET, SHEETS_API_ROOT: sheets.rootUrl, GOOGLE_OAUTH_ACCESS_TOKEN: token },
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const grids = sheets.spreadsheet.sheets.map((sheet) => valuesOf(sheet));
    expect(cellsWith(grids, SECRET)).toEqual([]);
    expect(cellsWith(grids, 'ECHO Bearer ***').length).toBeGreaterThan(2);
  });
});
