// Sheets v4 grid data → the core's Cell: date-formatted numbers to instants in Vietnam, errors to their text.
import type { sheets_v4 } from 'googleapis';
import type { Cell } from '../../src/core';
import { floatingOfSerial, instantOfFloating } from '../../src/core';

/**
 * What spreadsheets.get returns of the read tabs: each tab's title and, per cell, only its effective
 * value and number format type (the rest of CellData is several times larger and unused).
 */
export const GRID_FIELDS =
  'sheets(properties(sheetId,title),data(startRow,startColumn,rowData(values(effectiveValue,effectiveFormat.numberFormat.type))))';

/** Number format types under which Sheets shows a serial number as a date, a date-time or a time. */
const DATE_TYPES: ReadonlySet<string> = new Set(['DATE', 'DATE_TIME', 'TIME']);

/** The text Sheets shows for each ErrorValue.type, as Apps Script's getValues and exceljs give it. */
const ERROR_TEXT: Readonly<Record<string, string>> = {
  N_A: '#N/A',
  DIVIDE_BY_ZERO: '#DIV/0!',
  VALUE: '#VALUE!',
  REF: '#REF!',
  NAME: '#NAME?',
  NUM: '#NUM!',
  NULL_VALUE: '#NULL!',
  ERROR: '#ERROR!',
  LOADING: '#LOADING',
};

/**
 * A cell as the core reads it, whatever the sheet's locale. A number shown as a date is a floating local
 * date-time (serial days since 30/12/1899): it becomes the instant of that wall-clock time in Vietnam, the
 * Date Apps Script gives for the cell, so a date typed in a count column is refused in both halves alike
 * and a date in Kỳ names its month in both.
 */
export function cellOfSheets(data: sheets_v4.Schema$CellData | undefined): Cell {
  const value = data?.effectiveValue;
  if (!value) return null;
  if (typeof value.numberValue === 'number') {
    const type = data?.effectiveFormat?.numberFormat?.type;
    if (!type || !DATE_TYPES.has(type)) return value.numberValue;
    const floating = floatingOfSerial(value.numberValue);
    return Number.isNaN(floating.getTime()) ? value.numberValue : instantOfFloating(floating);
  }
  if (typeof value.stringValue === 'string') return value.stringValue;
  if (typeof value.boolValue === 'boolean') return value.boolValue;
  if (value.errorValue) return ERROR_TEXT[value.errorValue.type ?? ''] ?? ERROR_TEXT.ERROR ?? null;
  return null;
}

/** A tab's grid data (one range) as a grid of core cells, row 1 → index 0, trailing empty rows dropped. */
export function gridOfGridData(data: sheets_v4.Schema$GridData | undefined): Cell[][] {
  const grid: Cell[][] = [];
  if (!data) return grid;
  const top = data.startRow ?? 0;
  const left = data.startColumn ?? 0;
  for (let r = 0; r < top; r++) grid.push([]);
  for (const row of data.rowData ?? []) {
    const cells: Cell[] = Array.from({ length: left }, () => null);
    for (const cell of row.values ?? []) cells.push(cellOfSheets(cell));
    while (cells.length > 0 && (cells[cells.length - 1] === null || cells[cells.length - 1] === ''))
      cells.pop();
    grid.push(cells);
  }
  while (grid.length > 0 && (grid[grid.length - 1] ?? []).length === 0) grid.pop();
  return grid;
}
