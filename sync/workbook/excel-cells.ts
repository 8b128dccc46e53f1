// exceljs cells ⇄ the core's Cell: dates to instants in Vietnam, rich text to text, formulas to their cached result or a marker.
import type { CellValue, Cell as ExcelCell, Worksheet } from 'exceljs';
import type { Cell } from '../../src/core';
import { FORMULA_WITHOUT_VALUE, instantOfFloating } from '../../src/core';

/**
 * A cell as the core reads it. exceljs gives floating dates as UTC Date objects; they become the
 * instant of that wall-clock time in Vietnam, a Date as Apps Script gives, so a date typed in a count
 * column is refused in both halves alike and a date in Kỳ names its month in both.
 */
export function cellOfExcel(value: CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : instantOfFloating(value);
  if (typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    // No cached result (a file written by a program that does not calculate): not an empty cell, which
    // would read as a month not reported, but a value the core reports as a Lỗi at this cell.
    if (result === undefined || result === null) return FORMULA_WITHOUT_VALUE;
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return result.error;
    return cellOfExcel(result as CellValue);
  }
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return value.text;
  return String(value);
}

/**
 * Every row of a worksheet (row 1 → index 0) as its cells read by `read` (1-based row and column); a merged
 * cell other than its master is null: exceljs repeats the master's value in it, the sheet shows it once.
 */
export function mapWorksheet<T>(
  sheet: Worksheet,
  read: (cell: ExcelCell, row: number, column: number) => T,
): (T | null)[][] {
  const rows: (T | null)[][] = [];
  const rowCount = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: (T | null)[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      cells.push(cell.isMerged && cell.master !== cell ? null : read(cell, r, c));
    }
    rows.push(cells);
  }
  return rows;
}

/** The worksheet as a grid of core cells (row 1 → index 0), trailing empty rows dropped. */
export function gridOfWorksheet(sheet: Worksheet): Cell[][] {
  const grid: Cell[][] = mapWorksheet(sheet, (cell) => cellOfExcel(cell.value));
  while (grid.length > 0 && (grid[grid.length - 1] ?? []).every((c) => c === null || c === '')) grid.pop();
  return grid;
}
