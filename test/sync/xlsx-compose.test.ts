// The zip-level composer of the .xlsx writer on the package details a real file brings: calc chain, names, new tabs, chart sheets.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { type OutputTable, RATIO_HEADER } from '../../src/core';
import { isSyncError } from '../../sync/errors';
import { XlsxWorkbook } from '../../sync/workbook/xlsx';
import { writeProvinceXlsx } from './fixtures';
import { sheetPartOf, text } from './xlsx-parts';

const NOW = new Date('2020-11-15T03:00:00Z');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-xlsx-compose-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const table = (tab: string, rows: (string | number)[][]): OutputTable => ({
  tab: tab as OutputTable['tab'],
  title: ['Tiêu đề & chú thích'],
  header: ['Mã đơn vị', 'Tỷ lệ'],
  rows,
  formats: ['text', 'percent'],
});

async function edit(path: string, change: (zip: JSZip) => Promise<void>): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  await change(zip);
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
}

test('a replaced tab keeps its place and id; a new tab is appended; the calc chain goes; names are sorted out', async () => {
  const book = join(dir, 'tinh.xlsx');
  // Tỷ lệ as an earlier version wrote it (the product's header, no mark): adopted, replaced in place.
  await writeProvinceXlsx(book, { 'Tỷ lệ': [['cũ'], [...RATIO_HEADER]], 'Ghi chú': [['của văn phòng']] });
  await edit(book, async (zip) => {
    let workbook = await text(zip, 'xl/workbook.xml');
    // Tỷ lệ is the fifth tab (index 4): an old print area of it, a name of the office local to it.
    workbook = workbook.replace(
      '</sheets>',
      `</sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="4">'Tỷ lệ'!$A$1:$B$9</definedName><definedName name="VungCu" localSheetId="4">'Tỷ lệ'!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="5">'Ghi chú'!$A$1:$A$3</definedName></definedNames>`,
    );
    zip.file('xl/workbook.xml', workbook);
    zip.file(
      'xl/calcChain.xml',
      '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="5"/></calcChain>',
    );
    const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    const types = await text(zip, '[Content_Types].xml');
    zip.file(
      '[Content_Types].xml',
      types.replace(
        '</Types>',
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
  });
  const before = await JSZip.loadAsync(readFileSync(book));
  const ratioPart = await sheetPartOf(before, 'Tỷ lệ');

  await new XlsxWorkbook(book, () => NOW).write([
    table('Tỷ lệ', [['SNV', 0.25]]),
    table('Xếp hạng & nhóm', [['STP', 0.5]]),
  ]);

  const zip = await JSZip.loadAsync(readFileSync(book));
  const workbook = await text(zip, 'xl/workbook.xml');
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  expect(sheets.map((s) => /name="([^"]+)"/.exec(s)?.[1])).toEqual([
    'Cấu hình',
    'Đơn vị',
    'Nhập liệu',
    'Danh mục DVC',
    'Tỷ lệ',
    'Ghi chú',
    'Xếp hạng &amp; nhóm',
  ]);
  expect(sheets[4]).toContain('sheetId="5"');
  expect(sheets[6]).toContain('sheetId="7"');
  expect(await sheetPartOf(zip, 'Tỷ lệ')).toBe(ratioPart);
  const newPart = await sheetPartOf(zip, 'Xếp hạng & nhóm');
  expect(await text(zip, '[Content_Types].xml')).toContain(`PartName="/${newPart}"`);
  expect(zip.file('xl/calcChain.xml')).toBeNull();
  expect(await text(zip, 'xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
  expect(await text(zip, '[Content_Types].xml')).not.toContain('calcChain');
  const names = [...workbook.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)">([^<]*)</g)].map(
    (m) => `${m[1]}@${m[2]}=${m[3]}`,
  );
  expect(names.sort()).toEqual(
    [
      "VungCu@4='Tỷ lệ'!$A$1",
      "_xlnm.Print_Area@5='Ghi chú'!$A$1:$A$3",
      // Column C: the title is longer than the two columns, and printed whole.
      '_xlnm.Print_Area@4=&apos;Tỷ lệ&apos;!$A$1:$C$3',
      '_xlnm.Print_Titles@4=&apos;Tỷ lệ&apos;!$1:$2',
      '_xlnm.Print_Area@6=&apos;Xếp hạng &amp; nhóm&apos;!$A$1:$C$3',
      '_xlnm.Print_Titles@6=&apos;Xếp hạng &amp; nhóm&apos;!$1:$2',
    ].sort(),
  );

  // The two tabs written carry the product's mark (hidden, scoped to each); the office's tab does not.
  const marks = [...workbook.matchAll(/<definedName name="_dvc_tab" localSheetId="(\d+)" hidden="1">/g)].map(
    (m) => Number(m[1]),
  );
  expect(marks).toEqual([4, 6]);

  // exceljs reads it back: values, inline strings, percent format, the title with its ampersand.
  const read = new ExcelJS.Workbook();
  await read.xlsx.readFile(book);
  const ratio = read.getWorksheet('Tỷ lệ');
  expect(ratio?.getCell('A1').value).toBe('Tiêu đề & chú thích');
  expect(ratio?.getCell('A3').value).toBe('SNV');
  expect(ratio?.getCell('B3').value).toBe(0.25);
  expect(ratio?.getCell('B3').numFmt).toBe('0.00%');
  expect(read.getWorksheet('Ghi chú')?.getCell('A1').value).toBe('của văn phòng');
  expect(read.getWorksheet('Xếp hạng & nhóm')?.getCell('A3').value).toBe('STP');
});

test('an output tab name held by a chart sheet is refused before writing: exit-4 error, file untouched', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book, { 'Tổng hợp': [['tạm']] });
  // Marked as the product's, so the refusal is the composer's (a chart sheet cannot be rewritten).
  await edit(book, async (zip) => {
    const workbook = await text(zip, 'xl/workbook.xml');
    zip.file(
      'xl/workbook.xml',
      workbook.replace(
        '</sheets>',
        `</sheets><definedNames><definedName name="_dvc_tab" localSheetId="4" hidden="1">'Tổng hợp'!$A$1</definedName></definedNames>`,
      ),
    );
  });
  await edit(book, async (zip) => {
    const part = await sheetPartOf(zip, 'Tổng hợp');
    const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
    const target = part.replace(/^xl\//, '');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        new RegExp(`Type="[^"]+/worksheet" Target="${target}"`),
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"',
      ),
    );
    zip.file(
      'xl/chartsheets/sheet1.xml',
      '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>',
    );
  });
  const bytes = readFileSync(book);
  const error = await new XlsxWorkbook(book, () => NOW)
    .write([table('Tổng hợp', [['SNV', 0.25]])])
    .catch((e: unknown) => e);
  expect(isSyncError(error) && error.code).toBe('WORKBOOK_FILE');
  expect((error as Error).message).toMatch(/^Chưa ghi gì: tệp Excel ".*tinh\.xlsx" có cấu trúc/);
  expect(readFileSync(book).equals(bytes)).toBe(true);
});

test('a new tab whose name differs from an existing one only by case is refused (Excel would call the file corrupt)', async () => {
  const { composePackage, PackageError } = await import('../../sync/workbook/xlsx-package');
  const original = new ExcelJS.Workbook();
  original.addWorksheet('TỶ LỆ').addRow(['của văn phòng']);
  const generated = new ExcelJS.Workbook();
  generated.addWorksheet('Tỷ lệ').addRow(['SNV']);
  const exact = (entries: readonly { name: string }[], name: string) =>
    entries.findIndex((entry) => entry.name === name);
  await expect(
    composePackage(
      Buffer.from(await original.xlsx.writeBuffer()),
      Buffer.from(await generated.xlsx.writeBuffer()),
      exact,
    ),
  ).rejects.toBeInstanceOf(PackageError);
});

test('a link to another workbook is kept, and the print names go after it, where Excel expects them', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book);
  const link =
    '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><externalBook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames></externalBook></externalLink>';
  await edit(book, async (zip) => {
    const workbook = await text(zip, 'xl/workbook.xml');
    expect(workbook).not.toContain('<definedNames');
    zip.file(
      'xl/workbook.xml',
      workbook.replace(
        '</sheets>',
        '</sheets><externalReferences><externalReference r:id="rIdExt"/></externalReferences>',
      ),
    );
    const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
    zip.file(
      'xl/_rels/workbook.xml.rels',
      rels.replace(
        '</Relationships>',
        '<Relationship Id="rIdExt" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>',
      ),
    );
    zip.file('xl/externalLinks/externalLink1.xml', link);
    zip.file(
      'xl/externalLinks/_rels/externalLink1.xml.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///C:/tinh/bao-cao-quy.xlsx" TargetMode="External"/></Relationships>',
    );
  });
  await new XlsxWorkbook(book, () => NOW).write([table('Tỷ lệ', [['SNV', 0.25]])]);
  const zip = await JSZip.loadAsync(readFileSync(book));
  const workbook = await text(zip, 'xl/workbook.xml');
  expect(workbook).toMatch(/<\/sheets><externalReferences>.*<\/externalReferences><definedNames>/);
  expect(await text(zip, 'xl/externalLinks/externalLink1.xml')).toBe(link);
  expect(await text(zip, 'xl/externalLinks/_rels/externalLink1.xml.rels')).toContain('bao-cao-quy.xlsx');
});

test('the tab names of a package, read from workbook.xml alone', async () => {
  const { tabNamesOf } = await import('../../sync/workbook/xlsx-package');
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book, { 'Báo cáo & ghi chú': [['x']] });
  expect(await tabNamesOf(readFileSync(book))).toEqual([
    'Cấu hình',
    'Đơn vị',
    'Nhập liệu',
    'Danh mục DVC',
    'Báo cáo & ghi chú',
  ]);
});

test('the mark survives the composer at its tab’s place; an exceljs round trip unscopes it, and the next write adopts the tab again', async () => {
  const book = join(dir, 'tinh.xlsx');
  await writeProvinceXlsx(book, { 'Ghi chú': [['của văn phòng']] });
  const ratio: OutputTable = {
    tab: 'Tỷ lệ',
    title: ['TỶ LỆ'],
    header: [...RATIO_HEADER],
    rows: [['SNV', 'Sở Nội vụ']],
    formats: [],
  };
  const scoped = async () =>
    [
      ...(await text(await JSZip.loadAsync(readFileSync(book)), 'xl/workbook.xml')).matchAll(
        /<definedName name="_dvc_tab" localSheetId="(\d+)" hidden="1">/g,
      ),
    ].map((m) => Number(m[1]));
  await new XlsxWorkbook(book, () => NOW).write([ratio]);
  expect(await scoped()).toEqual([5]);
  // A second write (and a new tab after it) keeps the first mark where it is and marks the new tab.
  await new XlsxWorkbook(book, () => NOW).write([ratio, table('Xếp hạng', [['STP', 0.5]])]);
  expect(await scoped()).toEqual([5, 6]);
  // exceljs reads the name but writes it back without localSheetId and hidden: no tab is marked any more.
  const copy = new ExcelJS.Workbook();
  await copy.xlsx.readFile(book);
  await copy.xlsx.writeFile(book);
  expect(await scoped()).toEqual([]);
  // Tỷ lệ still has the product's header: adopted and marked again; Xếp hạng (not written now) stays as it is.
  await new XlsxWorkbook(book, () => NOW).write([ratio]);
  expect(await scoped()).toEqual([5]);
});
