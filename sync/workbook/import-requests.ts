// The input tabs of an .xlsx as Sheets v4 requests of one batch: each cell with its type (numbers, text, dates as dates), each tab replaced or added whole.
import type ExcelJS from 'exceljs';
import type { sheets_v4 } from 'googleapis';
import { a1, COL, type Grid, isArchiveTab, NUMBER_PATTERNS, serialOfFloating, TAB } from '../../src/core';
import { headerRowOf } from '../../src/core/cells';
import { mapWorksheet } from './excel-cells';
import { chooseSheetId, type SheetInfo } from './sheets-write';
import { findByName, READ_TABS } from './workbook';

type Request = sheets_v4.Schema$Request;
type CellData = sheets_v4.Schema$CellData;

/** One tab to import: its title as in the .xlsx, its rows as Sheets cells, its width in columns. */
export interface ImportTab {
  readonly title: string;
  readonly rows: sheets_v4.Schema$RowData[];
  readonly width: number;
}

/** A cell of the .xlsx that has a formula but no saved result: it cannot be imported as a value. */
export class FormulaWithoutValue extends Error {
  constructor(
    readonly tab: string,
    readonly cell: string,
  ) {
    super(`${tab}!${cell}: formula without a cached value`);
  }
}

/** Tabs an import copies: the input tabs (Dữ liệu Cổng DVC too: it accumulates, §10.1) and Nhập liệu's archives. */
export const IMPORTED_TABS: readonly string[] = Object.values(READ_TABS);

/** Whether a tab of the .xlsx is imported (exact names, NFC, as the sync finds its tabs; archives as set-up names them). */
export const isImported = (title: string): boolean =>
  findByName(IMPORTED_TABS, title, (name) => name) !== undefined || isArchiveTab(title);

/** The fields an import sets on every cell: what was typed and how it shows (so a date stays a date). */
export const IMPORT_CELL_FIELDS = 'userEnteredValue,userEnteredFormat.numberFormat';

const DATE_FORMAT: sheets_v4.Schema$NumberFormat = { type: 'DATE', pattern: 'dd/mm/yyyy' };

/**
 * One cell as Sheets stores it, with the type it had: a number stays a number (a percent keeps its percent
 * format), a date becomes the same serial day shown as a date, text stays text (never a formula), a
 * formula gives its saved result. Null for an empty cell; `refuse` for a formula without a saved result.
 */
function cellDataOf(
  value: ExcelJS.CellValue,
  numFmt: string | undefined,
  refuse: () => never,
): CellData | null {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return {
      userEnteredValue: { numberValue: serialOfFloating(value) },
      userEnteredFormat: { numberFormat: DATE_FORMAT },
    };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { userEnteredValue: { stringValue: String(value) } };
    const percent = numFmt?.includes('%')
      ? {
          userEnteredFormat: {
            numberFormat: { type: 'PERCENT', pattern: numFmt.includes('.') ? NUMBER_PATTERNS.percent : '0%' },
          },
        }
      : {};
    return { userEnteredValue: { numberValue: value }, ...percent };
  }
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  if (typeof value === 'string') return { userEnteredValue: { stringValue: value } };
  if ('richText' in value)
    return { userEnteredValue: { stringValue: value.richText.map((p) => p.text).join('') } };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) refuse();
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result)
      return { userEnteredValue: { stringValue: result.error } };
    return cellDataOf(result as ExcelJS.CellValue, numFmt, refuse);
  }
  if ('error' in value) return { userEnteredValue: { stringValue: value.error } };
  if ('hyperlink' in value) return { userEnteredValue: { stringValue: value.text } };
  return { userEnteredValue: { stringValue: String(value) } };
}

/** A worksheet as the rows of an import: row 1 first, trailing empty cells and rows left out. */
export function importTabOf(sheet: ExcelJS.Worksheet): ImportTab {
  const rows: sheets_v4.Schema$RowData[] = [];
  let width = 1;
  // Merged cells as the sync reads them: only the master keeps its value.
  const grid = mapWorksheet(sheet, (cell, r, c) =>
    cellDataOf(cell.value, cell.numFmt, () => {
      throw new FormulaWithoutValue(sheet.name, a1(r - 1, c - 1));
    }),
  );
  for (const cells of grid) {
    const values: CellData[] = cells.map((data) => data ?? {});
    while (values.length > 0 && values[values.length - 1]?.userEnteredValue === undefined) values.pop();
    width = Math.max(width, values.length);
    rows.push(values.length > 0 ? { values } : {});
  }
  while (rows.length > 0 && !rows[rows.length - 1]?.values) rows.pop();
  return { title: sheet.name, rows, width };
}

/** The tabs of an .xlsx that an import copies, in its tab order. */
export const importTabs = (workbook: ExcelJS.Workbook): ImportTab[] =>
  workbook.worksheets.filter((sheet) => isImported(sheet.name)).map(importTabOf);

/** The cell (contract §2's header anchor) whose row is a tab's header: Tham số in Cấu hình, Mã TTHC in the catalogue. */
const anchorOf = (title: string): string =>
  title.normalize('NFC') === TAB.settings
    ? COL.param
    : title.normalize('NFC') === TAB.catalogue
      ? COL.procedureCode
      : COL.unitCode;

/**
 * Whether a tab of the Google Sheet holds data an import would replace: any value below its header row
 * (anywhere, when it has no header row). A tab with its header alone is empty.
 */
export function holdsData(title: string, grid: Grid): boolean {
  const header = headerRowOf(grid, anchorOf(title));
  return grid
    .slice(header + 1)
    .some((row) => row.some((cell) => cell !== null && cell !== undefined && cell !== ''));
}

/**
 * The batch that puts the tabs into the Sheet as it is now: a tab that exists is grown when too small,
 * cleared (values and number formats) and written from A1; a missing one is added at the end and written.
 * Other tabs, protections and the tabs' other formats are left as they are.
 */
export function importRequests(tabs: readonly ImportTab[], sheets: readonly SheetInfo[]): Request[] {
  const taken = new Set(sheets.map((sheet) => sheet.sheetId));
  const requests: Request[] = [];
  for (const tab of tabs) {
    const found = findByName(sheets, tab.title, (sheet) => sheet.title);
    let sheetId: number;
    if (found) {
      sheetId = found.sheetId;
      if (found.rowCount < tab.rows.length || found.columnCount < tab.width) {
        requests.push({
          updateSheetProperties: {
            properties: {
              sheetId,
              gridProperties: {
                rowCount: Math.max(found.rowCount, tab.rows.length),
                columnCount: Math.max(found.columnCount, tab.width),
              },
            },
            fields: 'gridProperties(rowCount,columnCount)',
          },
        });
      }
      requests.push({ updateCells: { range: { sheetId }, fields: IMPORT_CELL_FIELDS } });
    } else {
      sheetId = chooseSheetId(tab.title, taken);
      taken.add(sheetId);
      requests.push({
        addSheet: {
          properties: {
            sheetId,
            title: tab.title,
            gridProperties: {
              rowCount: Math.max(tab.rows.length, 100),
              columnCount: Math.max(tab.width, 26),
            },
          },
        },
      });
    }
    if (tab.rows.length > 0) {
      requests.push({
        updateCells: {
          start: { sheetId, rowIndex: 0, columnIndex: 0 },
          rows: tab.rows,
          fields: IMPORT_CELL_FIELDS,
        },
      });
    }
  }
  return requests;
}

/** Rows × columns of the spreadsheet after the import (Google's cell limit counts every tab). */
export function cellsAfterImport(tabs: readonly ImportTab[], sheets: readonly SheetInfo[]): number {
  let cells = 0;
  const touched = new Set<number>();
  for (const tab of tabs) {
    const found = findByName(sheets, tab.title, (sheet) => sheet.title);
    if (found) touched.add(found.sheetId);
    cells += found
      ? Math.max(found.rowCount, tab.rows.length) * Math.max(found.columnCount, tab.width)
      : Math.max(tab.rows.length, 100) * Math.max(tab.width, 26);
  }
  for (const sheet of sheets) if (!touched.has(sheet.sheetId)) cells += sheet.rowCount * sheet.columnCount;
  return cells;
}
