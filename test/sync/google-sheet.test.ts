// The Google Sheet workbook against a loopback Sheets v4 fake: request counts, locale, atomicity, retries, errors.

import { google } from 'googleapis';
import { type Cell, tableToGrid } from '../../src/core';
import { isSyncError, type SyncError } from '../../sync/errors';
import { runSync } from '../../sync/run';
import { GoogleSheetWorkbook } from '../../sync/workbook/google-sheet';
import {
  type FakeSheets,
  type FakeSpreadsheet,
  fakeSheet,
  requestLabel,
  startFakeSheets,
  valuesOf,
} from '../fakes/sheets-api/server';
import { CATALOGUE, EXPECTED_RATIO, inputSheets, instantRetry, SETTINGS, UNITS } from './fixtures';
import { runCli } from './run-cli';

const TOKEN = 'ya29.fixed-test-token';
const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789';
const NOW = new Date('2020-11-15T03:00:00Z');

const fastRetry = instantRetry(4);

let fake: FakeSheets | null = null;
afterEach(async () => {
  await fake?.close();
  fake = null;
});

/** A province of n departments, one entered month each, with counts as numbers or text and Kỳ as a date. */
function spreadsheet(n: number, locale: FakeSpreadsheet['locale'] = 'en_US'): FakeSpreadsheet {
  const units: unknown[][] = [UNITS[0] as unknown[]];
  const entries: unknown[][] = [
    ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4'],
  ];
  for (let i = 1; i <= n; i++) {
    const code = `U${String(i).padStart(4, '0')}`;
    units.push([
      code,
      `Sở số ${i}`,
      'Sở, ban, ngành',
      '',
      { kind: 'number', value: 0.25, pattern: '0%' },
      '',
      '',
    ]);
    // 1 Oct 2020 as a date serial; the total typed as text with a Vietnamese thousands dot for every 2nd unit.
    entries.push([
      { kind: 'date', value: 44105 },
      code,
      i % 2 === 0 ? '1.000' : 1000,
      { kind: 'number', value: 100 + i },
    ]);
  }
  return {
    spreadsheetId: ID,
    locale,
    sheets: [...inputSheets(units, entries)],
  };
}

async function oauthClient(token = TOKEN) {
  const client = new google.auth.OAuth2();
  client.setCredentials({ access_token: token });
  return client;
}

async function workbookOn(f: FakeSheets, token = TOKEN) {
  return new GoogleSheetWorkbook({
    spreadsheetId: ID,
    auth: await oauthClient(token),
    rootUrl: f.rootUrl,
    retry: fastRetry,
    timeoutMs: 5000,
    secrets: [token],
  });
}

const sheetNamed = (f: FakeSheets, title: string) => f.spreadsheet.sheets.find((s) => s.title === title);
const label = requestLabel;

describe('GoogleSheetWorkbook', () => {
  test('four requests per run whatever the size (20 vs 2,000 units), each with the bearer token', async () => {
    const counts: number[] = [];
    for (const n of [20, 2000]) {
      fake = await startFakeSheets({ spreadsheet: spreadsheet(n), token: TOKEN });
      const workbook = await workbookOn(fake);
      const result = await runSync({ workbook, sources: null, through: null, dryRun: false, now: () => NOW });
      expect(result.report.summary.units).toBe(n);
      counts.push(fake.requests.length);
      expect(workbook.requests).toBe(fake.requests.length);
      expect(fake.requests.map(label)).toEqual(['get', 'get cells', 'batchUpdate', 'batchUpdate']);
      expect(fake.requests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
      expect(valuesOf(sheetNamed(fake, 'Tỷ lệ')).length).toBeGreaterThan(n);
      await fake.close();
      fake = null;
    }
    expect(counts).toEqual([4, 4]);
  });

  test('reads the cells in one spreadsheets.get: grid data of the named tabs (quoted), a narrow field mask', async () => {
    fake = await startFakeSheets({ spreadsheet: spreadsheet(3), token: TOKEN });
    const { input } = await (await workbookOn(fake)).read();
    const get = fake.requests[1];
    expect(get?.path).toBe(`v4/spreadsheets/${ID}`);
    expect(get?.query.get('includeGridData')).toBe('true');
    expect(get?.query.get('fields')).toBe(
      'sheets(properties(sheetId,title),data(startRow,startColumn,rowData(values(effectiveValue,effectiveFormat.numberFormat.type))))',
    );
    expect(get?.query.getAll('ranges')).toEqual(["'Cấu hình'", "'Đơn vị'", "'Nhập liệu'", "'Danh mục DVC'"]);
    // Kỳ is a date cell: the instant of 1/10/2020 00:00 in Vietnam; counts stay numbers or text as typed.
    expect(input.entries?.[1]).toEqual([new Date('2020-09-30T17:00:00Z'), 'U0001', 1000, 101]);
    expect(input.entries?.[2]).toEqual([new Date('2020-09-30T17:00:00Z'), 'U0002', '1.000', 102]);
    expect(input.units?.[1]?.[4]).toBe(0.25);
  });

  test('a vi_VN sheet gives the same tabs as an en_US one, though its formatted values differ', async () => {
    const written: unknown[][][] = [];
    for (const locale of ['vi_VN', 'en_US'] as const) {
      fake = await startFakeSheets({ spreadsheet: spreadsheet(4, locale), token: TOKEN });
      const sheets = google.sheets({ version: 'v4', auth: await oauthClient(), rootUrl: fake.rootUrl });
      const shown = await sheets.spreadsheets.values.batchGet(
        {
          spreadsheetId: ID,
          ranges: ["'Nhập liệu'!A1:D"],
          valueRenderOption: 'FORMATTED_VALUE',
        },
        { fetchImplementation: fetch },
      );
      expect(shown.data.valueRanges?.[0]?.values?.[1]?.slice(0, 3)).toEqual(
        locale === 'vi_VN' ? ['01/10/2020', 'U0001', '1.000'] : ['10/1/2020', 'U0001', '1,000'],
      );
      await runSync({
        workbook: await workbookOn(fake),
        sources: null,
        through: null,
        dryRun: false,
        now: () => NOW,
      });
      written.push(valuesOf(sheetNamed(fake, 'Tỷ lệ')));
      await fake.close();
      fake = null;
    }
    expect(written[0]).toEqual(written[1]);
    const rows = written[0] ?? [];
    const header = rows.findIndex((r) => r[0] === 'Mã đơn vị');
    // U0002's total was typed as the text "1.000": read as 1000, like the number cells.
    expect(rows[header + 2]?.slice(0, 7)).toEqual([
      'U0002',
      'Sở số 2',
      'Sở, ban, ngành',
      '',
      1000,
      102,
      0.102,
    ]);
  });

  test('writes exactly the core tables: numbers as numbers, text as text, percent format, bold frozen header', async () => {
    fake = await startFakeSheets({ spreadsheet: spreadsheet(5), token: TOKEN });
    const result = await runSync({
      workbook: await workbookOn(fake),
      sources: null,
      through: null,
      dryRun: false,
      now: () => NOW,
    });
    const grid = (table: Parameters<typeof tableToGrid>[0]) =>
      tableToGrid(table).map((row) => {
        const out = row.map((c: Cell) => (c === null || c === undefined ? '' : c));
        while (out.length > 0 && out[out.length - 1] === '') out.pop();
        return out;
      });
    expect(valuesOf(sheetNamed(fake, 'Tỷ lệ'))).toEqual(grid(result.report.tables.ratio));
    expect(valuesOf(sheetNamed(fake, 'Xếp hạng'))).toEqual(grid(result.report.tables.ranking));
    expect(valuesOf(sheetNamed(fake, 'Kiểm tra'))).toEqual(grid(result.report.tables.problems));
    const ratio = sheetNamed(fake, 'Tỷ lệ');
    const headerRow = result.report.tables.ratio.title.length;
    expect(ratio?.frozenRowCount).toBe(headerRow + 1);
    expect(ratio?.formats[headerRow]?.[0]?.textFormat?.bold).toBe(true);
    const ratioColumn = result.report.tables.ratio.header.indexOf('Tỷ lệ');
    expect(ratio?.formats[headerRow + 1]?.[ratioColumn]?.numberFormat?.pattern).toBe('0.00%');
  });

  test('the hand-computed province through the Google path matches the xlsx figures', async () => {
    const state: FakeSpreadsheet = {
      spreadsheetId: ID,
      locale: 'vi_VN',
      sheets: [
        fakeSheet(0, 'Cấu hình', SETTINGS),
        fakeSheet(1, 'Đơn vị', UNITS),
        fakeSheet(2, 'Danh mục DVC', CATALOGUE),
      ],
    };
    fake = await startFakeSheets({ spreadsheet: state, token: TOKEN });
    const portalGrid = [
      [
        'Kỳ',
        'Mã đơn vị',
        'Tổng số hồ sơ đã giải quyết',
        'Số hồ sơ giải quyết trực tuyến mức độ 3, 4',
        'Số TTHC',
        'Cập nhật lúc',
      ],
      ['01/2020', 'SNV', 150, 30, 2, ''],
      ['01/2020', 'XHS', 30, 9, 1, ''],
    ];
    fake.spreadsheet.sheets.push(fakeSheet(3, 'Dữ liệu Cổng DVC', portalGrid));
    await runSync({
      workbook: await workbookOn(fake),
      sources: null,
      through: null,
      dryRun: false,
      now: () => NOW,
    });
    const rows = valuesOf(sheetNamed(fake, 'Tỷ lệ'));
    const header = rows.find((r) => r[0] === 'Mã đơn vị') as string[];
    const snv = rows.find((r) => r[0] === 'SNV') ?? [];
    expect(snv[header.indexOf('Tỷ lệ')]).toBeCloseTo(EXPECTED_RATIO.SNV.ratio, 12);
    expect(snv[header.indexOf('Hồ sơ cần thêm')]).toBe(EXPECTED_RATIO.SNV.needed);
    // Without a portal option the portal tab is kept as it was.
    expect(valuesOf(sheetNamed(fake, 'Dữ liệu Cổng DVC'))).toEqual(
      portalGrid.map((r) => (r[0] === 'Kỳ' ? r : r.slice(0, 5))),
    );
  });

  test('batchUpdate is atomic in the fake: one bad request changes nothing and returns 400', async () => {
    fake = await startFakeSheets({ spreadsheet: spreadsheet(2), token: TOKEN });
    const sheets = google.sheets({ version: 'v4', auth: await oauthClient(), rootUrl: fake.rootUrl });
    const error = await sheets.spreadsheets
      .batchUpdate(
        {
          spreadsheetId: ID,
          requestBody: {
            requests: [
              { addSheet: { properties: { sheetId: 77, title: 'Tỷ lệ' } } },
              { updateCells: { start: { sheetId: 999 }, rows: [], fields: 'userEnteredValue' } },
            ],
          },
        },
        { fetchImplementation: fetch, retry: false },
      )
      .catch((e: unknown) => e);
    expect((error as { status?: number }).status).toBe(400);
    expect((error as { response?: { data?: unknown } }).response?.data).toEqual({
      error: { code: 400, message: 'Invalid requests[1]: No grid with id: 999', status: 'INVALID_ARGUMENT' },
    });
    expect(sheetNamed(fake, 'Tỷ lệ')).toBeUndefined();
  });

  test('a rejected write leaves every output tab as it was and logs one failure row', async () => {
    fake = await startFakeSheets({
      spreadsheet: spreadsheet(3),
      token: TOKEN,
      fault: (r) =>
        r.method === 'POST' && fake?.requests.filter((x) => x.method === 'POST').length === 1
          ? { code: 400, message: 'Invalid requests[3].updateCells: bad', status: 'INVALID_ARGUMENT' }
          : undefined,
    });
    const error = await runSync({
      workbook: await workbookOn(fake),
      sources: null,
      through: null,
      dryRun: false,
      now: () => NOW,
    }).catch((e: unknown) => e);
    expect(isSyncError(error) && error.code).toBe('INVALID_REQUEST');
    expect(sheetNamed(fake, 'Tỷ lệ')).toBeUndefined();
    const log = valuesOf(sheetNamed(fake, 'Nhật ký đồng bộ'));
    expect(log).toHaveLength(2);
    expect(log[1]?.[1]).toBe('Thất bại');
    expect(String(log[1]?.[5])).toMatch(/Google Sheets từ chối yêu cầu ghi/);
  });

  test('503 and resets are retried for POST as for GET; 429 too', async () => {
    let posts = 0;
    let gets = 0;
    fake = await startFakeSheets({
      spreadsheet: spreadsheet(2),
      token: TOKEN,
      fault: (r) => {
        if (r.method === 'POST') {
          posts++;
          if (posts === 1)
            return { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' };
          if (posts === 2) return 'reset';
        } else {
          gets++;
          if (gets === 1) return { code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' };
        }
        return undefined;
      },
    });
    const workbook = await workbookOn(fake);
    await runSync({ workbook, sources: null, through: null, dryRun: false, now: () => NOW });
    expect(fake.requests.map(label)).toEqual([
      'get',
      'get',
      'get cells',
      // The write marker's batch: 503, then no answer (it may have committed, so the tab list is read
      // again and the batch rebuilt from it), then the write.
      'batchUpdate',
      'batchUpdate',
      'get',
      'batchUpdate',
      'batchUpdate',
    ]);
    expect(valuesOf(sheetNamed(fake, 'Tỷ lệ')).length).toBeGreaterThan(2);
  });

  test('errors become stable codes with one clear Vietnamese line, never the token', async () => {
    const cases: [Partial<Parameters<typeof startFakeSheets>[0]>, string, string, RegExp][] = [
      [{ readOnly: true }, TOKEN, 'PERMISSION_DENIED', /không có quyền sửa bảng tính/],
      [{}, 'ya29.wrong-token', 'AUTH', /Google từ chối thông tin đăng nhập/],
      [
        { fault: () => ({ code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' }) },
        TOKEN,
        'NOT_FOUND',
        /Không tìm thấy bảng tính/,
      ],
      [
        { fault: () => ({ code: 429, message: 'Quota exceeded', status: 'RESOURCE_EXHAUSTED' }) },
        TOKEN,
        'QUOTA',
        /hạn mức/,
      ],
      [
        { fault: () => ({ code: 500, message: 'Internal error', status: 'INTERNAL' }) },
        TOKEN,
        'UNAVAILABLE',
        /tạm thời/,
      ],
    ];
    for (const [options, token, code, message] of cases) {
      fake = await startFakeSheets({ spreadsheet: spreadsheet(2), token: TOKEN, ...options });
      const error = (await runSync({
        workbook: await workbookOn(fake, token),
        sources: null,
        through: null,
        dryRun: false,
        now: () => NOW,
      }).catch((e: unknown) => e)) as SyncError;
      expect(error.code).toBe(code);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(token);
      expect(error.message).not.toMatch(/\n/);
      await fake.close();
      fake = null;
    }
  });

  test('the CLI bundle on a Google Sheet: SHEETS_API_ROOT and GOOGLE_OAUTH_ACCESS_TOKEN, 4 requests', async () => {
    fake = await startFakeSheets({ spreadsheet: spreadsheet(20), token: TOKEN });
    const root = fake.rootUrl;
    const result = await runCli(['--workbook', `https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`], {
      env: {
        SHEETS_API_ROOT: root,
        GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN,
        GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent/key.json',
      },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Google Sheets: 4 yêu cầu\./);
    expect(fake.requests).toHaveLength(4);
    expect(valuesOf(sheetNamed(fake, 'Nhật ký đồng bộ'))[1]?.[1]).toBe('Thành công');
  });
});
