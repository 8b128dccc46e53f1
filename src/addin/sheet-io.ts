// SpreadsheetApp reads and writes: one read per input tab, one write per output tab, values kept as typed text.
import {
  type Cell,
  type ColumnFormat,
  fold,
  type Grid,
  headerRowIndex,
  type OutputTable,
  TAB,
  tableToGrid,
  type WorkbookInput,
} from '../core';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Number formats Sheets applies for each column format of the core. */
export const NUMBER_FORMAT: Record<ColumnFormat, string> = {
  text: '@',
  integer: '#,##0',
  percent: '0.00%',
  decimal: '0.00',
};

/** The whole tab as Apps Script returns it, or undefined when the tab does not exist (one read). */
export function readTab(spreadsheet: Spreadsheet, name: string): Grid | undefined {
  const sheet = spreadsheet.getSheetByName(name);
  return sheet ? (sheet.getDataRange().getValues() as Cell[][]) : undefined;
}

/** Every tab by name, from one getSheets call (the recompute looks each tab up here, not one call per tab). */
export type Tabs = ReadonlyMap<string, Sheet>;

export function tabsOf(spreadsheet: Spreadsheet): Tabs {
  return new Map(spreadsheet.getSheets().map((sheet) => [sheet.getName(), sheet]));
}

/** Every tab the core reads: Cấu hình, Đơn vị, Nhập liệu, Danh mục DVC and the sync's Dữ liệu Cổng DVC. */
export function readInputs(tabs: Tabs): WorkbookInput {
  const read = (name: string): Grid | undefined => {
    const sheet = tabs.get(name);
    return sheet ? (sheet.getDataRange().getValues() as Cell[][]) : undefined;
  };
  return {
    settings: read(TAB.settings),
    units: read(TAB.units),
    entries: read(TAB.entries),
    catalogue: read(TAB.catalogue),
    portal: read(TAB.portal),
  };
}

/** Formula, sign, mention, quote, bracket and error-literal (#N/A) starts, also after spaces Sheets ignores. */
const FORMULA_START = /^\s*[=+\-@'(#]/;
const NUMBER_OR_DATE_START = /^\s*[\d.,$€£¥₫%]/;
const BOOLEAN = /^\s*(true|false)\s*$/i;

/**
 * Whether Sheets would read typed text as something else (a formula, number, date or boolean):
 * such text is written with a leading apostrophe, which Sheets keeps out of the stored value.
 */
export function needsApostrophe(text: string): boolean {
  return FORMULA_START.test(text) || NUMBER_OR_DATE_START.test(text) || BOOLEAN.test(text);
}

/** A cell as setValues should receive it so the stored value equals `cell`. */
export function toSheetValue(cell: Cell): string | number | boolean | Date {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell !== '' && needsApostrophe(cell) ? `'${cell}` : cell;
  return cell;
}

/** Pads every row of a grid to `width` and the grid to `height` with empty cells. */
export function padGrid<T>(rows: readonly (readonly T[])[], height: number, width: number, empty: T): T[][] {
  const out: T[][] = [];
  for (let r = 0; r < height; r++) {
    const source = rows[r] ?? [];
    const row: T[] = [];
    for (let c = 0; c < width; c++) row.push(c < source.length ? (source[c] as T) : empty);
    out.push(row);
  }
  return out;
}

/** The tab, created when missing. */
export function sheetFor(spreadsheet: Spreadsheet, name: string, tabs?: Tabs): Sheet {
  return (tabs ? tabs.get(name) : spreadsheet.getSheetByName(name)) ?? spreadsheet.insertSheet(name);
}

/**
 * Replaces a tab's content with a table in one setValues over the union of the old and new
 * rectangles (so a failure leaves the old tab whole), then its number formats and bold header rows
 * in one call each, and freezes the title and header rows. A fixed number of calls whatever the size.
 */
export function writeTable(
  sheet: Sheet,
  table: OutputTable,
): { firstDataRow: number; rows: number; width: number } {
  const grid = tableToGrid(table).map((row) => row.map(toSheetValue));
  const header = headerRowIndex(table);
  const width = table.header.length;
  const height = Math.max(grid.length, sheet.getLastRow());
  const span = Math.max(width, sheet.getLastColumn());
  const range = sheet.getRange(1, 1, height, span);
  range.setValues(padGrid(grid, height, span, ''));
  const formats = padGrid<string>([], height, span, NUMBER_FORMAT.text).map((row, r) =>
    r <= header || r >= grid.length ? row : row.map((_, c) => NUMBER_FORMAT[table.formats[c] ?? 'text']),
  );
  range.setNumberFormats(formats);
  range.setFontWeights(
    padGrid<GoogleAppsScript.Spreadsheet.FontWeight>([], height, span, 'normal').map((row, r) =>
      row.map((weight) => (r <= header ? 'bold' : weight)),
    ),
  );
  sheet.setFrozenRows(header + 1);
  return { firstDataRow: header + 2, rows: table.rows.length, width };
}

/** Sheets' limit on the cells of one spreadsheet: every tab's rows × columns, empty cells included. */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

/** Rows × columns of a tab Sheets creates (insertSheet). */
const NEW_SHEET = { rows: 1000, columns: 26 };

/**
 * Cells the spreadsheet will have once `tables` are written by writeTable: each written tab grows to
 * hold its grid (a missing tab is created at Sheets' default size first), the other tabs stay as they
 * are. A fixed number of calls: two per tab, whatever the size of the tables.
 */
export function cellsAfterWrite(tabs: Tabs, tables: readonly OutputTable[]): number {
  const wanted = new Map(tables.map((table) => [table.tab as string, table]));
  let cells = 0;
  const grown = (rows: number, columns: number, table: OutputTable | undefined): number => {
    if (!table) return rows * columns;
    const height = table.title.length + 1 + table.rows.length;
    return Math.max(rows, height) * Math.max(columns, table.header.length);
  };
  for (const [name, sheet] of tabs) {
    cells += grown(sheet.getMaxRows(), sheet.getMaxColumns(), wanted.get(name));
    wanted.delete(name);
  }
  for (const table of wanted.values()) cells += grown(NEW_SHEET.rows, NEW_SHEET.columns, table);
  return cells;
}

/** 0-based index of a header in a header row, by folded text; -1 when absent. */
export function columnOf(header: readonly Cell[], name: string): number {
  const key = fold(name);
  return header.findIndex((cell) => fold(cell) === key);
}

/** 0-based index of the first row that contains `anchor`; -1 when none. */
export function headerRowOf(grid: Grid, anchor: string): number {
  const key = fold(anchor);
  return grid.findIndex((row) => row.some((cell) => fold(cell) === key));
}
