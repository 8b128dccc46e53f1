// exceljs cells ⇄ the core's Cell: dates to instants in Vietnam, rich text to text, formulas to their cached result or a marker.
import type { CellValue, Worksheet } from 'exceljs';
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

/** The worksheet as a grid of core cells (row 1 → index 0), trailing empty rows dropped. */
export function gridOfWorksheet(sheet: Worksheet): Cell[][] {
  const grid: Cell[][] = [];
  const rowCount = sheet.actualRowCount === 0 ? 0 : sheet.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // Merged cells repeat the master's value in exceljs; only the master keeps it here.
      cells.push(cell.isMerged && cell.master !== cell ? null : cellOfExcel(cell.value));
    }
    grid.push(cells);
  }
  while (grid.length > 0 && (grid[grid.length - 1] ?? []).every((c) => c === null || c === '')) grid.pop();
  return grid;
}
