// Issue 19: an export that cannot be read says the real cause and the fix (columns, old .xls, TCVN3).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type { SyncError } from '../../sync/errors';
import { readExportFile } from '../../sync/portal/export-file';
import { windows1258 } from './fixtures';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-export-messages-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const failure = async (file: string, columns?: Record<string, string>) =>
  (await readExportFile(file, columns).catch((e: unknown) => e)) as SyncError;

const HEADER = 'Kỳ,Mã đơn vị,Mã TTHC,Tổng số hồ sơ đã giải quyết,Số hồ sơ giải quyết trực tuyến';

describe('a header that does not read', () => {
  test('Windows-1258 with other column names: the missing columns and the mapping, not the encoding', async () => {
    const file = join(dir, 'xuat.csv');
    // "Tháng,Mã đơn vị,Mã TTHC,Tổng số,Trực tuyến" as Excel on a Vietnamese Windows saves it.
    writeFileSync(
      file,
      windows1258('Tháng,Mã đơn vị,Mã TTHC,Tổng số,Số trực tuyến\r\n10/2020,H28.01,1.000456,12,3\r\n'),
    );
    const error = await failure(file);
    expect(error.code).toBe('PORTAL_FILE');
    expect(error.message).not.toMatch(/bảng mã/);
    expect(error.message).toContain(
      'thiếu cột "Kỳ", "Tổng số hồ sơ đã giải quyết", "Số hồ sơ giải quyết trực tuyến" (dòng tiêu đề của tệp có: "Tháng", "Mã đơn vị", "Mã TTHC", "Tổng số", "Số trực tuyến")',
    );
    expect(error.message).toContain(
      '{"columns": {"Kỳ": "<tên cột trong tệp>", "Tổng số hồ sơ đã giải quyết": "<tên cột trong tệp>", "Số hồ sơ giải quyết trực tuyến": "<tên cột trong tệp>"}}',
    );
    expect(error.message).toContain('docs/portal-profiles.md');
    expect(error.message).toContain('--profile <tệp>.json');
  });

  test('no header row at all: every column named, and what the first row holds', async () => {
    const file = join(dir, 'xuat.csv');
    writeFileSync(file, 'Đơn vị,Tháng,Tổng\nH28.01,10/2020,12\n');
    const error = await failure(file);
    expect(error.message).toContain(
      'không có dòng tiêu đề chứa cột "Mã đơn vị", nên thiếu cột "Kỳ", "Mã đơn vị", "Tổng số hồ sơ đã giải quyết", "Số hồ sơ giải quyết trực tuyến" (dòng đầu tiên của tệp có: "Đơn vị", "Tháng", "Tổng")',
    );
  });
});

describe('old binary Excel (.xls)', () => {
  // An OLE2 compound file's header sector, as every .xls starts: the signature, then the rest of the sector.
  const ole2 = () =>
    Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504, 0)]);

  test.each(['bao-cao.xls', 'bao-cao.xlsx', 'bao-cao.csv'])(
    '%s holding an .xls workbook: the steps to convert it in Excel and LibreOffice',
    async (name) => {
      const file = join(dir, name);
      writeFileSync(file, ole2());
      const error = await failure(file);
      expect(error.code).toBe('PORTAL_FILE');
      expect(error.message).toContain('là tệp Excel kiểu cũ (.xls, Excel 97-2003)');
      expect(error.message).toContain('"Excel Workbook (*.xlsx)"');
      expect(error.message).toContain('"CSV UTF-8 (Comma delimited) (*.csv)"');
      expect(error.message).toContain('LibreOffice Calc');
    },
  );

  test('a missing .xls is still a wrong option', async () => {
    expect((await failure(join(dir, 'none.xls'))).code).toBe('USAGE');
  });
});

describe('TCVN3 (ABC)', () => {
  test('a header that reads as TCVN3 is named as such, with the Unikey steps', async () => {
    const file = join(dir, 'xuat.csv');
    writeFileSync(file, iconv.encode(`${HEADER}\r\n10/2020,H28.01,1.000456,12,3\r\n`, 'tcvn'));
    const error = await failure(file);
    expect(error.code).toBe('PORTAL_FILE');
    expect(error.message).toContain('được gõ bằng bảng mã TCVN3 (ABC');
    expect(error.message).toContain(
      'Công cụ chuyển mã (Ctrl+Shift+F6), chọn Nguồn "TCVN3 (ABC)", Đích "Unicode"',
    );
  });

  test('the same header in Windows-1258 is read (no false alarm)', async () => {
    const file = join(dir, 'xuat.csv');
    writeFileSync(file, windows1258(`${HEADER}\r\n10/2020,H28.01,1.000456,12,3\r\n`));
    const read = await readExportFile(file);
    expect(read.records).toEqual([
      { agencyCode: 'H28.01', procedureCode: '1.000456', year: 2020, month: 10, resolved: 12, online: 3 },
    ]);
  });

  test('an unreadable 8-bit file whose header is not recognised still gets the TCVN3 steps', async () => {
    const file = join(dir, 'xuat.csv');
    writeFileSync(file, Buffer.from([0x4b, 0x81, 0x3b, 0x0a]));
    const error = await failure(file);
    expect(error.message).toMatch(/UTF-8, UTF-16 có BOM hoặc Windows-1258/);
    expect(error.message).toContain('Nguồn "TCVN3 (ABC)", Đích "Unicode"');
  });
});
