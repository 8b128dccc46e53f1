// Every output tab of a synced .xlsx prints on A4 landscape at a readable scale (8 pt at least), titles repeated, pages numbered per tab, and names its font (issues 12, 19); through the built CLI.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
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

  test('every output tab: A4 landscape at a scale that keeps its smallest text at 8 pt or more, a print area, titles repeated, pages numbered per tab', async () => {
    const zip = await zipOf(book);
    const workbook = await text(zip, 'xl/workbook.xml');
    const tabs = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => unxml(m[1] ?? ''));
    const written = OUTPUT_TABS.filter((tab) => tabs.includes(tab));
    expect(written.length).toBeGreaterThanOrEqual(6);
    const styles = await text(zip, 'xl/styles.xml');
    const fontSizes = [
      ...(/<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(styles)?.[1] ?? '').matchAll(
        /<font\b[^>]*?(?:\/>|>[\s\S]*?<\/font>)/g,
      ),
    ].map((m) => Number(/<sz val="([\d.]+)"/.exec(m[0])?.[1] ?? 11));
    const xfFonts = [
      ...(/<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '').matchAll(
        /<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g,
      ),
    ].map((m) => Number(/fontId="(\d+)"/.exec(m[0])?.[1] ?? 0));
    for (const tab of written) {
      const xml = await text(zip, await sheetPartOf(zip, tab));
      // Never squeezed to fit: no fit-to-page, a scale instead, at which the smallest written text is ≥ 8 pt.
      expect({ tab, fit: /<pageSetUpPr fitToPage="1"\/>/.test(xml) }).toEqual({ tab, fit: false });
      const setup = /<pageSetup\b[^>]*>/.exec(xml)?.[0] ?? '';
      expect({ tab, setup }).toEqual({
        tab,
        setup: expect.stringMatching(/paperSize="9" orientation="landscape" scale="\d+"/),
      });
      expect({ tab, first: /firstPageNumber="1" useFirstPageNumber="1"/.test(setup) }).toEqual({
        tab,
        first: true,
      });
      const scale = Number(/scale="(\d+)"/.exec(setup)?.[1]);
      const smallest = Math.min(
        ...[...xml.matchAll(/<c r="[A-Z]+\d+" s="(\d+)"[^>]*>(?:<f>[^<]*<\/f>)?<v>/g)].map(
          (m) => fontSizes[xfFonts[Number(m[1])] ?? 0] ?? 11,
        ),
      );
      expect({ tab, points: (smallest * scale) / 100 >= 8 }).toEqual({ tab, points: true });
      expect(scale).toBeLessThanOrEqual(100);
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
      const area = [
        '_xlnm.Print_Area',
        expect.stringMatching(new RegExp(`^'${tab}'!\\$A\\$1:\\$[A-Z]+\\$\\d+$`)),
      ];
      const rows = `'${tab}'!$${official ? headerRow : 1}:$${headerRow}`;
      // A tab wider than a page at that scale repeats its unit columns (Mã đơn vị, Tên đơn vị) on each page.
      const titles = names.find(([name]) => name === '_xlnm.Print_Titles')?.[1] ?? '';
      expect(names).toEqual([area, ['_xlnm.Print_Titles', titles]]);
      expect({ tab, titles }).toEqual({
        tab,
        titles: expect.stringMatching(
          new RegExp(`^(?:'${tab}'!\\$A:\\$[B-D],)?${rows.replace(/[$']/g, '\\$&')}$`),
        ),
      });
      expect(xml).toMatch(/<oddFooter>&amp;L&amp;A&amp;CTrang &amp;P<\/oddFooter>/);
    }
  });

  test('Báo cáo prints its nine columns one page wide at 83%; Diễn biến leaves the months after 03/2020 off paper', async () => {
    const zip = await zipOf(book);
    const setupOf = async (tab: string) =>
      /<pageSetup\b[^>]*>/.exec(await text(zip, await sheetPartOf(zip, tab)))?.[0] ?? '';
    // 13 pt Times New Roman, 164 characters of columns (1193 pixels) on 95% of a 1045-pixel page: 83%
    // (Nơi nhận's 11 pt at 9.1 pt).
    expect(await setupOf('Báo cáo')).toContain('scale="83"');
    // Through 03/2020: April–December (G:O) hidden, so not printed; the columns stay in the tab.
    const monthly = await text(zip, await sheetPartOf(zip, 'Diễn biến theo tháng'));
    expect(monthly).toMatch(/<col min="7" max="15" [^>]*hidden="1"/);
    expect(monthly).toContain('Tháng 12/2020');
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
        // Báo cáo is Times New Roman (Decree 30); every other tab Arial.
        const name = tab === 'Báo cáo' ? 'Times New Roman' : 'Arial';
        expect({ tab, font: font.includes(`<name val="${name}"/>`) }).toEqual({ tab, font: true });
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

test('a tab wider than its page prints at 80% (10 pt at 8 pt) across pages, Mã đơn vị and Tên đơn vị repeated on each', async () => {
  const { writeRows } = await import('../../sync/workbook/xlsx');
  const workbook = new ExcelJS.Workbook();
  const tab = 'Diễn biến theo tháng';
  const months = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}/2020`);
  writeRows(workbook.addWorksheet(tab), {
    tab,
    title: ['DIỄN BIẾN TỶ LỆ'],
    header: ['Mã đơn vị', 'Tên đơn vị', 'Nhóm', ...months, 'Tỷ lệ lũy kế từ đầu năm', 'Chỉ tiêu', 'Đánh giá'],
    rows: [
      [
        'X-TPHOABINH-19',
        'UBND phường Thành phố Hòa Bình 19',
        'Xã, phường, thị trấn',
        ...months.map(() => 0.1234),
        0.1,
        0.2,
        'Chưa đạt',
      ],
    ],
    formats: ['text', 'text', 'text', ...months.map(() => 'percent' as const), 'percent', 'percent', 'text'],
  });
  const sheet = workbook.getWorksheet(tab);
  expect(sheet?.pageSetup).toMatchObject({
    fitToPage: false,
    scale: 80,
    firstPageNumber: 1,
    printTitlesRow: '1:2',
    printTitlesColumn: 'A:B',
  });
  // Narrowed first: the name column at 24 (it wraps), a month as wide as its figures and header words.
  expect(sheet?.getColumn(2).width).toBe(24);
  expect(sheet?.getColumn(4).width).toBe(10);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const names = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  expect(unxml(names)).toContain(
    `<definedName name="_xlnm.Print_Titles" localSheetId="0">'${tab}'!$A:$B,'${tab}'!$1:$2</definedName>`,
  );
  // A narrow tab stays one page wide at 100%, nothing repeated across.
  const narrow = workbook.addWorksheet('Kiểm tra');
  writeRows(narrow, {
    tab: 'Kiểm tra',
    title: [],
    header: ['Tab', 'Ô', 'Nội dung'],
    rows: [['Nhập liệu', 'A2', 'Ngắn.']],
    formats: [],
  });
  expect(narrow.pageSetup).toMatchObject({ fitToPage: false, scale: 100 });
  expect(narrow.pageSetup.printTitlesColumn).toBeUndefined();
});

test('a laid-out tab: wrapped text on two lines gets a row tall enough for them, a short one keeps the default', async () => {
  const { writeRows } = await import('../../sync/workbook/xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Báo cáo');
  writeRows(sheet, {
    tab: 'Báo cáo',
    title: [],
    header: ['Tên đơn vị'],
    rows: [['Sở Lao động - Thương binh và Xã hội tỉnh Hòa Bình'], ['Sở Y tế']],
    formats: ['text'],
    layout: {
      font: { family: 'Times New Roman', size: 13 },
      widths: [36],
      // A laid-out tab with merges (as Báo cáo): the writer's own wrapping of plain tabs is not used.
      merges: [],
      styles: [{ row: 1, column: 0, rows: 2, columns: 1, wrap: true }],
      freeze: false,
    },
  });
  // 49 characters of 13 pt text (about 8 pixels each) in a 257-pixel column: two lines of 16.25 pt.
  expect(sheet.getRow(2).height).toBe(2 * 13 * 1.25 + 3);
  expect(sheet.getRow(3).height).toBeUndefined();
});
