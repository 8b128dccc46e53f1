// Remakes the pictures of docs/huong-dan.md from the demo workbook: LibreOffice (Vietnamese locale: 1.234, 41,43%) prints each tab to PDF, pdftoppm makes PNG.
// Needs `apt-get install -y libreoffice-calc poppler-utils` (only for these pictures; never in tests or CI).
// Usage: npm run demo && node docs/images/screenshots.mjs [picture.png …] (default: every picture)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { profile, toPdf } from '../../scripts/libreoffice.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const workbookPath = join(root, 'out', 'hoa-binh-2020.xlsx');
const DPI = 140;

/** Tab → picture file and how many rows of the tab (titles and header included) to show. */
const PICTURES = [
  { tab: 'Tỷ lệ', file: 'ty-le.png', rows: 24 },
  { tab: 'Xếp hạng', file: 'xep-hang.png', rows: 26 },
  { tab: 'Kiểm tra', file: 'kiem-tra.png', rows: 11 },
  { tab: 'Tổng hợp', file: 'tong-hop.png', rows: 17 },
  { tab: 'Báo cáo', file: 'bao-cao.png', rows: 30 },
  // The end of Báo cáo: the last sections' totals, the summary, place and date, signatures.
  { tab: 'Báo cáo', file: 'bao-cao-cuoi.png', rows: 12, fromEnd: true },
  { tab: 'Diễn biến theo tháng', file: 'dien-bien.png', rows: 22 },
];

/** The tab's first rows in a workbook of their own (values, styles, widths, colours), landscape, one page wide. */
async function shortWorkbook(source, tab, rows, path, fromEnd = false) {
  const from = source.getWorksheet(tab);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(tab);
  // Rows first..first+rows-1 of the tab become rows 1..rows.
  const first = fromEnd ? Math.max(1, from.rowCount - rows + 1) : 1;
  for (let c = 1; c <= from.columnCount; c++) sheet.getColumn(c).width = from.getColumn(c).width;
  for (let r = 1; r <= rows; r++) {
    const a = from.getRow(first + r - 1);
    const b = sheet.getRow(r);
    if (a.height) b.height = a.height;
    for (let c = 1; c <= from.columnCount; c++) {
      b.getCell(c).value = a.getCell(c).value;
      b.getCell(c).style = a.getCell(c).style;
    }
  }
  // Merged cells (Báo cáo's header and signature blocks) that lie in the rows shown.
  for (const merge of from.model.merges ?? []) {
    const [, c1, r1, c2, r2] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(merge) ?? [];
    const top = Number(r1) - first + 1;
    const bottom = Number(r2) - first + 1;
    if (top >= 1 && bottom <= rows) sheet.mergeCells(`${c1}${top}:${c2}${bottom}`);
  }
  for (const rule of from.conditionalFormattings ?? []) {
    sheet.addConditionalFormatting({ ...rule, ref: rule.ref.replace(/\d+$/, String(rows)) });
  }
  sheet.pageSetup = {
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.1, right: 0.1, top: 0.1, bottom: 0.1, header: 0, footer: 0 },
  };
  await book.xlsx.writeFile(path);
}

/** The bounding box of everything not white in a binary PPM, with a margin: x, y, width, height. */
function contentBox(ppm, margin = 14) {
  const header = ppm.subarray(0, 40).toString('latin1').split(/\s+/);
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header.slice(0, 4).join(' ').length + 1;
  let [minX, minY, maxX, maxY] = [width, height, 0, 0];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = start + (y * width + x) * 3;
      if (ppm[i] < 235 || ppm[i + 1] < 235 || ppm[i + 2] < 235) {
        minX = Math.min(minX, x);
        maxX = Math.max(maxX, x);
        minY = Math.min(minY, y);
        maxY = Math.max(maxY, y);
      }
    }
  }
  const x = Math.max(0, minX - margin);
  const y = Math.max(0, minY - margin);
  return [
    x,
    y,
    Math.min(width - x, maxX - minX + 2 * margin),
    Math.min(height - y, maxY - minY + 2 * margin),
  ];
}

const work = mkdtempSync(join(tmpdir(), 'dvc-screenshots-'));
try {
  // The locale clerks have: numbers show as 1.234 and 41,43%, as the guide tells them to type.
  const lo = profile(work);
  const source = new ExcelJS.Workbook();
  await source.xlsx.readFile(workbookPath);
  const only = process.argv.slice(2);
  for (const { tab, file, rows, fromEnd } of PICTURES) {
    if (only.length > 0 && !only.includes(file)) continue;
    const base = join(work, file.replace('.png', ''));
    await shortWorkbook(source, tab, rows, `${base}.xlsx`, fromEnd);
    toPdf(`${base}.xlsx`, work, lo);
    const page = ['-r', String(DPI), '-f', '1', '-l', '1', '-singlefile', `${base}.pdf`];
    execFileSync('pdftoppm', [...page, base]);
    const [x, y, w, h] = contentBox(readFileSync(`${base}.ppm`));
    execFileSync('pdftoppm', [
      '-png',
      '-x',
      String(x),
      '-y',
      String(y),
      '-W',
      String(w),
      '-H',
      String(h),
      ...page,
      base,
    ]);
    copyFileSync(`${base}.png`, join(here, file));
    console.log(`docs/images/${file}: ${tab}, ${w}×${h}`);
  }
  // The chart is the sync's own PNG, written beside the workbook.
  if (only.length === 0 || only.includes('bieu-do-tong-hop.png')) {
    copyFileSync(join(root, 'out', 'hoa-binh-2020.chart.png'), join(here, 'bieu-do-tong-hop.png'));
    console.log('docs/images/bieu-do-tong-hop.png: the sync chart');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
