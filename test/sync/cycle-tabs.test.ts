// Báo cáo and Diễn biến theo tháng through the built CLI: the Google Sheet gets their merges, styles and colour rules in its one write (again on a second run, never piled up), the .xlsx the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { type FakeSheets, fakeSheet, startFakeSheets, valuesOf } from '../fakes/sheets-api/server';
import { CATALOGUE, SETTINGS, UNITS, writeProvinceXlsx } from './fixtures';
import { runCli } from './run-cli';

const TOKEN = 'ya29.cycle-test-token';
const ID = '1CycleTabsSpreadsheet0123456789abcdefghij';

/** SNV and HLS report January–March, STP January–February, XHS nothing. */
const ENTRIES = [
  ['Kỳ', 'Mã đơn vị', 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến mức độ 3, 4', 'Ghi chú'],
  ['01/2020', 'SNV', 100, 40, ''],
  ['02/2020', 'SNV', 100, 20, ''],
  ['03/2020', 'SNV', 50, 20, ''],
  ['01/2020', 'STP', 40, 10, ''],
  ['02/2020', 'STP', 60, 30, ''],
  ['03/2020', 'STP', '', '', ''],
  ['01/2020', 'HLS', 10, 1, ''],
  ['02/2020', 'HLS', 10, 5, ''],
  ['03/2020', 'HLS', 10, 2, ''],
];
const SETTINGS_WITH_NAMES = [
  ...SETTINGS,
  ['Cơ quan chủ quản', 'UBND tỉnh Hòa Bình', ''],
  ['Địa danh', 'Hòa Bình', ''],
];

const run = (args: string[], env: Record<string, string> = {}) => runCli(args, { env });

let dir: string;
let fake: FakeSheets | null = null;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-cycle-tabs-'));
});
afterEach(async () => {
  await fake?.close();
  fake = null;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('Google Sheet: Báo cáo merged and unfrozen, Diễn biến coloured against the target, reminders in Kiểm tra; a second run replaces, never piles up', async () => {
  fake = await startFakeSheets({
    spreadsheet: {
      spreadsheetId: ID,
      locale: 'vi_VN',
      sheets: [
        fakeSheet(0, 'Cấu hình', SETTINGS_WITH_NAMES),
        fakeSheet(11, 'Đơn vị', UNITS),
        fakeSheet(12, 'Nhập liệu', ENTRIES),
        fakeSheet(13, 'Danh mục DVC', CATALOGUE),
      ],
    },
    token: TOKEN,
  });
  const env = { SHEETS_API_ROOT: fake.rootUrl, GOOGLE_OAUTH_ACCESS_TOKEN: TOKEN };
  const sheetOf = (title: string) => fake?.spreadsheet.sheets.find((s) => s.title === title);
  for (let runNo = 1; runNo <= 2; runNo++) {
    const result = await run(['--workbook', ID], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    // Per run the write marker, then the one write: the layout travels in it, no request of its own.
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2 * runNo);

    const report = sheetOf('Báo cáo');
    const grid = valuesOf(report);
    expect(grid[0]?.[0]).toBe('UBND TỈNH HÒA BÌNH');
    expect(grid[0]?.[4]).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(grid[1]?.[0]).toBe('……………………');
    expect(grid[3]?.[0]).toBe('Số:       /BC-……');
    expect(grid[5]?.[0]).toBe('BÁO CÁO');
    expect(grid[7]?.[0]).toBe('Kỳ báo cáo: từ ngày 01/01/2020 đến ngày 31/03/2020');
    expect(report?.frozenRowCount).toBe(0);
    expect(report?.merges).toContainEqual({
      sheetId: report?.sheetId,
      startRowIndex: 0,
      endRowIndex: 1,
      startColumnIndex: 4,
      endColumnIndex: 9,
    });
    expect(report?.merges?.length).toBe(19);
    expect(report?.columnWidths?.[2]).toBe(36 * 7 + 10);
    expect(report?.formats[5]?.[0]?.textFormat).toMatchObject({
      bold: true,
      fontSize: 14,
      fontFamily: 'Times New Roman',
    });
    expect(report?.formats[5]?.[0]?.horizontalAlignment).toBe('CENTER');
    // Decree 30's short rules: a bottom border under C3 and F3:G3 only, on a thin row; padding everywhere.
    const ruled = Object.entries(report?.borders ?? {})
      .filter(([, sides]) => sides.bottom === 'SOLID' && !sides.top)
      .map(([cell]) => cell)
      .sort();
    expect(ruled).toEqual(['2,2', '2,5', '2,6']);
    expect(report?.rowHeights?.[2]).toBe(5);
    expect(report?.formats[12]?.[2]?.padding).toEqual({ top: 2, right: 6, bottom: 2, left: 6 });
    expect(report?.formats[12]?.[2]?.textFormat).toMatchObject({
      fontFamily: 'Times New Roman',
      fontSize: 13,
    });
    // The ratio column keeps its percent format under the block styles.
    const snvRow = grid.findIndex((row) => row[1] === 'SNV');
    expect(report?.formats[snvRow]?.[5]?.numberFormat?.type).toBe('PERCENT');

    const monthly = sheetOf('Diễn biến theo tháng');
    const rows = valuesOf(monthly);
    const header = rows[3] ?? [];
    expect(header.slice(0, 6)).toEqual([
      'Mã đơn vị',
      'Tên đơn vị',
      'Nhóm',
      'Tháng 1/2020',
      'Tháng 2/2020',
      'Tháng 3/2020',
    ]);
    // SNV: 40/100, 20/100, 20/50 month by month; 80/250 to date.
    const snv = rows.find((row) => row[0] === 'SNV') ?? [];
    expect(snv.slice(3, 6)).toEqual([0.4, 0.2, 0.4]);
    expect(snv[15]).toBeCloseTo(80 / 250, 12);
    const rules = monthly?.conditionalFormats ?? [];
    expect(rules).toHaveLength(6);
    // The last: Chưa có số liệu in grey, as the add-in and the .xlsx show it.
    expect(rules[5]?.booleanRule?.condition?.values).toEqual([
      { userEnteredValue: '=$R5="Chưa có số liệu"' },
    ]);
    expect(rules[5]?.booleanRule?.format?.backgroundColor).toEqual({
      red: 239 / 255,
      green: 239 / 255,
      blue: 239 / 255,
    });
    expect(rules[0]?.booleanRule?.condition).toEqual({
      type: 'CUSTOM_FORMULA',
      values: [{ userEnteredValue: '=AND(ISNUMBER(D5),D5>=$Q5)' }],
    });
    expect(rules[0]?.ranges?.[0]).toMatchObject({
      startRowIndex: 4,
      endRowIndex: 8,
      startColumnIndex: 3,
      endColumnIndex: 16,
    });

    const problems = valuesOf(sheetOf('Kiểm tra')).filter((row) => row[0] === 'Nhập liệu');
    expect(problems.map((row) => row.slice(0, 5))).toEqual([
      // A unit with no row at all has no cell to point at (listed first, as whole-tab problems are).
      ['Nhập liệu', '', 'XHS', '', 'Cảnh báo'],
      ['Nhập liệu', 'C7', 'STP', '03/2020', 'Cảnh báo'],
    ]);
  }
}, 120_000);

test('.xlsx: Báo cáo merged with fixed widths, Diễn biến with formula rules Excel and LibreOffice both read', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book, {});
  // The fixture's entries replaced by the months above, and the names of the report.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  workbook.removeWorksheet((workbook.getWorksheet('Nhập liệu') as ExcelJS.Worksheet).id);
  const entries = workbook.addWorksheet('Nhập liệu');
  for (const row of ENTRIES) entries.addRow(row);
  const settings = workbook.getWorksheet('Cấu hình') as ExcelJS.Worksheet;
  settings.addRow(['Cơ quan chủ quản', 'UBND tỉnh Hòa Bình']);
  await workbook.xlsx.writeFile(book);

  expect(await run(['--workbook', book])).toMatchObject({ code: 0, stderr: '' });
  const written = new ExcelJS.Workbook();
  await written.xlsx.readFile(book);
  const report = written.getWorksheet('Báo cáo') as ExcelJS.Worksheet;
  expect(report.getCell('A1').value).toBe('UBND TỈNH HÒA BÌNH');
  expect(report.getCell('E2').value).toBe('Độc lập - Tự do - Hạnh phúc');
  const merges = (report.model as unknown as { merges: string[] }).merges;
  expect(merges).toEqual(expect.arrayContaining(['A1:D1', 'E1:I1', 'A4:D4', 'A6:I6', 'A7:I7']));
  expect(report.getColumn(3).width).toBe(36);
  expect(report.getCell('A4').value).toBe('Số:       /BC-……');
  // Số upright, not bold (Decree 30), though it sits among the title rows the writer makes bold.
  expect(report.getCell('A4').font).toMatchObject({ size: 13, name: 'Times New Roman' });
  expect(report.getCell('A4').font?.bold ?? false).toBe(false);
  expect(report.getCell('A6').font).toMatchObject({ bold: true, size: 14, name: 'Times New Roman' });
  expect(report.getCell('A6').alignment).toMatchObject({ horizontal: 'center' });
  expect(report.getCell('E2').font).toMatchObject({ bold: true, size: 13, name: 'Times New Roman' });
  expect(report.views?.[0]?.state).not.toBe('frozen');
  // The short rules under C3 and F3:G3, on a 4 pt row; padding (an indent) in the table's cells.
  expect(
    ['B3', 'C3', 'D3', 'E3', 'F3', 'G3', 'H3'].map((a1) => report.getCell(a1).border?.bottom?.style ?? ''),
  ).toEqual(['', 'thin', '', '', 'thin', 'thin', '']);
  expect(report.getRow(3).height).toBe(4);
  const snv = (() => {
    let found = 0;
    report.eachRow((row, index) => {
      if (row.getCell(2).value === 'SNV') found = index;
    });
    return found;
  })();
  expect(report.getCell(snv, 3).alignment).toMatchObject({ horizontal: 'left', indent: 1 });
  expect(report.getCell(snv, 4).alignment).toMatchObject({ horizontal: 'right', indent: 1 });
  expect(report.getCell(snv, 4).font).toMatchObject({ name: 'Times New Roman', size: 13 });

  const monthly = written.getWorksheet('Diễn biến theo tháng') as ExcelJS.Worksheet;
  // Through 03/2020: April to December (G:O) are off paper, hidden; March and the year-to-date columns not.
  expect(Array.from({ length: 18 }, (_, c) => monthly.getColumn(c + 1).hidden)).toEqual([
    ...Array(6).fill(false),
    ...Array(9).fill(true),
    ...Array(3).fill(false),
  ]);
  const formattings = (
    monthly as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }
  ).conditionalFormattings;
  expect(formattings.map((f) => [f.ref, f.rules[0]?.formulae?.[0]])).toEqual([
    ['D5:P8', 'AND(ISNUMBER(D5),D5>=$Q5)'],
    ['D5:P8', 'AND(ISNUMBER(D5),D5<$Q5)'],
    ['R5:R8', '$R5="Đạt"'],
    ['R5:R8', '$R5="Chưa đạt"'],
    ['R5:R8', '$R5="Số liệu lỗi"'],
    ['R5:R8', '$R5="Chưa có số liệu"'],
  ]);
}, 120_000);
