// Prints a workbook through LibreOffice (Vietnamese locale) and counts the pages of each tab and in all.
// Needs `apt-get install -y libreoffice-calc poppler-utils` (a manual check; never in tests or CI).
// Usage: npm run demo && node scripts/print-check.mjs [out/hoa-binh-2020.xlsx]
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { pageCount, profile, toPdf } from './libreoffice.mjs';

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

const work = mkdtempSync(join(tmpdir(), 'dvc-print-'));
try {
  const lo = profile(work);
  const bytes = readFileSync(workbookPath);
  const zip = await JSZip.loadAsync(bytes);
  const names = [
    ...(await zip.file('xl/workbook.xml').async('string')).matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g),
  ].map((m) => m[1]);
  let total = 0;
  for (const [index, name] of names.entries()) {
    const file = join(work, `tab-${index}.xlsx`);
    writeFileSync(file, await onlyTab(bytes, index));
    const pages = pageCount(toPdf(file, work, lo));
    total += pages;
    console.log(`${name}: ${pages}`);
  }
  const all = pageCount(toPdf(workbookPath, work, lo));
  console.log(`Total (tabs one by one): ${total}; the whole workbook printed at once: ${all}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
