// Raw cell grids as the adapters hand them over, A1 addresses, and finding columns by header text.
import { MSG } from './labels';
import { formatLocalDate } from './month';
import { excerpt, fold } from './text';

/** A cell as a spreadsheet returns it: Apps Script gives Date objects, the Sheets API and xlsx give numbers. */
export type Cell = string | number | boolean | Date | null | undefined;
export type Grid = readonly (readonly Cell[])[];

/**
 * What a workbook reader hands over for a formula cell whose file holds no computed value (an .xlsx
 * written by a program that does not calculate): not a blank, which would read as a month not reported.
 */
export const FORMULA_WITHOUT_VALUE = '\u0000=formula';

/** Error values as Sheets, Apps Script and Excel show them (#REF!, #N/A…): a formula that failed. */
const ERROR_LITERAL =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|LOADING\.*|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!|EXTERNAL!|PYTHON!)$/i;

/** The problem of a cell that holds a formula without a usable value: 'noValue', the error text, or null. */
export function formulaProblem(cell: Cell): string | null {
  if (typeof cell !== 'string') return null;
  if (cell === FORMULA_WITHOUT_VALUE) return cell;
  const text = cell.trim();
  return ERROR_LITERAL.test(text) ? text.toUpperCase() : null;
}

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
  /** 0-based index of the header row (the row with the anchor) in the grid; -1 when none was found. */
  headerRow: number;
  /** 0-based index of the last header row: headerRow + 1 when a merged header spans two rows. */
  lastHeaderRow: number;
  /** Wanted header → 0-based column index; absent when the column is missing. */
  columns: Map<string, number>;
  /** Data rows below the header rows, each with its 0-based row index in the grid. */
  rows: { index: number; cells: readonly Cell[] }[];
  /** Wanted headers that are not in the header rows. */
  missing: string[];
}

/** Folded header text → first column holding it, for one row. */
function headerPositions(row: readonly Cell[]): Map<string, number> {
  const positions = new Map<string, number>();
  row.forEach((cell, index) => {
    const key = fold(cell);
    if (key !== '' && !positions.has(key)) positions.set(key, index);
  });
  return positions;
}

/**
 * Finds the header row (the first row containing `anchor`) and the wanted columns by text,
 * so users may reorder columns, add their own and put title rows above. A header of two rows, as
 * merged cells give it (`Kỳ` merged down over two rows, `Số hồ sơ` merged across its two columns,
 * the column names in the row below), is read as one: a wanted name missing from the anchor row is
 * taken from the row below, else from the row above, and data starts after the lowest header row.
 */
export function readTable(
  grid: Grid,
  anchor: string,
  wanted: readonly string[],
  aliases: Readonly<Record<string, readonly string[]>> = {},
): HeaderedTable {
  const anchorKey = fold(anchor);
  // A wanted column may go by other names (the two online headers of contract §8.1): first found wins.
  const namesOf = (name: string): string[] => [name, ...(aliases[name] ?? [])].map(fold);
  const first = (positions: Map<string, number>, name: string): number | undefined => {
    for (const key of namesOf(name)) {
      const index = positions.get(key);
      if (index !== undefined) return index;
    }
    return undefined;
  };
  const headerRow = grid.findIndex((row) => row.some((cell) => fold(cell) === anchorKey));
  const columns = new Map<string, number>();
  if (headerRow < 0) return { headerRow, lastHeaderRow: -1, columns, rows: [], missing: [...wanted] };
  const own = headerPositions(grid[headerRow] ?? []);
  const below = headerRow + 1 < grid.length ? headerPositions(grid[headerRow + 1] ?? []) : new Map();
  const above = headerRow > 0 ? headerPositions(grid[headerRow - 1] ?? []) : new Map();
  const taken = new Set<number>();
  const missing: string[] = [];
  let lastHeaderRow = headerRow;
  for (const name of wanted) {
    const index = first(own, name);
    if (index === undefined) continue;
    columns.set(name, index);
    taken.add(index);
  }
  for (const name of wanted) {
    if (columns.has(name)) continue;
    const fromBelow = first(below, name);
    const fromAbove = first(above, name);
    if (fromBelow !== undefined && !taken.has(fromBelow)) {
      columns.set(name, fromBelow);
      taken.add(fromBelow);
      lastHeaderRow = headerRow + 1;
    } else if (fromAbove !== undefined && !taken.has(fromAbove)) {
      columns.set(name, fromAbove);
      taken.add(fromAbove);
    } else missing.push(name);
  }
  const rows: HeaderedTable['rows'] = [];
  for (let index = lastHeaderRow + 1; index < grid.length; index++) {
    const cells = grid[index] ?? [];
    if (cells.some((cell) => !isBlank(cell))) rows.push({ index, cells });
  }
  return { headerRow, lastHeaderRow, columns, rows, missing };
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

/** Text of a cell quoted in a message: showCell cut to a short excerpt (contract: no over-long cells). */
export function quoteCell(cell: Cell): string {
  return excerpt(showCell(cell));
}

/** Text of a cell for messages: dates as dd/MM/yyyy in Asia/Ho_Chi_Minh, never the runtime's zone. */
export function showCell(cell: Cell): string {
  if (cell === FORMULA_WITHOUT_VALUE) return MSG.formulaPlaceholder;
  if (cell instanceof Date) return formatLocalDate(cell);
  if (cell === null || cell === undefined) return '';
  return String(cell).normalize('NFC').trim();
}

/** 0-based index of the first row that contains `anchor` (the header row of contract §2); -1 when none. */
export function headerRowOf(grid: Grid, anchor: string): number {
  const key = fold(anchor);
  return grid.findIndex((row) => row.some((cell) => fold(cell) === key));
}
