// The Nhập liệu grid set-up writes: one row per unit and month of Năm, existing figures moved into place, the rest kept below.
import {
  type Cell,
  type ClassificationKey,
  COL,
  COLUMN_ALIASES,
  ENTRIES_HEADER,
  formatMonth,
  type Grid,
  inVocabulary,
  parseMonth,
  readTable,
  type Unit,
} from '../core';
import { toSheetValue } from './sheet-io';

export type SheetValue = string | number | boolean | Date;

export interface UnitBlock {
  readonly unit: Unit;
  /** 0-based grid row of the unit's first month, and its number of rows (12). */
  readonly firstRow: number;
  readonly rows: number;
}

export interface EntryLayout {
  /** What to write, cell by cell: formulas as formulas, text forced to stay text. */
  readonly grid: SheetValue[][];
  /** 0-based index of the last header row (the row below the anchor row when a merged header spans two). */
  readonly headerRow: number;
  /** 0-based columns of Kỳ, Mã đơn vị, the two counts and Ghi chú in the laid-out grid. */
  readonly columns: { month: number; unit: number; resolved: number; online: number; note: number };
  readonly blocks: readonly UnitBlock[];
  /** Rows that could not be placed (unknown unit, bad month, another year, a second row for a month). */
  readonly kept: number;
}

export const MONTHS_PER_YEAR = 12;

const blank = (cell: Cell): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/**
 * Lays out Nhập liệu for `year`: title rows and the header stay, each unit gets its 12 months in
 * Đơn vị order (its rows contiguous), every existing row with a figure, a note or any other content
 * lands on its unit-month or, when it cannot, below the prefilled rows, never dropped. Rows that
 * carry nothing but a unit and a month are dropped when they have no place.
 */
export function layoutEntries(
  values: Grid,
  formulas: readonly (readonly string[])[],
  units: readonly Unit[],
  resolve: (code: string) => Unit | undefined,
  year: number,
  classification: ClassificationKey = 'levels',
): EntryLayout {
  const written = (r: number, c: number): SheetValue => {
    const formula = formulas[r]?.[c] ?? '';
    return formula !== '' ? formula : toSheetValue(values[r]?.[c]);
  };
  // The core's reading of the header (a merged two-row header included), so set-up and recompute agree.
  // The online column is found under either header and keeps the sheet's own; a new one follows Cách phân loại.
  const table = readTable(values, COL.unitCode, ENTRIES_HEADER, COLUMN_ALIASES);
  const found = table.headerRow;
  const anchorRow = Math.max(found, 0);
  const headerRow = found < 0 ? 0 : table.lastHeaderRow;
  const names = inVocabulary(ENTRIES_HEADER, classification);
  const header: Cell[] = found < 0 ? [...names] : [...(values[found] ?? [])];
  const at = new Map<string, number>(found < 0 ? ENTRIES_HEADER.map((name, c) => [name, c]) : table.columns);
  ENTRIES_HEADER.forEach((name, c) => {
    if (at.has(name)) return;
    at.set(name, header.length);
    header.push(names[c] as string);
  });
  const columnOf = (name: string): number => at.get(name) as number;
  const columns = {
    month: columnOf(COL.month),
    unit: columnOf(COL.unitCode),
    resolved: columnOf(COL.resolved),
    online: columnOf(COL.online),
    note: columnOf(COL.note),
  };
  const width = Math.max(header.length, ...values.map((row) => row.length));
  const rowOf = (r: number): SheetValue[] => Array.from({ length: width }, (_, c) => written(r, c));
  const hasContent = (r: number, skip: readonly number[]): boolean =>
    Array.from({ length: width }, (_, c) => c).some(
      (c) => !skip.includes(c) && (!blank(values[r]?.[c]) || (formulas[r]?.[c] ?? '') !== ''),
    );

  const slots = new Map<string, number>();
  const kept: number[] = [];
  const firstData = found < 0 ? 0 : headerRow + 1;
  for (let r = firstData; r < values.length; r++) {
    if (!hasContent(r, [])) continue;
    if (found < 0) {
      kept.push(r);
      continue;
    }
    const unit = resolve(String(values[r]?.[columns.unit] ?? ''));
    const month = parseMonth(values[r]?.[columns.month]);
    const key = unit && month && month.year === year ? `${unit.key}|${month.month}` : null;
    if (key !== null && !slots.has(key)) slots.set(key, r);
    else if (hasContent(r, [columns.unit, columns.month])) kept.push(r);
  }

  const grid: SheetValue[][] = [];
  for (let r = 0; r < anchorRow; r++) grid.push(rowOf(r));
  grid.push(Array.from({ length: width }, (_, c) => toSheetValue(header[c])));
  for (let r = anchorRow + 1; r <= headerRow; r++) grid.push(rowOf(r));
  const blocks: UnitBlock[] = [];
  for (const unit of units) {
    blocks.push({ unit, firstRow: grid.length, rows: MONTHS_PER_YEAR });
    for (let month = 1; month <= MONTHS_PER_YEAR; month++) {
      const source = slots.get(`${unit.key}|${month}`);
      const row = source === undefined ? Array.from({ length: width }, (): SheetValue => '') : rowOf(source);
      row[columns.month] = toSheetValue(formatMonth({ year, month }));
      row[columns.unit] = toSheetValue(unit.code);
      grid.push(row);
    }
  }
  for (const r of kept) grid.push(rowOf(r));
  return { grid, headerRow, columns, blocks, kept: kept.length };
}

/** Whether two grids hold the same cells (dates by instant), ignoring trailing empty cells. */
export function sameGrid(
  a: readonly (readonly SheetValue[])[],
  b: readonly (readonly SheetValue[])[],
): boolean {
  const height = Math.max(a.length, b.length);
  for (let r = 0; r < height; r++) {
    const x = a[r] ?? [];
    const y = b[r] ?? [];
    const width = Math.max(x.length, y.length);
    for (let c = 0; c < width; c++) {
      const p = x[c] ?? '';
      const q = y[c] ?? '';
      if (p instanceof Date && q instanceof Date ? p.getTime() !== q.getTime() : p !== q) return false;
    }
  }
  return true;
}
