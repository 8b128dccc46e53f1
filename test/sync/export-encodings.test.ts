// Export files as offices have them (§8.3): encodings, two-row headers, a columns mapping, rows without Mã TTHC.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { SyncError } from '../../sync/errors';
import { readExportFile } from '../../sync/portal/export-file';
import { resolveProfile } from '../../sync/portal/profiles';
import { readXlsxTabs, records, windows1258, writeProvinceXlsx } from './fixtures';
import { runCli } from './run-cli';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-encodings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const TEXT =
  'Kỳ;Mã đơn vị;Mã TTHC;Tổng số hồ sơ đã giải quyết;Số hồ sơ giải quyết trực tuyến;Ghi chú\r\n' +
  'Tháng 10/2020;H28.01;1.000456;1.234;35;Sở Nội vụ đã rà soát\r\n' +
  '11/2020;H28.02;1.000532;7;0;Phường Hữu Nghị\r\n';
const EXPECTED = [
  { agencyCode: 'H28.01', procedureCode: '1.000456', year: 2020, month: 10, resolved: 1234, online: 35 },
  { agencyCode: 'H28.02', procedureCode: '1.000532', year: 2020, month: 11, resolved: 7, online: 0 },
];

const ENCODED: [string, () => Buffer][] = [
  ['UTF-8 without BOM', () => Buffer.from(TEXT, 'utf8')],
  ['UTF-8 with BOM', () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])],
  ['UTF-8 in NFD', () => Buffer.from(TEXT.normalize('NFD'), 'utf8')],
  ['UTF-16 LE with BOM', () => Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')])],
  ['UTF-16 BE with BOM', () => Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(TEXT, 'utf-16be')])],
  ['Windows-1258', () => windows1258(TEXT)],
];

describe('export file encodings', () => {
  test.each(ENCODED)('%s is read as it is', async (_, bytes) => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, bytes());
    const read = await readExportFile(file);
    expect(read.records).toEqual(EXPECTED);
  });

  test('Windows-1258 decodes to NFC text', async () => {
    // Tone marks as combining characters in the file, as Windows-1258 writes them; the code comes out composed.
    const bytes = windows1258(
      'Kỳ;Mã đơn vị;Mã TTHC;Tổng số hồ sơ đã giải quyết;Số hồ sơ giải quyết trực tuyến\r\n10/2020;Hữu Nghị;1.000456;7;2\r\n',
    );
    expect(bytes.includes(0xd2)).toBe(true); // U+0309 (hook above) as its own byte: the file is not precomposed
    const file = join(dir, 'export.csv');
    writeFileSync(file, bytes);
    const [record] = (await readExportFile(file)).records;
    expect(record?.agencyCode).toBe('Hữu Nghị');
    expect(record?.agencyCode).toBe(record?.agencyCode.normalize('NFC'));
  });

  test.each([
    ['UTF-16 without a BOM', () => iconv.encode(TEXT, 'utf-16le')],
    // TCVN3 (ABC), still common in old offices: "Kú" for Kỳ… valid 8-bit bytes that are not Vietnamese in 1258.
    [
      'TCVN3 (ABC)',
      () => Buffer.from([0x4b, 0xfa, 0x3b, 0x4d, 0xb8, 0x20, 0xae, 0xad, 0x6e, 0x20, 0x76, 0xdb, 0x0a]),
    ],
    ['a byte Windows-1258 does not define', () => Buffer.from([0x4b, 0x81, 0x3b, 0x0a])],
  ])('%s is refused with how to save it', async (_, bytes) => {
    const file = join(dir, 'export.csv');
    writeFileSync(file, bytes());
    const error = (await readExportFile(file).catch((e: unknown) => e)) as SyncError;
    expect(error).toBeInstanceOf(SyncError);
    expect(error.code).toBe('PORTAL_FILE');
    expect(error.message).toMatch(/UTF-8, UTF-16 có BOM hoặc Windows-1258/);
    expect(error.message).toMatch(/CSV UTF-8/);
  });
});

describe('two-row headers and a columns mapping', () => {
  test('CSV: a group over two sub-columns is "Group / Sub"; a mapping names them', async () => {
    const file = join(dir, 'bao-cao.csv');
    writeFileSync(
      file,
      'Tháng báo cáo,Mã cơ quan,Mã thủ tục,Số hồ sơ đã giải quyết,\n' +
        ',,,Tổng số,Trong đó trực tuyến\n' +
        '10/2020,H28.01,1.000456,120,35\n',
    );
    const profileFile = join(dir, 'cot.json');
    writeFileSync(
      profileFile,
      JSON.stringify({
        name: 'bao-cao-tinh',
        columns: {
          Kỳ: 'Tháng báo cáo',
          'Mã đơn vị': 'Mã cơ quan',
          'Mã TTHC': 'Mã thủ tục',
          'Tổng số hồ sơ đã giải quyết': 'Số hồ sơ đã giải quyết / Tổng số',
          'Số hồ sơ giải quyết trực tuyến': 'Trong đó trực tuyến',
        },
      }),
    );
    const profile = resolveProfile(profileFile);
    const read = await readExportFile(file, profile.columns);
    expect(read.records).toEqual([
      { agencyCode: 'H28.01', procedureCode: '1.000456', year: 2020, month: 10, resolved: 120, online: 35 },
    ]);
    // Without the mapping the same file names what is missing.
    await expect(readExportFile(file)).rejects.toThrow(/không có dòng tiêu đề chứa cột "Mã đơn vị"/);
  });

  test('XLSX with merged header cells, as the official report forms are laid out', async () => {
    const file = join(dir, 'bieu-mau.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Biểu 01');
    sheet.addRow(['Kỳ', 'Mã đơn vị', 'Mã TTHC', 'Hồ sơ', null]);
    sheet.addRow([null, null, null, 'Tổng số hồ sơ đã giải quyết', 'Số hồ sơ giải quyết trực tuyến']);
    sheet.mergeCells('A1:A2');
    sheet.mergeCells('B1:B2');
    sheet.mergeCells('C1:C2');
    sheet.mergeCells('D1:E1');
    sheet.addRow(['11/2020', 'H28.02', '1.000532', 80, 20]);
    await workbook.xlsx.writeFile(file);
    const read = await readExportFile(file);
    expect(read.records).toEqual([
      { agencyCode: 'H28.02', procedureCode: '1.000532', year: 2020, month: 11, resolved: 80, online: 20 },
    ]);
  });

  test('a mapping of a column the contract does not have is refused, naming it', () => {
    const profileFile = join(dir, 'cot.json');
    writeFileSync(profileFile, JSON.stringify({ name: 'x', columns: { 'Mã cơ quan': 'A' } }));
    expect(() => resolveProfile(profileFile)).toThrow(/"columns\.Mã cơ quan"/);
  });
});

const sync = (args: string[]) => runCli(args);

describe('through the CLI', () => {
  test('rows without Mã TTHC: total counted, online not, one Kiểm tra warning per file with the count', async () => {
    const workbook = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(workbook);
    const file = join(dir, 'xuat.csv');
    writeFileSync(
      file,
      'Kỳ,Mã đơn vị,Mã TTHC,Tổng số hồ sơ đã giải quyết,Số hồ sơ giải quyết trực tuyến\n' +
        '01/2020,H28.01,1.000456,40,10\n' +
        '01/2020,H28.01,,10,9\n' +
        '02/2020,H28.01,,5,5\n',
    );
    const result = await sync(['--workbook', workbook, '--portal-file', file, '--through', '2020-02']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const tabs = await readXlsxTabs(workbook);
    const portal = records(tabs.get('Dữ liệu Cổng DVC')).map((r) => [
      r.Kỳ,
      r['Mã đơn vị'],
      r['Tổng số hồ sơ đã giải quyết'],
      r['Số hồ sơ giải quyết trực tuyến mức độ 3, 4'] ?? r['Số hồ sơ giải quyết trực tuyến'],
    ]);
    expect(portal).toEqual([
      ['01/2020', 'SNV', 50, 10],
      ['02/2020', 'SNV', 5, 0],
    ]);
    const warnings = records(tabs.get('Kiểm tra')).filter((r) =>
      String(r['Nội dung']).includes('không có Mã TTHC'),
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.['Nội dung']).toMatch(/2 dòng không có Mã TTHC/);
    expect(warnings[0]?.['Mức độ']).toBe('Cảnh báo');
  });

  test('a file in another encoding: exit 3, and the message says how to save it', async () => {
    const workbook = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(workbook);
    const file = join(dir, 'xuat.csv');
    writeFileSync(file, iconv.encode('Kỳ,Mã đơn vị\n', 'utf-16le'));
    const result = await sync(['--workbook', workbook, '--portal-file', file]);
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/CSV UTF-8/);
  });
});
