// Portal export files (.csv, .xlsx) read by header text; a bad row fails with file:row.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parseOptions } from '../../sync/options';
import { readExportFile } from '../../sync/portal/export-file';
import { monthsToFetch } from '../../sync/run';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const HEADER = 'Kỳ,Mã đơn vị,Mã TTHC,Tổng số hồ sơ đã giải quyết,Số hồ sơ giải quyết trực tuyến';

describe('readExportFile', () => {
  test('CSV with a BOM, columns in another order, quoted thousands, an extra column', async () => {
    const file = join(dir, 'a.csv');
    writeFileSync(
      file,
      '\uFEFFGhi chú,Mã TTHC,Kỳ,Mã đơn vị,Số hồ sơ giải quyết trực tuyến,Tổng số hồ sơ đã giải quyết\n' +
        'x,1.000456,Tháng 10/2020,H28.01,35,"1,234"\n\n' +
        ',,2020-11,H28.02,0,7\n',
    );
    const read = await readExportFile(file);
    expect(read.records).toEqual([
      { agencyCode: 'H28.01', procedureCode: '1.000456', year: 2020, month: 10, resolved: 1234, online: 35 },
      { agencyCode: 'H28.02', procedureCode: '', year: 2020, month: 11, resolved: 7, online: 0 },
    ]);
  });

  test('semicolon CSV from Excel in a Vietnamese locale, NFD header text', async () => {
    const file = join(dir, 'b.csv');
    writeFileSync(
      file,
      `${HEADER.replace(/,/g, ';').normalize('NFD')}\r\n10/2020;H28.01;1.000456;1.234;35\r\n`,
    );
    const read = await readExportFile(file);
    expect(read.records[0]).toMatchObject({ resolved: 1234, online: 35, month: 10 });
  });

  test('XLSX with a date cell for Kỳ and a title row above the header', async () => {
    const file = join(dir, 'c.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Export');
    sheet.addRow(['Báo cáo xuất từ Cổng DVC']);
    sheet.addRow(HEADER.split(','));
    sheet.addRow([new Date(Date.UTC(2020, 9, 1)), 'H28.03', '1.000532', 120, 35]);
    await workbook.xlsx.writeFile(file);
    const read = await readExportFile(file);
    expect(read.records).toEqual([
      { agencyCode: 'H28.03', procedureCode: '1.000532', year: 2020, month: 10, resolved: 120, online: 35 },
    ]);
  });

  test.each([
    ['10/2020,H28.01,1.000456,12,13', /c\.csv:2: .*lớn hơn tổng số/],
    ['13/2020,H28.01,1.000456,12,1', /c\.csv:2: kỳ "13\/2020"/],
    ['10/2020,,1.000456,12,1', /c\.csv:2: thiếu mã đơn vị/],
    ['10/2020,H28.01,1.000456,-3,1', /c\.csv:2: "-3"/],
    ['10/2020,H28.01,1.000456,12,1\n10/2020,H28.01,1.000456,5,1', /c\.csv:3: trùng .* dòng 2/],
  ])('a bad row fails with file:row (%s)', async (rows, message) => {
    const file = join(dir, 'c.csv');
    writeFileSync(file, `${HEADER}\n${rows}\n`);
    await expect(readExportFile(file)).rejects.toMatchObject({
      code: 'PORTAL_FILE',
      message: expect.stringMatching(message),
    });
  });

  test('a missing column, a missing file and a wrong extension are clear errors', async () => {
    const file = join(dir, 'd.csv');
    writeFileSync(file, 'Kỳ,Mã đơn vị,Mã TTHC,Tổng số hồ sơ đã giải quyết\n10/2020,H28.01,1,2\n');
    await expect(readExportFile(file)).rejects.toThrow(/thiếu cột "Số hồ sơ giải quyết trực tuyến"/);
    await expect(readExportFile(join(dir, 'none.csv'))).rejects.toThrow(/Không đọc được tệp/);
    await expect(readExportFile(join(dir, 'e.xls'))).rejects.toMatchObject({ code: 'USAGE' });
  });
});

describe('months and options', () => {
  const now = new Date('2026-11-25T22:00:00Z'); // 26/11/2026 05:00 in Vietnam
  test('months of Năm up to --through, else the current month, December for a past year, none ahead', () => {
    expect(monthsToFetch(2020, { year: 2020, month: 3 }, now)).toHaveLength(3);
    expect(monthsToFetch(2020, null, now)).toHaveLength(12);
    expect(monthsToFetch(2026, null, now)).toHaveLength(11);
    expect(monthsToFetch(2026, null, new Date('2026-11-30T17:30:00Z'))).toHaveLength(12); // 1/12 00:30 local
    expect(monthsToFetch(2027, null, now)).toHaveLength(0);
  });

  test('options: workbook kinds, repeatable --portal-file, profiles', () => {
    const options = parseOptions([
      '--workbook',
      'https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz012/edit#gid=0',
      '--portal-file',
      'a.csv',
      '--portal-file',
      'b.xlsx',
      '--profile',
      'aggregated',
      '--through',
      '2020-10',
    ]);
    expect(options).toMatchObject({
      workbook: { kind: 'google', spreadsheetId: '1AbCdEfGhIjKlMnOpQrStUvWxYz012' },
      portalFiles: ['a.csv', 'b.xlsx'],
      profile: { name: 'aggregated' },
      through: { year: 2020, month: 10 },
    });
    expect(parseOptions(['--workbook', 'out/t.xlsx'])).toMatchObject({
      workbook: { kind: 'xlsx' },
      retries: 4,
    });
    expect(() => parseOptions(['--workbook', 'a.xlsx', '--profile', 'nope'])).toThrow(/dossiers, aggregated/);
    expect(() => parseOptions(['--workbook', 'a.xlsx', '--portal', 'ftp://x'])).toThrow(/--portal/);
  });
});
