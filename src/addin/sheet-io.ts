// SpreadsheetApp reads: one read per input tab; cells as setValues should receive them (set-up's writes).
import { type Cell, fold, type Grid, TAB, type WorkbookInput } from '../core';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The whole tab as Apps Script returns it, or undefined when the tab does not exist (one read). */
export function readTab(spreadsheet: Spreadsheet, name: string): Grid | undefined {
  const sheet = spreadsheet.getSheetByName(name);
  return sheet ? (sheet.getDataRange().getValues() as Cell[][]) : undefined;
}

/**
 * Every tab the core reads (Cấu hình, Đơn vị, Nhập liệu, Danh mục DVC and the sync's Dữ liệu Cổng DVC):
 * one getSheets call, matched to the layout's titles by position (both list tabs in tab order, so no
 * getName call per tab), then one getDataRange and one getValues per input tab.
 */
export function readInputs(
  spreadsheet: Spreadsheet,
  // The tab titles of sheets-api's Layout, in tab order (only they are needed: no import of that module).
  layout: { readonly tabs: readonly { readonly title: string }[] },
): WorkbookInput {
  const sheets = spreadsheet.getSheets();
  // A tab added or removed between the two reads: look each input tab up by name instead.
  const sameTabs = sheets.length === layout.tabs.length;
  const byTitle = new Map<string, Sheet>();
  if (sameTabs)
    layout.tabs.forEach((tab, index) => {
      const sheet = sheets[index];
      if (sheet) byTitle.set(tab.title, sheet);
    });
  const read = (name: string): Grid | undefined => {
    const sheet = sameTabs ? byTitle.get(name) : spreadsheet.getSheetByName(name);
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
