// Raw cell grids as the adapters hand them over, A1 addresses, and finding columns by header text.
import { fold } from './text';

/** A cell as a spreadsheet returns it: Apps Script gives Date objects, the Sheets API and xlsx give numbers. */
export type Cell = string | number | boolean | Date | null | undefined;
export type Grid = readonly (readonly Cell[])[];

export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A1 address of 0-based row and column indices. */
export const a1 = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;

/** A tab read by header text: where the header row is, and where each wanted column sits. */
export interface HeaderedTable {
  /** 0-based index of the header row in the grid; -1 when none was found. */
  headerRow: number;
  /** Wanted header → 0-based column index; absent when the column is missing. */
  columns: Map<string, number>;
  /** Data rows below the header row, each with its 0-based row index in the grid. */
  rows: { index: number; cells: readonly Cell[] }[];
  /** Wanted headers that are not in the header row. */
  missing: string[];
}

/**
 * Finds the header row (the first row containing `anchor`) and the wanted columns by text,
 * so users may reorder columns, add their own and put title rows above.
 */
export function readTable(grid: Grid, anchor: string, wanted: readonly string[]): HeaderedTable {
  const anchorKey = fold(anchor);
  const headerRow = grid.findIndex((row) => row.some((cell) => fold(cell) === anchorKey));
  const columns = new Map<string, number>();
  if (headerRow < 0) return { headerRow, columns, rows: [], missing: [...wanted] };
  const header = grid[headerRow] ?? [];
  const positions = new Map<string, number>();
  header.forEach((cell, index) => {
    const key = fold(cell);
    if (key !== '' && !positions.has(key)) positions.set(key, index);
  });
  const missing: string[] = [];
  for (const name of wanted) {
    const index = positions.get(fold(name));
    if (index === undefined) missing.push(name);
    else columns.set(name, index);
  }
  const rows: HeaderedTable['rows'] = [];
  for (let index = headerRow + 1; index < grid.length; index++) {
    const cells = grid[index] ?? [];
    if (cells.some((cell) => !isBlank(cell))) rows.push({ index, cells });
  }
  return { headerRow, columns, rows, missing };
}

/** The cell of a row under a named column, or undefined when the column is missing. */
export function pick(table: HeaderedTable, cells: readonly Cell[], column: string): Cell {
  const index = table.columns.get(column);
  return index === undefined ? undefined : cells[index];
}

/** A1 address of a row's cell under a named column (the row's first cell when the column is missing). */
export function cellAddress(table: HeaderedTable, rowIndex: number, column: string): string {
  return a1(rowIndex, table.columns.get(column) ?? 0);
}

/** Text of a cell for messages: dates shown as dd/MM/yyyy would need a zone, so ISO is used. */
export function showCell(cell: Cell): string {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString();
  if (cell === null || cell === undefined) return '';
  return String(cell).normalize('NFC').trim();
}
