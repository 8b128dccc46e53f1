// Every output tab of a synced .xlsx prints on A4 landscape, one page wide, titles repeated, and names its font (issue 12); through the built CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { TAB_HEADERS } from '../../src/core';
import { writeProvinceXlsx } from './fixtures';
import { runCli } from './run-cli';
import { sheetPartOf, text, zipOf } from './xlsx-parts';

const sync = (args: string[]) => runCli(args, { timeout: 120_000 });

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dvc-xlsx-print-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The 1-based row of `tab` whose first cell is `first`, read back with exceljs; 0 when none. */
async function rowStarting(file: string, tab: string, first: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  let found = 0;
  workbook.getWorksheet(tab)?.eachRow((row, index) => {
    if (found === 0 && row.getCell(1).value === first) found = index;
  });
  return found;
}

const unxml = (s: string) => s.replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const OUTPUT_TABS = TAB_HEADERS.filter((tab) => tab.output).map((tab) => tab.tab);

describe('a synced workbook on paper', () => {
  let book: string;
  beforeAll(async () => {
    book = join(dir, 'tinh.xlsx');
    await writeProvinceXlsx(book);
    const result = await sync(['--workbook', book, '--through', '2020-03']);
    expect(result.code).toBe(0);
  });

  test('every output tab: A4 landscape, fit to one page wide and any number tall, a print area, titles repeated', async () => {
    const zip = await zipOf(book);
    const workbook = await text(zip, 'xl/workbook.xml');
    const tabs = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => unxml(m[1] ?? ''));
    const written = OUTPUT_TABS.filter((tab) => tabs.includes(tab));
    expect(written.length).toBeGreaterThanOrEqual(6);
    for (const tab of written) {
      const xml = await text(zip, await sheetPartOf(zip, tab));
      expect({ tab, fit: /<pageSetUpPr fitToPage="1"\/>/.test(xml) }).toEqual({ tab, fit: true });
      const setup = /<pageSetup\b[^>]*>/.exec(xml)?.[0] ?? '';
      expect({ tab, setup }).toEqual({
        tab,
        setup: expect.stringMatching(/paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/),
      });
      const index = tabs.indexOf(tab);
      const names = [...workbook.matchAll(/<definedName name="([^"]+)" localSheetId="(\d+)">([^<]+)</g)]
        .filter((m) => Number(m[2]) === index)
        .map((m) => [m[1], unxml(m[3] ?? '')]);
      // Titles and header repeated: down to the header row, the row the view is frozen under. Báo cáo is
      // not frozen (it is printed, not scrolled): its header is the row starting with STT, and only that
      // row repeats, so the motto and title blocks print once.
      const official = tab === 'Báo cáo';
      const headerRow = official
        ? await rowStarting(book, tab, 'STT')
        : Number(/ySplit="(\d+)"/.exec(xml)?.[1]);
      expect(headerRow).toBeGreaterThanOrEqual(1);
      expect(names).toEqual([
        ['_xlnm.Print_Area', expect.stringMatching(new RegExp(`^'${tab}'!\\$A\\$1:\\$[A-Z]+\\$\\d+$`))],
        ['_xlnm.Print_Titles', `'${tab}'!$${official ? headerRow : 1}:$${headerRow}`],
      ]);
      expect(xml).toMatch(/<oddFooter>&amp;CTrang &amp;P\/&amp;N<\/oddFooter>/);
    }
  });

  test('Xếp hạng prints every column: the print area reaches its last header column', async () => {
    const zip = await zipOf(book);
    const workbook = await text(zip, 'xl/workbook.xml');
    const area = /&apos;Xếp hạng&apos;!\$A\$1:\$([A-Z]+)\$(\d+)/.exec(workbook);
    const ranking = TAB_HEADERS.find((tab) => tab.tab === 'Xếp hạng');
    const columns = ranking?.header.length ?? 0;
    expect(columns).toBeGreaterThan(8);
    expect(area).not.toBeNull();
    let printed = 0;
    for (const letter of area?.[1] ?? '') printed = printed * 26 + (letter.charCodeAt(0) - 64);
    expect(printed).toBeGreaterThanOrEqual(columns);
  });

  test('every cell the product styles names its font', async () => {
    const zip = await zipOf(book);
    const styles = await text(zip, 'xl/styles.xml');
    const fonts = [
      ...(/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(
        /<font\b[^>]*?(?:\/>|>[\s\S]*?<\/font>)/g,
      ),
    ].map((m) => m[0]);
    const xfs = [
      ...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(
        /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g,
      ),
    ].map((m) => Number(/fontId="(\d+)"/.exec(m[0])?.[1] ?? 0));
    const workbook = await text(zip, 'xl/workbook.xml');
    const tabs = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => unxml(m[1] ?? ''));
    let styled = 0;
    for (const tab of OUTPUT_TABS.filter((t) => tabs.includes(t))) {
      const xml = await text(zip, await sheetPartOf(zip, tab));
      for (const [, s] of xml.matchAll(/<c r="[A-Z]+\d+" s="(\d+)"/g)) {
        const font = fonts[xfs[Number(s)] ?? -1] ?? '';
        styled++;
        expect({ tab, font: /<name val="Arial"\/>/.test(font) }).toEqual({ tab, font: true });
      }
    }
    expect(styled).toBeGreaterThan(100);
  });
});

test('a sentence longer than its column wraps on a taller row instead of running off the printed page', async () => {
  const { XlsxWorkbook } = await import('../../sync/workbook/xlsx');
  const ExcelJS = (await import('exceljs')).default;
  const book = join(dir, 'kiem-tra.xlsx');
  await writeProvinceXlsx(book);
  const long = `Mã cơ quan "H28.30" trên Cổng DVC chưa gán cho đơn vị nào. ${'Hãy điền mã này vào cột "Mã trên Cổng DVC" của tab Đơn vị. '.repeat(3)}`;
  await new XlsxWorkbook(book).write([
    {
      tab: 'Kiểm tra',
      title: [],
      header: ['Tab', 'Ô', 'Mã đơn vị', 'Kỳ', 'Mức độ', 'Nội dung'],
      rows: [
        ['Dữ liệu Cổng DVC', 'B168', 'H28.30', '07/2020', 'Cảnh báo', long],
        ['Nhập liệu', 'A6', 'SNN', '12/2019', 'Lỗi', 'Ngắn.'],
      ],
      formats: [],
    },
  ]);
  const read = new ExcelJS.Workbook();
  await read.xlsx.readFile(book);
  const sheet = read.getWorksheet('Kiểm tra');
  expect(sheet?.getColumn(6).width).toBe(60);
  expect(sheet?.getCell('F2').alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  expect(sheet?.getCell('A2').alignment).toMatchObject({ vertical: 'top' });
  // About 230 characters in a 60-wide column: at least four lines of 13 pt.
  expect(sheet?.getRow(2).height).toBeGreaterThanOrEqual(4 * 13);
  expect(sheet?.getCell('F3').alignment?.wrapText).toBeUndefined();
  expect(sheet?.getRow(3).height).toBeUndefined();
});
