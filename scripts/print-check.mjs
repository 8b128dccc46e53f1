// Prints a workbook through LibreOffice (Vietnamese locale): pages and smallest printed type per tab; exits 1 under 8 pt.
// Needs `apt-get install -y libreoffice-calc poppler-utils fonts-crosextra-carlito` (a manual check; never in
// tests or CI). Carlito: column widths are counted in the default font, Calibri; without a Calibri-metric font
// LibreOffice falls back to DejaVu Sans and every column prints about a third wider than in Excel.
// Usage: npm run demo && node scripts/print-check.mjs [out/hoa-binh-2020.xlsx]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { pageCount, profile, toPdf } from './libreoffice.mjs';

/** The smallest type a printed page may show, in points (the product's own bound, sync/workbook/xlsx.ts). */
const MIN_POINTS = 8;

const workbookPath = resolve(
  process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'hoa-binh-2020.xlsx'),
);

/** A copy of the workbook with tab `index` alone (its print names kept): the others are left out of the list. */
async function onlyTab(bytes, index) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/workbook.xml').async('string');
  let n = -1;
  const alone = xml
    .replace(/<sheet\b[^>]*?\/>/g, (sheet) => (++n === index ? sheet.replace(/\sstate="[^"]*"/, '') : ''))
    .replace(/<definedName\b[^>]*>[^<]*<\/definedName>/g, (name) => {
      const local = /localSheetId="(\d+)"/.exec(name);
      return local && Number(local[1]) === index
        ? name.replace(/localSheetId="\d+"/, 'localSheetId="0"')
        : '';
    })
    .replace(/\s(activeTab|firstSheet)="\d+"/g, '');
  zip.file('xl/workbook.xml', alone);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Heights of the words of a PDF (poppler's boxes), in points. */
function wordHeights(pdf) {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  return [...html.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">/g)].map(
    (m) => Number(m[2]) - Number(m[1]),
  );
}

/**
 * Points of word-box height per point of type, for each family, measured on a one-cell workbook printed
 * at 100%: poppler's word boxes span the font's ascent and descent, not its nominal size.
 */
async function calibrate(work, lo) {
  const factors = {};
  for (const [family, font] of [
    ['sans', 'Arial'],
    ['serif', 'Times New Roman'],
  ]) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Thử');
    sheet.getCell('A1').value = 'Hòa Bình';
    sheet.getCell('A1').font = { name: font, size: 10 };
    sheet.pageSetup = { paperSize: 9, orientation: 'landscape', scale: 100 };
    const file = join(work, `calibrate-${family}.xlsx`);
    await workbook.xlsx.writeFile(file);
    factors[family] = Math.max(...wordHeights(toPdf(file, work, lo))) / 10;
  }
  return factors;
}

/** The families of a PDF's fonts (pdffonts): serif when every text font is a Times or Liberation Serif. */
function familyOf(pdf) {
  const names = execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0] ?? '')
    .filter((name) => name !== '' && !/DejaVu|Symbol|OpenSymbol/i.test(name));
  return names.length > 0 && names.every((name) => /Serif|Times/i.test(name)) ? 'serif' : 'sans';
}

/** What the sheet asks for: its smallest font with text, its scale (null when fitted to the page). */
async function sheetSetup(bytes, index) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[index];
  let smallest = Number.POSITIVE_INFINITY;
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      if (cell.value !== null && cell.value !== '') smallest = Math.min(smallest, cell.font?.size ?? 11);
    }),
  );
  const setup = sheet.pageSetup ?? {};
  return { smallest, scale: setup.fitToPage ? null : (setup.scale ?? 100) };
}

const work = mkdtempSync(join(tmpdir(), 'dvc-print-'));
let failed = false;
try {
  const lo = profile(work);
  const factors = await calibrate(work, lo);
  const bytes = readFileSync(workbookPath);
  const zip = await JSZip.loadAsync(bytes);
  const names = [
    ...(await zip.file('xl/workbook.xml').async('string')).matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g),
  ].map((m) => m[1]);
  let total = 0;
  for (const [index, name] of names.entries()) {
    const file = join(work, `tab-${index}.xlsx`);
    writeFileSync(file, await onlyTab(bytes, index));
    const pdf = toPdf(file, work, lo);
    const pages = pageCount(pdf);
    total += pages;
    const heights = wordHeights(pdf);
    const printed = heights.length > 0 ? Math.min(...heights) / factors[familyOf(pdf)] : null;
    const { smallest, scale } = await sheetSetup(bytes, index);
    const asked = scale === null || !Number.isFinite(smallest) ? null : (smallest * scale) / 100;
    const low = printed !== null && printed < MIN_POINTS - 0.05;
    failed ||= low;
    console.log(
      `${name}: ${pages} page(s); smallest printed type ${printed === null ? '-' : printed.toFixed(1)} pt` +
        ` (sheet: ${Number.isFinite(smallest) ? smallest : '-'} pt at ${scale === null ? 'fit to page' : `${scale}%`}` +
        `${asked === null ? '' : ` = ${asked.toFixed(1)} pt`})${low ? `  UNDER ${MIN_POINTS} PT` : ''}`,
    );
  }
  const all = pageCount(toPdf(workbookPath, work, lo));
  console.log(`Total (tabs one by one): ${total}; the whole workbook printed at once: ${all}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
