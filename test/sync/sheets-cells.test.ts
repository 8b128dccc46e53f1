// Google Sheet cells → core cells: a date cell reads as the instant Apps Script gives, so the Google path, the
// xlsx path and the add-in's core agree on a date typed in a count column, in any locale.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { google } from 'googleapis';
import { buildReport, type Cell, type Report, tableToGrid, type WorkbookInput } from '../../src/core';
import { runSync } from '../../sync/run';
import { GoogleSheetWorkbook } from '../../sync/workbook/google-sheet';
import { cellOfSheets, GRID_FIELDS, gridOfGridData } from '../../sync/workbook/sheets-cells';
import { XlsxWorkbook } from '../../sync/workbook/xlsx';
import {
  type FakeCell,
  type FakeSheets,
  type FakeSpreadsheet,
  fakeSheet,
  fieldPaths,
  maskResponse,
  requestLabel,
  startFakeSheets,
  valuesOf,
} from '../fakes/sheets-api/server';
import { CATALOGUE, instantRetry, SETTINGS, UNITS } from './fixtures';

const TOKEN = 'ya29.sheets-cells-token';
const ID = '1SheetsCellsSheetId0123456789abcdefgh';
const NOW = new Date('2020-11-15T03:00:00Z');
const noRetry = instantRetry(1);

describe('cellOfSheets', () => {
  test('numbers shown as a date, date-time or time become the instant of that wall-clock time in Vietnam', () => {
    const date = (numberValue: number, type: string) => ({
      effectiveValue: { numberValue },
      effectiveFormat: { numberFormat: { type } },
    });
    // 44105 is 1/10/2020; midnight in Vietnam is 17:00 UTC the day before, as Apps Script's Date.
    expect(cellOfSheets(date(44105, 'DATE'))).toEqual(new Date('2020-09-30T17:00:00Z'));
    // 31/10/2020 23:30 stays in October in Vietnam.
    expect(cellOfSheets(date(44135 + 23.5 / 24, 'DATE_TIME'))).toEqual(new Date('2020-10-31T16:30:00Z'));
    expect(cellOfSheets(date(0.5, 'TIME'))).toEqual(new Date('1899-12-30T05:00:00Z'));
    // The same serial under a number format stays a number.
    expect(cellOfSheets(date(44105, 'NUMBER'))).toBe(44105);
    expect(cellOfSheets(date(0.25, 'PERCENT'))).toBe(0.25);
    expect(cellOfSheets({ effectiveValue: { numberValue: 1000 } })).toBe(1000);
  });

  test('text stays text, booleans booleans, errors their text, empty cells null', () => {
    expect(cellOfSheets({ effectiveValue: { stringValue: '1.000' } })).toBe('1.000');
    expect(cellOfSheets({ effectiveValue: { stringValue: '01/2020' } })).toBe('01/2020');
    expect(cellOfSheets({ effectiveValue: { boolValue: false } })).toBe(false);
    expect(cellOfSheets({ effectiveValue: { errorValue: { type: 'N_A', message: 'x' } } })).toBe('#N/A');
    expect(cellOfSheets({ effectiveValue: { errorValue: { type: 'DIVIDE_BY_ZERO' } } })).toBe('#DIV/0!');
    expect(cellOfSheets({ effectiveValue: { errorValue: { type: 'SOMETHING_NEW' } } })).toBe('#ERROR!');
    expect(cellOfSheets({})).toBeNull();
    expect(cellOfSheets(undefined)).toBeNull();
  });

  test('grid data with offsets, empty rows and trailing empty cells', () => {
    expect(
      gridOfGridData({
        startRow: 1,
        startColumn: 1,
        rowData: [
          { values: [{ effectiveValue: { stringValue: 'a' } }, {}] },
          {},
          { values: [{}, { effectiveValue: { numberValue: 2 } }] },
          {},
        ],
      }),
    ).toEqual([[], [null, 'a'], [], [null, null, 2]]);
    expect(gridOfGridData(undefined)).toEqual([]);
  });
});

describe('Sheets fake: spreadsheets.get with ranges, grid data and a field mask', () => {
  test('only the named tabs, only the masked fields, the same values in vi_VN and en_US', async () => {
    const answers: unknown[] = [];
    for (const locale of ['vi_VN', 'en_US'] as const) {
      const fake = await startFakeSheets({
        token: TOKEN,
        spreadsheet: {
          spreadsheetId: ID,
          locale,
          sheets: [
            fakeSheet(1, 'Cấu hình', [['Tham số']]),
            fakeSheet(2, "Nhập liệu của 'Sở'", [
              ['Kỳ', 'Tổng'],
              [
                { kind: 'date', value: 44105 },
                { kind: 'number', value: 1234.5 },
              ],
              [{ kind: 'error', value: '#N/A' }, true],
            ]),
          ],
        },
      });
      try {
        const client = google.sheets({ version: 'v4', rootUrl: fake.rootUrl });
        const { data } = await client.spreadsheets.get(
          {
            spreadsheetId: ID,
            ranges: ["'Nhập liệu của ''Sở'''"],
            includeGridData: true,
            fields: GRID_FIELDS,
          },
          { fetchImplementation: fetch, headers: { Authorization: `Bearer ${TOKEN}` } },
        );
        answers.push(data);
        expect(requestLabel(fake.requests[0] as never)).toBe('get cells');
        // What a clerk sees differs by locale; the same call without a mask shows it.
        const full = await client.spreadsheets.get(
          { spreadsheetId: ID, ranges: ["'Nhập liệu của ''Sở'''"], includeGridData: true },
          { fetchImplementation: fetch, headers: { Authorization: `Bearer ${TOKEN}` } },
        );
        const shown = full.data.sheets?.[0]?.data?.[0]?.rowData?.[1]?.values?.map((v) => v.formattedValue);
        expect(shown).toEqual(locale === 'vi_VN' ? ['01/10/2020', '1.234,5'] : ['10/1/2020', '1,234.5']);
      } finally {
        await fake.close();
      }
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toEqual({
      sheets: [
        {
          properties: { sheetId: 2, title: "Nhập liệu của 'Sở'" },
          data: [
            {
              startRow: 0,
              startColumn: 0,
              rowData: [
                {
                  values: [
                    { effectiveValue: { stringValue: 'Kỳ' } },
                    { effectiveValue: { stringValue: 'Tổng' } },
                  ],
                },
                {
                  values: [
                    {
                      effectiveValue: { numberValue: 44105 },
                      effectiveFormat: { numberFormat: { type: 'DATE' } },
                    },
                    { effectiveValue: { numberValue: 1234.5 } },
                  ],
                },
                {
                  values: [
                    { effectiveValue: { errorValue: { type: 'N_A', message: 'Error: #N/A' } } },
                    { effectiveValue: { boolValue: true } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
  });

  test('field masks project nested lists; a mask without data returns no grid data', () => {
    const value = { a: [{ b: 1, c: { d: 2, e: 3 } }, { b: 4 }], f: 5 };
    expect(maskResponse(value, fieldPaths('a(c.d)'))).toEqual({ a: [{ c: { d: 2 } }, {}] });
    expect(maskResponse(value, fieldPaths('a.b,f'))).toEqual({ a: [{ b: 1 }, { b: 4 }], f: 5 });
  });
});

// The same province three ways: a clerk of STP typed 1/10 into the total of October (a date), and Kỳ
// is a date cell in two rows.
type Plain = string | number | { readonly date: readonly [number, number, number] };
const ENTRY_ROWS: Plain[][] = [
  ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4'],
  [{ date: [2020, 9, 15] }, 'STP', 40, 10],
  [{ date: [2020, 10, 1] }, 'STP', { date: [2020, 10, 1] }, 5],
  ['10/2020', 'SNV', 1000, '250'],
];
const floating = ([y, m, d]: readonly [number, number, number]) => new Date(Date.UTC(y, m - 1, d));
const SERIAL_1_10_2020 = 44105;

/** The grid as Apps Script's getValues gives it: date cells are instants (midnight in Vietnam). */
const appsScriptGrid = (rows: Plain[][]): Cell[][] =>
  rows.map((row) =>
    row.map((v) => (typeof v === 'object' ? new Date(floating(v.date).getTime() - 7 * 3_600_000) : v)),
  );

function googleSheet(locale: FakeSpreadsheet['locale']): FakeSpreadsheet {
  const entries = ENTRY_ROWS.map((row) =>
    row.map((v): unknown =>
      typeof v === 'object'
        ? ({ kind: 'date', value: floating(v.date).getTime() / 86_400_000 + 25569 } satisfies FakeCell)
        : v,
    ),
  );
  return {
    spreadsheetId: ID,
    locale,
    sheets: [
      fakeSheet(0, 'Cấu hình', SETTINGS),
      fakeSheet(1, 'Đơn vị', UNITS),
      fakeSheet(2, 'Nhập liệu', entries),
      fakeSheet(3, 'Danh mục DVC', CATALOGUE),
    ],
  };
}

const TABLES = ['ratio', 'ranking', 'problems', 'reconciliation', 'overview'] as const;
const gridsOf = (report: Report) => TABLES.map((name) => tableToGrid(report.tables[name]));

describe('a date typed in a count column', () => {
  let dir: string;
  let fake: FakeSheets | null = null;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'dvc-sheets-cells-'));
  });
  afterEach(async () => {
    await fake?.close();
    fake = null;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the Google path (vi_VN and en_US), the xlsx path and the core fed Apps Script Dates agree', async () => {
    // The core as the add-in feeds it.
    const input: WorkbookInput = {
      settings: SETTINGS,
      units: UNITS,
      entries: appsScriptGrid(ENTRY_ROWS),
      catalogue: CATALOGUE,
    };
    const core = buildReport(input, { now: NOW });
    // (HLS's target below the floor is a warning in every path alike.)
    const problems = core.tables.problems.rows
      .filter((row) => row[0] === 'Nhập liệu')
      .map((row) => row.slice(0, 5));
    expect(problems).toEqual([['Nhập liệu', 'C3', 'STP', '10/2020', 'Lỗi']]);
    const stp = core.tables.ratio.rows.find((row) => row[0] === 'STP') ?? [];
    // September counts (10 of 40); October's row is an error, not 44,105 dossiers.
    expect(stp.slice(4, 9)).toEqual([40, 10, 0.25, 0.25, 'Số liệu lỗi']);
    const snv = core.tables.ratio.rows.find((row) => row[0] === 'SNV') ?? [];
    expect(snv.slice(4, 7)).toEqual([1000, 250, 0.25]);

    // The Google path, in both locales: the cells as written to the sheet too.
    const written: unknown[][][][] = [];
    for (const locale of ['vi_VN', 'en_US'] as const) {
      fake = await startFakeSheets({ spreadsheet: googleSheet(locale), token: TOKEN });
      // The trap is real: the old read (values.batchGet, UNFORMATTED_VALUE) gives the date as 44105.
      const client = google.sheets({ version: 'v4', rootUrl: fake.rootUrl });
      const raw = await client.spreadsheets.values.batchGet(
        { spreadsheetId: ID, ranges: ["'Nhập liệu'"], valueRenderOption: 'UNFORMATTED_VALUE' },
        { fetchImplementation: fetch, headers: { Authorization: `Bearer ${TOKEN}` } },
      );
      expect(raw.data.valueRanges?.[0]?.values?.[2]?.[2]).toBe(SERIAL_1_10_2020);
      const auth = new google.auth.OAuth2();
      auth.setCredentials({ access_token: TOKEN });
      const workbook = new GoogleSheetWorkbook({
        spreadsheetId: ID,
        auth,
        rootUrl: fake.rootUrl,
        retry: noRetry,
        timeoutMs: 10_000,
      });
      const before = fake.requests.length;
      const result = await runSync({ workbook, sources: null, through: null, dryRun: false, now: () => NOW });
      // Two reads, the write marker, the write.
      expect(fake.requests.slice(before).map(requestLabel)).toEqual([
        'get',
        'get cells',
        'batchUpdate',
        'batchUpdate',
      ]);
      expect(gridsOf(result.report)).toEqual(gridsOf(core));
      written.push(
        ['Tỷ lệ', 'Xếp hạng', 'Kiểm tra', 'Đối chiếu', 'Tổng hợp'].map((tab) =>
          valuesOf(fake?.spreadsheet.sheets.find((s) => s.title === tab)),
        ),
      );
      await fake.close();
      fake = null;
    }
    expect(written[0]).toEqual(written[1]);
    const problemsTab = written[0]?.[2] ?? [];
    expect(problemsTab.filter((row) => row[0] === 'Nhập liệu').map((row) => row.slice(0, 5))).toEqual(
      problems,
    );

    // The xlsx path: exceljs date cells (floating), through the same sync.
    const book = new ExcelJS.Workbook();
    const tabs: Record<string, unknown[][]> = {
      'Cấu hình': SETTINGS,
      'Đơn vị': UNITS,
      'Nhập liệu': ENTRY_ROWS.map((row) => row.map((v) => (typeof v === 'object' ? floating(v.date) : v))),
      'Danh mục DVC': CATALOGUE,
    };
    for (const [name, rows] of Object.entries(tabs)) book.addWorksheet(name).addRows(rows);
    const path = join(dir, 'tinh.xlsx');
    await book.xlsx.writeFile(path);
    const xlsx = await runSync({
      workbook: new XlsxWorkbook(path, () => NOW),
      sources: null,
      through: null,
      dryRun: false,
      now: () => NOW,
    });
    expect(gridsOf(xlsx.report)).toEqual(gridsOf(core));
  });
});
