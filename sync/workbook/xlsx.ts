// A local .xlsx workbook: reads input tabs as grids (exceljs); writes output tabs with exceljs into the original package (xlsx-package.ts), saved atomically, keeping the file's identity.
import { createHash, randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { access, open, readdir, readFile, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import type {
  Block,
  Cell,
  ColumnFormat,
  Grid,
  OutputTable,
  TabFacts,
  TableLayout,
  WorkbookInput,
} from '../../src/core';
import {
  ADDIN_LIMIT_TEXT,
  COL,
  columnLetter,
  defaultClassification,
  fitCell,
  HEADER_SEARCH_ROWS,
  HEADER_TINT,
  monthOfInstant,
  NUMBER_PATTERNS,
  RULE_COLOURS,
  SETTING,
  SETTING_HELP,
  SYSTEM_TEXT,
  TAB,
} from '../../src/core';
import { SyncError } from '../errors';
import { type ChartImage, overviewChart } from '../report/chart';
import { SHEETS_WRITE_TEXT, SYNC_TEXT } from '../texts';
import { gridOfWorksheet } from './excel-cells';
import { officeLocksOf } from './office-locks';
import {
  checkTabs,
  findByName,
  inputTabs,
  needsHeaderRows,
  READ_TABS,
  type Workbook,
  type WorkbookSnapshot,
  type WriteOptions,
} from './workbook';
import { cellsView } from './xlsx-cells-view';
import { composePackage, PackageError, tabsOf } from './xlsx-package';

export const EXCEL_FORMATS: Readonly<Record<ColumnFormat, string>> = NUMBER_PATTERNS;

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: `FF${HEADER_TINT.slice(1).toUpperCase()}` },
};

/** A new workbook: every input tab with its header, Cấu hình listing its parameters with help. */
export function templateWorkbook(now: Date): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'dvc-sync';
  const year = monthOfInstant(now)?.year ?? now.getUTCFullYear();
  // Headers in the vocabulary Cách phân loại gives this year (empty in Cấu hình: the year's default).
  for (const { tab, header } of inputTabs(defaultClassification(year))) {
    const sheet = workbook.addWorksheet(tab);
    const rows: Cell[][] = [[...header]];
    if (tab === TAB.settings) {
      for (const key of Object.keys(SETTING) as (keyof typeof SETTING)[]) {
        rows.push([SETTING[key], key === 'year' ? year : '', SETTING_HELP[key]]);
      }
    }
    writeRows(sheet, {
      tab: tab as OutputTable['tab'],
      title: [],
      header: [...header],
      rows: rows.slice(1),
      formats: [],
    });
  }
  return workbook;
}

function displayWidth(cell: Cell, format: ColumnFormat | undefined): number {
  if (cell === null || cell === undefined || cell === '') return 0;
  if (typeof cell === 'number') return format === 'percent' ? 8 : String(Math.round(cell)).length + 3;
  return String(cell).length;
}

/** The table's palette column (Đánh giá, Kiểm tra's Mức độ) coloured by its words, as the Google Sheet shows it. */
function colourStatuses(
  sheet: ExcelJS.Worksheet,
  table: OutputTable,
  firstData: number,
  lastData: number,
): void {
  if (!table.palette || lastData < firstData) return;
  const letter = columnLetter(table.palette.column);
  const rules = table.palette.palette.map(({ text, colour }) => ({ text, ...RULE_COLOURS[colour] }));
  sheet.addConditionalFormatting({
    ref: `${letter}${firstData}:${letter}${lastData}`,
    rules: rules.map(({ text, background, font }, priority) => ({
      type: 'expression',
      priority: priority + 1,
      formulae: [`EXACT($${letter}${firstData},"${text}")`],
      style: {
        fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(background) } },
        font: { color: { argb: argb(font) } },
      },
    })),
  });
}

/** The one font of every cell the product writes, named so no reader falls back to a serif default. */
export const XLSX_FONT_NAME = 'Arial';
const FONT = { body: 10, header: 10, title: 13, subtitle: 10 } as const;
const bodyFont = (): Partial<ExcelJS.Font> => ({ name: XLSX_FONT_NAME, size: FONT.body });

/**
 * Print set-up of every tab the product writes: A4 landscape, at a scale that keeps the smallest text at
 * least `minPoints` on paper; one page wide when that fits, else as many pages across as needed with the
 * unit's key columns repeated on each.
 */
export const PRINT = {
  /** The smallest type a printed page may show, in points: font size × print scale. */
  minPoints: 8,
  /**
   * The share of the page's width the columns are planned to fill: column widths are counted in digits of
   * the default font, which LibreOffice renders a little wider than Excel (Báo cáo at the full 87% spilled
   * its last three columns onto a page of their own).
   */
  widthSlack: 0.95,
  paperSize: 9, // A4
  orientation: 'landscape',
  /** Inches, as Excel stores them. */
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
  /** The printable box of an A4 landscape page inside those margins, in pixels at 96 per inch. */
  pagePixels: { width: Math.floor((297 / 25.4 - 0.8) * 96), height: Math.floor((210 / 25.4 - 1.1) * 96) },
} as const;

/** Pixels of a column of exceljs width `width` (characters of the default font), as Excel lays it out. */
const columnPixels = (width: number | undefined): number => Math.round((width ?? 9.14) * 7 + 5);
/** Pixels of a row of `points` height (the default row is 15 pt). */
const rowPixels = (points: number | undefined): number => Math.round(((points ?? 15) * 96) / 72);

/** The number of columns from A that together are at least `pixels` wide. */
function columnsSpanning(sheet: ExcelJS.Worksheet, pixels: number): number {
  let total = 0;
  let columns = 0;
  while (total < pixels && columns < EXCEL_LIMITS.columns) {
    columns++;
    total += columnPixels(sheet.getColumn(columns).width);
  }
  return columns;
}

/** The font size of a cell as printed at 100%: exceljs leaves the workbook's default (11 pt) unset. */
const fontPoints = (cell: ExcelJS.Cell): number => cell.font?.size ?? 11;

/** The smallest font size of the cells with something in them, in the first `rows` × `columns`. */
export function smallestFont(sheet: ExcelJS.Worksheet, columns: number, rows: number): number {
  let smallest = Number.POSITIVE_INFINITY;
  // findRow and eachCell read without creating rows or cells (getCell would add empty styled ones).
  for (let r = 1; r <= rows; r++) {
    sheet.findRow(r)?.eachCell((cell, c) => {
      // A merged block counts once, by its top-left cell (the others show its value).
      if (c > columns || (cell.isMerged && cell.master !== cell)) return;
      if (cell.value !== null && cell.value !== undefined && cell.value !== '')
        smallest = Math.min(smallest, fontPoints(cell));
    });
  }
  return Number.isFinite(smallest) ? smallest : 11;
}

/**
 * The print scale (percent) of the first `columns` columns: the one that fits them on one page wide, but
 * never below what keeps `smallest`-point text at PRINT.minPoints (nor above 100%); `across` when even
 * that is too wide, so the tab prints on several pages across.
 */
export function printScale(
  sheet: ExcelJS.Worksheet,
  columns: number,
  smallest: number,
): { scale: number; across: boolean } {
  let pixels = 0;
  for (let c = 1; c <= columns; c++) {
    const column = sheet.getColumn(c);
    if (!column.hidden) pixels += columnPixels(column.width);
  }
  const fit = (PRINT.pagePixels.width * PRINT.widthSlack) / Math.max(1, pixels);
  const least = PRINT.minPoints / smallest;
  if (fit >= least) return { scale: Math.max(10, Math.min(100, Math.floor(fit * 100))), across: false };
  return { scale: Math.min(100, Math.ceil(least * 100)), across: true };
}

/**
 * Print area, scale and repeated rows and columns of a tab: A4 landscape; one page wide when the text stays
 * at least 8 pt on paper, else several pages across repeating `keyColumns` (the unit's code and name) on
 * each; title and header rows on every page; page numbers per tab in the footer, each tab from 1.
 */
export function setUpPrinting(
  sheet: ExcelJS.Worksheet,
  columns: number,
  rows: number,
  /** Rows printed again at the top of every page, e.g. [1, 3]; null for none. */
  repeated: readonly [first: number, last: number] | null,
  /** Columns from A printed again at the left of every page when the tab is wider than one page; 0: none. */
  keyColumns = 0,
): void {
  const { scale, across } = printScale(sheet, columns, smallestFont(sheet, columns, rows));
  sheet.pageSetup = {
    paperSize: PRINT.paperSize,
    orientation: PRINT.orientation,
    // A set scale, not fit-to-width: fitting a wide tab on one page is what shrank it below reading size.
    fitToPage: false,
    scale,
    margins: { ...PRINT.margins },
    // Each tab's pages numbered from 1 (LibreOffice otherwise runs the numbers on across the workbook).
    firstPageNumber: 1,
    // exceljs puts a `$` before each end of the range; the rows' `$` are ours: $A$1:$L$20.
    printArea: `A$1:${columnLetter(Math.max(1, columns) - 1)}$${Math.max(1, rows)}`,
    ...(repeated ? { printTitlesRow: `${repeated[0]}:${repeated[1]}` } : {}),
    ...(across && keyColumns > 0 ? { printTitlesColumn: `A:${columnLetter(keyColumns - 1)}` } : {}),
  };
  sheet.headerFooter = { oddFooter: SYNC_TEXT.printFooter };
}

/** The columns from A that name a unit (through Tên đơn vị, when it is among the first four): 0 for none. */
export function keyColumnsOf(header: readonly string[]): number {
  const name = header.indexOf(COL.unitName);
  return name >= 0 && name < 4 ? name + 1 : 0;
}

/** Writes a table into an empty sheet: title rows, styled header, rows, formats, widths, frozen header, print set-up. */
export function writeRows(sheet: ExcelJS.Worksheet, table: OutputTable): void {
  const width = table.header.length;
  const titleRows = table.titleRows ?? table.title.map((line) => [line]);
  titleRows.forEach((cells, index) => {
    const row = sheet.addRow(
      cells.map((cell) =>
        cell === '' || cell === undefined ? null : typeof cell === 'string' ? fitCell(cell) : cell,
      ),
    );
    cells.forEach((cell, c) => {
      if (cell === '' || cell === undefined) return;
      row.getCell(c + 1).font = {
        name: XLSX_FONT_NAME,
        bold: true,
        size: index === 0 ? FONT.title : FONT.subtitle,
      };
    });
  });
  const headerRow = sheet.addRow([...table.header]);
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  for (let c = 1; c <= width; c++) {
    const cell = headerRow.getCell(c);
    cell.font = { name: XLSX_FONT_NAME, bold: true, size: FONT.header };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  }
  for (const data of table.rows) {
    const values = Array.from({ length: width }, (_, i) => {
      const cell = data[i];
      // The core's one rule for written text: within Excel's 32,767 characters per cell.
      return cell === null || cell === undefined ? null : typeof cell === 'string' ? fitCell(cell) : cell;
    });
    sheet.addRow(values);
  }
  const headerIndex = titleRows.length + 1;
  const firstData = headerIndex + 1;
  const lastData = headerIndex + table.rows.length;
  for (let c = 1; c <= width; c++) {
    const format = table.formats[c - 1];
    const numFmt = format ? EXCEL_FORMATS[format] : undefined;
    for (let r = firstData; r <= lastData; r++) {
      const cell = sheet.getRow(r).getCell(c);
      cell.font = bodyFont();
      if (numFmt) cell.numFmt = numFmt;
    }
    let widest = String(table.header[c - 1] ?? '').length * 0.8;
    for (const data of table.rows) widest = Math.max(widest, displayWidth(data[c - 1], format));
    sheet.getColumn(c).width = Math.min(MAX_COLUMN_WIDTH, Math.max(9, Math.ceil(widest) + 2));
  }
  if (!table.layout?.widths) narrowToPage(sheet, table);
  if (table.layout) applyLayout(sheet, table.layout, lastData, width);
  // Text longer than its (capped) column wraps inside it, on a row tall enough: else it would run past
  // the print area's edge and be cut on paper (a long Kiểm tra sentence).
  // (Not on a laid-out tab: Báo cáo's long lines are merged across the page.)
  if (!table.layout?.merges)
    table.rows.forEach((data, index) => {
      let lines = 1;
      for (let c = 1; c <= width; c++) {
        const value = data[c - 1];
        if (typeof value !== 'string') continue;
        const room = Math.max(1, (sheet.getColumn(c).width ?? 9) - 1);
        if (value.length <= room) continue;
        sheet.getRow(firstData + index).getCell(c).alignment = { wrapText: true, vertical: 'top' };
        lines = Math.max(lines, Math.ceil(value.length / (room * BODY_CHARS_PER_WIDTH)));
      }
      if (lines === 1) return;
      const row = sheet.getRow(firstData + index);
      row.height = BODY_LINE_POINTS * lines + 2;
      // The row's other cells at the top too, level with the first line of the wrapped text.
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        cell.alignment = { ...cell.alignment, vertical: 'top' };
      }
    });
  // Wrapped header names need a taller row: not every spreadsheet program fits it on opening.
  const headerLines = Math.max(
    1,
    ...table.header.map((name, c) =>
      Math.ceil(name.length / Math.max(1, (sheet.getColumn(c + 1).width ?? 9) - 1)),
    ),
  );
  if (headerLines > 1) headerRow.height = 16 * headerLines + 2;
  colourStatuses(sheet, table, firstData, lastData);
  if (table.layout?.freeze !== false) sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerIndex }];
  if (width > 0 && table.rows.length > 0 && !table.layout?.merges) {
    sheet.autoFilter = { from: { row: headerIndex, column: 1 }, to: { row: headerIndex, column: width } };
  }
  // A title longer than the table spills into the empty cells on its right: they are printed too.
  const titleColumns = Math.max(
    0,
    ...table.title.map((line, index) =>
      columnsSpanning(sheet, line.length * (index === 0 ? TITLE_CHAR_PIXELS : BODY_CHAR_PIXELS)),
    ),
  );
  // A tab with its own title block (Báo cáo: issuing body, motto, title) prints that block once, on the first
  // page, and repeats only the column header; other tabs repeat their short titles with the header.
  const repeatFrom = table.titleRows ? headerIndex : 1;
  setUpPrinting(
    sheet,
    Math.max(width, titleColumns),
    lastData,
    [repeatFrom, headerIndex],
    keyColumnsOf(table.header),
  );
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const THIN: Partial<ExcelJS.Border> = { style: 'thin' };

/**
 * The core's layout (table.ts): font, merges, block styles, borders, rules, widths, heights, padding,
 * unprinted columns and colour rules, in exceljs terms, over a grid of `rows` × `columns`.
 */
function applyLayout(sheet: ExcelJS.Worksheet, layout: TableLayout, rows: number, columns: number): void {
  const each = (block: Block, apply: (cell: ExcelJS.Cell) => void) => {
    for (let r = block.row; r < block.row + block.rows; r++)
      for (let c = block.column; c < block.column + block.columns; c++) apply(sheet.getCell(r + 1, c + 1));
  };
  const grid: Block = { row: 0, column: 0, rows, columns };
  // The tab's font under everything else: the writer's bold header and the block styles keep theirs.
  if (layout.font) {
    const { family, size } = layout.font;
    each(grid, (cell) => {
      cell.font = { ...cell.font, name: family, size };
    });
  }
  for (const style of layout.styles ?? []) {
    each(style, (cell) => {
      const font = { ...cell.font };
      if (style.bold !== undefined) font.bold = style.bold;
      if (style.italic !== undefined) font.italic = style.italic;
      if (style.size !== undefined) font.size = style.size;
      cell.font = font;
      if (style.align !== undefined || style.wrap !== undefined)
        cell.alignment = {
          ...cell.alignment,
          ...(style.align ? { horizontal: style.align } : {}),
          ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
          vertical: 'middle',
        };
    });
  }
  for (const block of layout.borders ?? []) {
    each(block, (cell) => {
      cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    });
  }
  for (const block of layout.rules ?? []) {
    each({ ...block, row: block.row + block.rows - 1, rows: 1 }, (cell) => {
      cell.border = { ...cell.border, bottom: THIN };
    });
  }
  for (const { row, points } of layout.heights ?? []) sheet.getRow(row + 1).height = points;
  if (layout.unprinted)
    for (let c = layout.unprinted.column; c < layout.unprinted.column + layout.unprinted.columns; c++)
      sheet.getColumn(c + 1).hidden = true;
  fitWrappedRows(sheet, rows, columns);
  // Padding: one indent (about a character) from the border on the side the text is aligned to. Centred
  // text already keeps clear; numbers, right-aligned by default, get an explicit right alignment to indent.
  if (layout.padded)
    each(grid, (cell) => {
      const horizontal = cell.alignment?.horizontal;
      if (horizontal === 'center' || horizontal === 'centerContinuous') return;
      const side = horizontal ?? (typeof cell.value === 'number' ? 'right' : 'left');
      cell.alignment = { ...cell.alignment, horizontal: side, indent: 1 };
    });
  for (const block of layout.merges ?? []) {
    if (block.rows * block.columns > 1)
      sheet.mergeCells(block.row + 1, block.column + 1, block.row + block.rows, block.column + block.columns);
  }
  layout.widths?.forEach((width, c) => {
    sheet.getColumn(c + 1).width = width;
  });
  for (const [priority, rule] of (layout.colourRules ?? []).entries()) {
    const { block } = rule;
    const colour = RULE_COLOURS[rule.colour];
    sheet.addConditionalFormatting({
      ref: `${columnLetter(block.column)}${block.row + 1}:${columnLetter(block.column + block.columns - 1)}${block.row + block.rows}`,
      rules: [
        {
          type: 'expression',
          priority: priority + 1,
          formulae: [rule.formula],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(colour.background) } },
            font: { color: { argb: argb(colour.font) } },
          },
        },
      ],
    });
  }
}

/** Average width of a character, in pixels per point of type (about 0.46 em, Vietnamese marks included). */
const CHAR_PIXELS_PER_POINT = 0.62;

/**
 * Rows of a laid-out tab whose wrapped text (Báo cáo's long unit names) needs more than one line get a
 * height for their lines: a program that does not measure rows on opening would show them overlapping.
 * Merged cells are left alone (no program sizes a row from them).
 */
function fitWrappedRows(sheet: ExcelJS.Worksheet, rows: number, columns: number): void {
  for (let r = 1; r <= rows; r++) {
    const row = sheet.findRow(r);
    if (!row || row.height !== undefined) continue;
    let height = 0;
    row.eachCell((cell, c) => {
      if (c > columns || cell.isMerged || !cell.alignment?.wrapText || typeof cell.value !== 'string') return;
      const size = cell.font?.size ?? 11;
      const room = columnPixels(sheet.getColumn(c).width) - 10;
      const lines = Math.ceil((cell.value.length * size * CHAR_PIXELS_PER_POINT) / Math.max(1, room));
      if (lines > 1) height = Math.max(height, lines * size * 1.25 + 3);
    });
    if (height > 0) row.height = height;
  }
}

/** The widest a column gets (characters); longer text wraps. */
const MAX_COLUMN_WIDTH = 60;
/** The widest a text column gets on a tab too wide for its page (characters): names wrap onto two lines. */
const NARROW_TEXT_WIDTH = 24;

/**
 * A tab wider than its page at the smallest readable scale gets narrower columns before it is split
 * across pages: a number's column as wide as its figures and its header's longest word (the header wraps),
 * a text column at most NARROW_TEXT_WIDTH (the text wraps on a taller row).
 */
function narrowToPage(sheet: ExcelJS.Worksheet, table: OutputTable): void {
  const columns = table.header.length;
  const pixels = () => {
    let total = 0;
    for (let c = 1; c <= columns; c++)
      if (!sheet.getColumn(c).hidden) total += columnPixels(sheet.getColumn(c).width);
    return total;
  };
  const least = PRINT.minPoints / FONT.body;
  if (pixels() * least <= PRINT.pagePixels.width * PRINT.widthSlack) return;
  for (let c = 1; c <= columns; c++) {
    const column = sheet.getColumn(c);
    const format = table.formats[c - 1];
    const name = String(table.header[c - 1] ?? '');
    if (format && format !== 'text') {
      const word = Math.max(0, ...name.split(/\s+/).map((w) => w.length));
      let figures = 0;
      for (const data of table.rows) figures = Math.max(figures, displayWidth(data[c - 1], format));
      const narrow = Math.max(9, Math.ceil(Math.max(word, figures, name.length / 2)) + 2);
      column.width = Math.min(column.width ?? narrow, narrow);
    } else if ((column.width ?? 0) > NARROW_TEXT_WIDTH) column.width = NARROW_TEXT_WIDTH;
  }
}
/** Height of one line of 10 pt text, in points. */
const BODY_LINE_POINTS = 13;
/**
 * Characters of 10 pt Arial per unit of column width (a unit is one digit of the 11 pt default font):
 * about 1.2, taken low so words that do not break evenly still fit.
 */
const BODY_CHARS_PER_WIDTH = 1.05;

/** Average glyph widths of the title (13 pt bold) and of 10 pt text in Arial, Vietnamese marks included. */
const TITLE_CHAR_PIXELS = 10;
const BODY_CHAR_PIXELS = 7;

/** Blank rows between the Tổng hợp table and the chart under it. */
const CHART_GAP_ROWS = 2;

/**
 * Puts the chart on Tổng hợp under its table, on a page of its own: scaled to fit one A4 landscape page
 * (below the repeated title and header rows), with a page break before it and the print area around it.
 */
export function embedChart(workbook: ExcelJS.Workbook, table: OutputTable, chart: ChartImage): void {
  const sheet = findByName(workbook.worksheets, table.tab, (s) => s.name);
  if (!sheet) return;
  const headerIndex = table.title.length + 1;
  const lastData = headerIndex + table.rows.length;
  let repeatedPixels = 0;
  for (let r = 1; r <= headerIndex; r++) repeatedPixels += rowPixels(sheet.getRow(r).height);
  const box = { width: PRINT.pagePixels.width, height: PRINT.pagePixels.height - repeatedPixels - 8 };
  const scale = Math.min(1, box.width / chart.width, box.height / chart.height);
  const ext = { width: Math.floor(chart.width * scale), height: Math.floor(chart.height * scale) };
  const top = lastData + CHART_GAP_ROWS;
  const imageId = workbook.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: 'png' });
  sheet.addImage(imageId, { tl: { col: 0, row: top }, ext, editAs: 'oneCell' });
  // The chart starts a page: a row break after the gap, then rows enough to hold it.
  sheet.getRow(top).addPageBreak();
  const chartRows = Math.ceil(ext.height / rowPixels(undefined)) + 1;
  const printArea = sheet.pageSetup.printArea ?? '';
  const tableColumns = /:\$?([A-Z]+)\$?\d+$/.exec(printArea)?.[1] ?? 'A';
  let columns = 0;
  for (const letter of tableColumns) columns = columns * 26 + (letter.charCodeAt(0) - 64);
  setUpPrinting(
    sheet,
    Math.max(columns, columnsSpanning(sheet, ext.width)),
    top + chartRows,
    [1, headerIndex],
    keyColumnsOf(table.header),
  );
}

/** Where the chart PNG goes: beside the workbook, `tinh.xlsx` → `tinh.chart.png`. */
export const chartPathOf = (workbookPath: string): string =>
  join(dirname(workbookPath), `${basename(workbookPath).replace(/\.xlsx$/i, '')}.chart.png`);

/** The temporary file a save writes beside `path` before renaming it over `path`. */
const tempPathOf = (path: string): string =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);

/** Excel's limits of one worksheet; a larger tab cannot be opened, so it is refused before writing. */
export const EXCEL_LIMITS = { rows: 1_048_576, columns: 16_384 } as const;

/** Throws LIMIT, before anything is read or written, when a table would not fit one Excel worksheet. */
export function assertFitsExcel(tables: readonly OutputTable[]): void {
  for (const table of tables) {
    const rows = table.title.length + 1 + table.rows.length;
    const columns = table.header.length;
    if (rows > EXCEL_LIMITS.rows || columns > EXCEL_LIMITS.columns) {
      throw new SyncError(
        'LIMIT',
        SHEETS_WRITE_TEXT.excelTooLarge(
          table.tab,
          ADDIN_LIMIT_TEXT.thousands(rows),
          ADDIN_LIMIT_TEXT.thousands(columns),
        ),
      );
    }
  }
}

/** Whether a process of this machine is still running (a save in progress keeps its temp file). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A day: older temp files are stale even if their process id was reused by another process since. */
const STALE_TEMP_MS = 24 * 3600 * 1000;

/**
 * Deletes the temp files beside `paths` left by a save that was killed between writing and renaming
 * (`.<name>.<pid>.<hex>.tmp`): those of processes no longer running, or older than a day. Best effort.
 */
export async function removeStaleTemps(paths: readonly string[], now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const path of paths) {
    const folder = dirname(path);
    const prefix = `.${basename(path)}.`;
    let names: string[];
    try {
      names = await readdir(folder);
    } catch {
      continue;
    }
    for (const name of names) {
      if (!name.startsWith(prefix)) continue;
      const match = /^(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name.slice(prefix.length));
      if (!match) continue;
      const file = join(folder, name);
      try {
        const old = now - (await stat(file)).mtimeMs > STALE_TEMP_MS;
        if (old || !isRunning(Number(match[1]))) {
          await unlink(file);
          removed.push(file);
        }
      } catch {
        // Gone meanwhile, or not ours to delete: left as it is.
      }
    }
  }
  return removed;
}

/**
 * The file a save replaces, and what it must keep: a symbolic link is written through (its target is
 * replaced, the link stays), and the target's permission bits and owner are given to the new file.
 */
export interface SaveTarget {
  readonly path: string;
  /** Permission bits of the existing file, or null for a new one. */
  readonly mode: number | null;
  readonly uid: number | null;
  readonly gid: number | null;
}

export async function saveTargetOf(location: string): Promise<SaveTarget> {
  let path = location;
  try {
    path = await realpath(location);
  } catch {
    // Not there yet. A dangling link is written through to where it points.
    try {
      path = resolve(dirname(location), await readlink(location));
    } catch {
      path = location;
    }
  }
  try {
    const info = await stat(path);
    return { path, mode: info.mode & 0o7777, uid: info.uid, gid: info.gid };
  } catch {
    return { path, mode: null, uid: null, gid: null };
  }
}

/**
 * Refuses, before anything is computed or written, a read-only workbook (no write permission bit: someone
 * protected it on purpose, and root would write it anyway) or one the system will not let us write, and a
 * folder that does not take the save's temp file (tried for real: ACLs, read-only mounts) or has no write
 * permission bit. The system's own reason, when there is one, is in the message (errors.ts translates it).
 */
export async function assertWritable(target: SaveTarget): Promise<void> {
  if (target.mode !== null) {
    if ((target.mode & 0o222) === 0)
      throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxReadOnly(target.path));
    try {
      await access(target.path, constants.W_OK);
    } catch (error) {
      const reason = (error as Error).message;
      throw new SyncError('WORKBOOK_FILE', SYSTEM_TEXT.fileNotWritable(target.path, reason), {
        cause: error,
      });
    }
  }
  const folder = dirname(target.path);
  let folderMode: number;
  try {
    folderMode = (await stat(folder)).mode;
  } catch {
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxNoFolder(folder));
  }
  const probe = join(
    folder,
    `.${basename(target.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  try {
    await (await open(probe, 'wx')).close();
    await unlink(probe);
  } catch (error) {
    const reason = (error as Error).message;
    throw new SyncError('WORKBOOK_FILE', SYSTEM_TEXT.folderNotWritable(folder, reason), { cause: error });
  }
  if ((folderMode & 0o222) === 0) {
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxFolderReadOnly(folder));
  }
}

/** What a file was when the run read it: compared right before the rename (contract 10.3). */
export interface FileIdentity {
  readonly size: number;
  readonly mtimeMs: number;
  readonly sha256: string;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The identity of `bytes` just read from `path` (stat taken after the read: a save meanwhile shows). */
async function identityOf(path: string, bytes: Uint8Array): Promise<FileIdentity> {
  const info = await stat(path);
  return { size: info.size, mtimeMs: info.mtimeMs, sha256: sha256(bytes) };
}

/**
 * Throws FILE_CHANGED unless `path` is still the file the run read (`expected`; null: there was none):
 * same size and modification time, then the same bytes. Someone who saved meanwhile keeps their save.
 */
async function assertUnchanged(path: string, expected: FileIdentity | null): Promise<void> {
  const info = await stat(path).catch(() => null);
  let same: boolean;
  if (!expected || !info) same = !expected && !info;
  else
    same =
      info.size === expected.size &&
      info.mtimeMs === expected.mtimeMs &&
      sha256(await readFile(path)) === expected.sha256;
  if (!same) throw new SyncError('FILE_CHANGED', SYNC_TEXT.xlsxChangedMeanwhile(path));
}

/**
 * Throws FILE_IN_USE when Excel or LibreOffice has the workbook open (its lock file is beside the name the
 * office uses or beside the file a link points to), naming the person when the lock file says.
 */
export async function assertNotOpen(paths: readonly string[]): Promise<void> {
  for (const path of new Set(paths)) {
    const [lock] = await officeLocksOf(path);
    if (lock)
      throw new SyncError(
        'FILE_IN_USE',
        SYNC_TEXT.xlsxOpenBy(path, lock.holder ?? SYNC_TEXT.xlsxSomeone, lock.app, lock.path),
      );
  }
}

/**
 * Writes `data` beside the target and renames it over the target, so a reader never sees half a file and
 * a crash leaves the old file or the new one. The new file gets `like`'s mode and owner (giving a file to
 * another owner needs root: elsewhere it stays the running user's, which is then the owner already).
 * With `expected` (undefined: not checked), the target is replaced only if it is still that file.
 */
async function replaceFile(
  path: string,
  data: Uint8Array,
  like: SaveTarget,
  expected?: FileIdentity | null,
): Promise<void> {
  const temp = tempPathOf(path);
  try {
    const handle = await open(temp, 'wx', like.mode ?? 0o666);
    try {
      await handle.writeFile(data);
      if (like.mode !== null) await handle.chmod(like.mode);
      if (
        like.uid !== null &&
        like.gid !== null &&
        (like.uid !== process.getuid?.() || like.gid !== process.getgid?.())
      ) {
        // Only root may give a file away; anyone may keep its group if they belong to it.
        await handle
          .chown(like.uid, like.gid)
          .catch(() => handle.chown(process.getuid?.() ?? like.uid ?? 0, like.gid ?? 0))
          .catch(() => undefined);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    // As late as possible: only the rename itself is left after this check.
    if (expected !== undefined) await assertUnchanged(path, expected);
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    if (error instanceof SyncError) throw error;
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxWriteFailed(path, (error as Error).message), {
      cause: error,
    });
  }
}

/** Saves an exceljs workbook beside the target, then renames it over the target (see replaceFile). */
export async function saveAtomically(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const target = await saveTargetOf(path);
  await replaceFile(target.path, Buffer.from(await workbook.xlsx.writeBuffer()), target);
}

/**
 * An .xlsx loaded whole (the run's read, the import's source), from `bytes` when the caller has them;
 * refused when it is not a workbook.
 */
export async function load(path: string, bytes?: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // Cells only: exceljs's reader throws on drawings, comments and tables laid out as openpyxl writes
    // them. They are not needed to read figures, and the write keeps them from the original bytes.
    await workbook.xlsx.load((await cellsView(bytes ?? (await readFile(path)))) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxReadFailed(path, (error as Error).message), {
      cause: error,
    });
  }
  // A zip that is not a workbook (a .docx renamed) loads as an empty one: it must not be overwritten.
  if (workbook.worksheets.length === 0) {
    const cause = new Error('no worksheet inside: not a valid workbook');
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxReadFailed(path, cause.message), { cause });
  }
  return workbook;
}

/** The tabs of a package with their marks (contract 10.2); a package that cannot be read is WORKBOOK_FILE. */
async function markedTabs(path: string, bytes: Buffer): Promise<{ name: string; marked: boolean }[]> {
  try {
    return await tabsOf(bytes);
  } catch (error) {
    const reason = (error as Error).message;
    throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxReadFailed(path, reason), { cause: error });
  }
}

/**
 * What the ownership plan needs of each tab: its name and mark, and for an unmarked tab named as an output
 * tab (an earlier version's, or the office's own) its first rows, read from the loaded workbook.
 */
function factsOf(workbook: ExcelJS.Workbook, tabs: readonly { name: string; marked: boolean }[]): TabFacts[] {
  return tabs.map((tab) => {
    if (!needsHeaderRows(tab)) return tab;
    const sheet = findByName(workbook.worksheets, tab.name, (s) => s.name);
    return sheet ? { ...tab, top: gridOfWorksheet(sheet).slice(0, HEADER_SEARCH_ROWS) } : tab;
  });
}

/**
 * The grids a run reads, from a loaded workbook, after the tab checks: `tabs` are the package's tabs
 * with their marks (a template made in memory has none).
 */
export function snapshotOf(
  workbook: ExcelJS.Workbook,
  tabs: readonly { name: string; marked: boolean }[] = workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    marked: false,
  })),
): WorkbookSnapshot {
  checkTabs(factsOf(workbook, tabs));
  const grid = (tab: string): Grid | undefined => {
    const sheet = findByName(workbook.worksheets, tab, (s) => s.name);
    return sheet ? gridOfWorksheet(sheet) : undefined;
  };
  const input: { -readonly [K in keyof WorkbookInput]: WorkbookInput[K] } = {};
  for (const [key, tab] of Object.entries(READ_TABS) as [keyof WorkbookInput, string][]) {
    const found = grid(tab);
    if (found) input[key] = found;
  }
  return { input, syncLog: grid(TAB.syncLog) };
}

export class XlsxWorkbook implements Workbook {
  readonly location: string;
  /** The chart PNG written beside the workbook by the last write that included Tổng hợp, else null. */
  chartPath: string | null = null;
  /** Why the last write could not write its chart PNG (the workbook itself was saved), else null. */
  chartError: string | null = null;
  /** The last write included Tổng hợp but drew no chart: no ranking scope has a unit yet. */
  chartEmpty = false;
  /** The last write created the file (it did not exist): the run says so. */
  created = false;

  constructor(
    path: string,
    private readonly now: () => Date = () => new Date(),
    /** Whether a missing file is a new workbook (--tao-moi); else a missing file is a mistyped path. */
    private readonly create = false,
  ) {
    this.location = resolve(path);
  }

  /**
   * A missing file reads as the template when asked to create one, so a first run gives a usable workbook;
   * otherwise it stops the run: a typo in the path must not quietly start an empty workbook.
   */
  async read(): Promise<WorkbookSnapshot> {
    if (!existsSync(this.location)) {
      if (!existsSync(dirname(this.location))) {
        throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxNoFolder(dirname(this.location)));
      }
      if (!this.create) throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxMissing(this.location));
      return snapshotOf(templateWorkbook(this.now()));
    }
    const bytes = await readFile(this.location).catch((error: Error) => {
      throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxReadFailed(this.location, error.message), {
        cause: error,
      });
    });
    const workbook = await load(this.location, bytes);
    return snapshotOf(workbook, await markedTabs(this.location, bytes));
  }

  /** Before a run that will write: a read-only workbook or folder, or one open in Excel, is refused before any fetch. */
  async assertWritable(): Promise<void> {
    const target = await saveTargetOf(this.location);
    await assertWritable(target);
    await assertNotOpen([this.location, target.path]);
  }

  /**
   * Re-reads the file right before writing, so edits made while the portal was fetched are kept, and
   * replaces only the given tabs inside it at zip level: every other part (user tabs, their charts,
   * images, pivots, tables, names) is kept as it is. Tables too large for Excel are refused before
   * anything is read or written; temp files of a killed save are removed; the chart PNG is written only
   * once the workbook is saved, so a failed save leaves the old workbook and the old PNG.
   */
  async write(tables: readonly OutputTable[], options?: WriteOptions): Promise<void> {
    assertFitsExcel(tables);
    const target = await saveTargetOf(this.location);
    await assertWritable(target);
    const isNew = target.mode === null;
    const original = isNew
      ? Buffer.from(await templateWorkbook(this.now()).xlsx.writeBuffer())
      : await readFile(target.path).catch((error: Error) => {
          throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxReadFailed(this.location, error.message), {
            cause: error,
          });
        });
    // The file this write builds on: it is replaced only if it is still this one right before the rename.
    const identity = isNew ? null : await identityOf(target.path, original);
    // Tab names and ownership checked again on the file as it is now, before any tab is replaced: only
    // the product's tabs (marked, or adopted by their header) are replaced, new ones are marked.
    const tabs = await markedTabs(this.location, original);
    const facts = tabs.some(needsHeaderRows) ? factsOf(await load(this.location, original), tabs) : tabs;
    const plan = checkTabs(
      facts,
      tables.map((table) => table.tab),
    );
    const overview = tables.find((table) => table.tab === TAB.overview);
    const chart = overview ? overviewChart(overview) : null;
    // The last moment the tables may change (the log row's duration): they are serialised next.
    options?.beforeCommit?.();
    const generated = new ExcelJS.Workbook();
    generated.creator = 'dvc-sync';
    for (const table of tables) writeRows(generated.addWorksheet(table.tab), table);
    if (overview && chart) embedChart(generated, overview, chart);
    let composed: Buffer;
    try {
      composed = await composePackage(
        original,
        Buffer.from(await generated.xlsx.writeBuffer()),
        (_entries, name) => plan.targets.get(name) ?? -1,
      );
    } catch (error) {
      if (!(error instanceof PackageError)) throw error;
      throw new SyncError('WORKBOOK_FILE', SYNC_TEXT.xlsxCannotKeep(this.location, error.message), {
        cause: error,
      });
    }
    const chartPath = chartPathOf(this.location);
    await removeStaleTemps([target.path, chartPath]);
    await assertNotOpen([this.location, target.path]);
    await replaceFile(target.path, composed, target, identity);
    this.created = isNew;
    if (!overview) return;
    this.chartPath = null;
    this.chartError = null;
    this.chartEmpty = chart === null;
    if (!chart) return;
    // The PNG gets the workbook's mode and owner: a private workbook has a private chart.
    const saved = await saveTargetOf(target.path);
    try {
      await replaceFile((await saveTargetOf(chartPath)).path, chart.png, saved);
      this.chartPath = chartPath;
    } catch (error) {
      // The workbook, with the chart inside Tổng hợp, is saved: the run stands. A PNG that no longer
      // matches it is removed rather than left beside it.
      // The system's own reason (no space, no permission), not the Excel-file wording of the wrapper.
      const cause = (error as { cause?: unknown }).cause;
      this.chartError = (cause instanceof Error ? cause : (error as Error)).message;
      await unlink(chartPath).catch(() => undefined);
    }
  }
}
