// The copy of an .xlsx that exceljs reads cells from: the workbook, its worksheets, strings, styles and theme only, so a drawing, comment or table its reader cannot place never stops a read.
import { posix } from 'node:path';
import JSZip from 'jszip';
import { withoutChildren } from './xlsx-xml';

/**
 * Elements of a worksheet that point at other parts through its relationships. exceljs's reader follows
 * them by the part names Excel uses and throws a TypeError on any other layout (openpyxl writes absolute
 * targets and `xl/comments/comment1.xml`; exceljs looks for `xl/comments1.xml`). None holds a cell value.
 */
const LINKED = new Set([
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'tableParts',
  'hyperlinks',
]);

/** Parts kept for reading cells; exceljs reads these by their fixed names. Everything else is left out. */
const KEPT = [
  /^\[Content_Types\]\.xml$/,
  /^_rels\/\.rels$/,
  /^docProps\/[^/]+\.xml$/,
  /^xl\/workbook\.xml$/,
  /^xl\/_rels\/workbook\.xml\.rels$/,
  /^xl\/styles\.xml$/,
  /^xl\/sharedStrings\.xml$/,
  /^xl\/theme\/[^/]+\.xml$/,
  /^xl\/worksheets\/[^/]+\.xml$/,
];

/**
 * The cells-only copy of a package: a worksheet loses the elements that point at its relationships (and
 * the relationships part itself). The original file is never changed: the composer (xlsx-package.ts)
 * writes from the original bytes and keeps every part byte for byte.
 */
export async function cellsView(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const view = new JSZip();
  for (const file of Object.values(zip.files)) {
    if (file.dir || !KEPT.some((pattern) => pattern.test(file.name))) continue;
    const linked =
      posix.dirname(file.name) === 'xl/worksheets' &&
      zip.file(`xl/worksheets/_rels/${posix.basename(file.name)}.rels`) !== null;
    if (linked) view.file(file.name, withoutChildren(await file.async('string'), file.name, LINKED));
    else view.file(file.name, await file.async('nodebuffer'));
  }
  // Stored, not compressed: this copy only lives in memory until exceljs has read it.
  return view.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}
