// Saving a local workbook keeps what the product does not own (issue 13, break 2), through the built CLI.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { renderPng } from '../../sync/report/chart';
import { readXlsxTabs, writeProvinceXlsx } from './fixtures';
import { runCli } from './run-cli';
import { addUserParts } from './user-parts';
import { sheetPartOf, sheetXmlOf, text, zipOf } from './xlsx-parts';

const sync = (args: string[]) => runCli(args, { timeout: 120_000 });

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-xlsx-package-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const LOGO = renderPng(
  '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><circle cx="20" cy="20" r="18" fill="#c00"/></svg>',
).png;

describe('a sync of a workbook with the office’s own chart, picture, table and name', () => {
  test('keeps every user part byte for byte, run after run, and replaces only the output tabs', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    const parts = await addUserParts(book, LOGO);
    const inputBefore = await sheetXmlOf(book, 'Nhập liệu');

    const styles: string[] = [];
    for (let run = 1; run <= 3; run++) {
      const result = await sync(['--workbook', book, '--through', '2020-03']);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const zip = await zipOf(book);
      for (const [part, bytes] of parts) {
        const kept = await zip.file(part)?.async('nodebuffer');
        expect({ part, same: kept?.equals(bytes) }).toEqual({ part, same: true });
      }
      const types = await text(zip, '[Content_Types].xml');
      expect(types).toContain('PartName="/xl/charts/chart1.xml"');
      expect(types).toContain('PartName="/xl/tables/table1.xml"');
      expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
      const workbook = await text(zip, 'xl/workbook.xml');
      expect(workbook).toContain(`<definedName name="ChiTieuDonVi">'Đơn vị'!$E$2:$E$5</definedName>`);
      // Input tabs untouched; output tabs written (Tỷ lệ has its four units).
      expect(await text(zip, await sheetPartOf(zip, 'Nhập liệu'))).toBe(inputBefore);
      const read = new ExcelJS.Workbook();
      await read.xlsx.load(readFileSync(book) as unknown as ExcelJS.Buffer);
      const codes: unknown[] = [];
      read.getWorksheet('Tỷ lệ')?.eachRow((row, index) => {
        if (index > 3) codes.push(row.getCell(1).value);
      });
      expect(codes.sort()).toEqual(['HLS', 'SNV', 'STP', 'XHS']);
      expect(read.getWorksheet('Nhật ký đồng bộ')?.rowCount).toBe(1 + run);
      // One chart image of the product, whatever the number of runs, beside the office's logo.
      const media = Object.keys(zip.files).filter((name) => /^xl\/media\/./.test(name));
      expect(media).toHaveLength(2);
      expect(media).toContain('xl/media/logo-tinh.png');
      expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      styles.push(await text(zip, 'xl/styles.xml'));
    }
    // The output tabs' styles are added once and then reused: the styles part does not grow nightly.
    expect(styles[2]).toBe(styles[1]);
  });

  test('a user tab is never rewritten: its styles, shared strings and formulas stay as saved', async () => {
    const book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(book);
      const own = workbook.addWorksheet('Báo cáo tháng');
      own.getCell('A1').value = 'Tổng hồ sơ';
      own.getCell('A1').font = { name: 'Times New Roman', italic: true, size: 14 };
      own.getCell('B1').value = { formula: "SUM('Nhập liệu'!C2:C10)", result: 20 };
      own.getCell('B1').numFmt = '#,##0" hồ sơ"';
      await workbook.xlsx.writeFile(book);
    }
    const zip = await zipOf(book);
    const sheetBefore = await text(zip, await sheetPartOf(zip, 'Báo cáo tháng'));
    const stringsBefore = await text(zip, 'xl/sharedStrings.xml');
    const result = await sync(['--workbook', book]);
    expect(result.code).toBe(0);
    const after = await zipOf(book);
    expect(await text(after, await sheetPartOf(after, 'Báo cáo tháng'))).toBe(sheetBefore);
    expect(await text(after, 'xl/sharedStrings.xml')).toBe(stringsBefore);
    // Read back: the same font and format (the style indexes still point at the same styles).
    const read = new ExcelJS.Workbook();
    await read.xlsx.readFile(book);
    const cell = read.getWorksheet('Báo cáo tháng')?.getCell('A1');
    expect(cell?.value).toBe('Tổng hồ sơ');
    expect(cell?.font).toMatchObject({ name: 'Times New Roman', italic: true, size: 14 });
    expect(read.getWorksheet('Báo cáo tháng')?.getCell('B1').numFmt).toBe('#,##0" hồ sơ"');
    expect(read.getWorksheet('Báo cáo tháng')?.getCell('B1').value).toMatchObject({
      formula: "SUM('Nhập liệu'!C2:C10)",
    });
    // The output tabs' own look came through the merged styles.
    const header = read.getWorksheet('Tỷ lệ')?.getRow(3).getCell(1);
    expect(header?.font).toMatchObject({ name: 'Arial', bold: true });
    expect(read.getWorksheet('Tỷ lệ')?.getRow(4).getCell(7).numFmt).toBe('0.00%');
  });
});

test('a comment inside workbook.xml’s <sheets> naming Tỷ lệ with Đơn vị’s relationship: Tỷ lệ is written as its own tab, Đơn vị byte for byte', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  const zip = await zipOf(book);
  const workbookXml = await text(zip, 'xl/workbook.xml');
  const units = await sheetPartOf(zip, 'Đơn vị');
  const rid = /<sheet [^>]*name="Đơn vị"[^>]*r:id="([^"]+)"/.exec(workbookXml)?.[1];
  expect(rid).toBeDefined();
  // What an editor's tool or a person might leave: an old entry commented out, before the real ones.
  zip.file(
    'xl/workbook.xml',
    workbookXml.replace(/<sheets>/, `<sheets><!-- <sheet name="Tỷ lệ" sheetId="90" r:id="${rid}"/> -->`),
  );
  writeFileSync(book, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  const unitsBefore = await text(await zipOf(book), units);
  const result = await sync(['--workbook', book]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const after = await zipOf(book);
  expect(await text(after, units)).toBe(unitsBefore);
  expect(await sheetPartOf(after, 'Đơn vị')).toBe(units);
  const ratio = await sheetPartOf(after, 'Tỷ lệ');
  expect(ratio).not.toBe(units);
  const tabs = await readXlsxTabs(book);
  expect(tabs.get('Đơn vị')?.[1]?.slice(0, 2)).toEqual(['SNV', 'Sở Nội vụ']);
  expect((tabs.get('Tỷ lệ') ?? []).flat()).toEqual(expect.arrayContaining(['HLS', 'SNV', 'STP', 'XHS']));
  // The comment is the office's: it stays.
  expect(await text(after, 'xl/workbook.xml')).toContain(
    `<!-- <sheet name="Tỷ lệ" sheetId="90" r:id="${rid}"/> -->`,
  );
});
